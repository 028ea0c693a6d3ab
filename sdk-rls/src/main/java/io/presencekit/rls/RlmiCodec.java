package io.presencekit.rls;

import io.presencekit.error.DocumentParseException;
import io.presencekit.rls.internal.RlmiReader;
import io.presencekit.rls.internal.RlmiWriter;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.ExtensionRegistry;

/**
 * Reads and writes RLMI documents ({@code application/rlmi+xml}, RFC 4662, section 5), the root
 * part of every resource-list NOTIFY.
 *
 * <p>Hardened like the PIDF codec: input that is not well-formed, not RLMI (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit is refused with a
 * {@link DocumentParseException} (line, column, reason). {@link #standard()} tolerates schema
 * slips inside the document (a missing or bad attribute, an unknown element in the RLMI
 * namespace, elements out of order) and lists them in {@link RlmiList#warnings()}, keeping a raw
 * value that could not be typed as an unknown attribute; {@link #strict()} refuses every one.
 * Unknown attributes and elements are kept and written back unchanged.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class RlmiCodec extends DocumentCodec<RlmiList> {
    /** The MIME type of RLMI documents. */
    public static final String CONTENT_TYPE = "application/rlmi+xml";

    private static final Format<RlmiList> FORMAT = new Format<>("RLMI", RlmiReader::read, RlmiWriter::write, null);

    private static final RlmiCodec STANDARD = builder().build();
    private static final RlmiCodec STRICT = builder().strict(true).build();

    private RlmiCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with default limits; the one for NOTIFY bodies. */
    public static RlmiCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static RlmiCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this codec's settings and registry. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Builds an {@link RlmiCodec}. Not thread-safe. */
    public static final class Builder extends DocumentCodec.Builder<RlmiCodec, Builder> {
        private Builder() {
            super(ExtensionRegistry.empty());
        }

        private Builder(RlmiCodec codec) {
            super(codec);
        }

        @Override
        public RlmiCodec build() {
            return new RlmiCodec(this);
        }
    }
}
