package io.presencekit.pidf;

import io.presencekit.error.DocumentParseException;
import io.presencekit.pidf.internal.PidfReader;
import io.presencekit.pidf.internal.PidfWriter;
import io.presencekit.pidf.internal.StandardExtensions;
import io.presencekit.xml.DocumentCodec;
import javax.xml.namespace.QName;

/**
 * Reads and writes PIDF documents ({@code application/pidf+xml}, RFC 3863) with the RFC 4479 data
 * model and every registered extension (RFC 4480 RPID, RFC 4482 CIPID, RFC 5196 caps, RFC 4481
 * timed status, the AG Projects extensions).
 *
 * <p>Two modes:
 * <ul>
 * <li>{@link #standard()}, used for NOTIFY bodies: refuses what is not well-formed, not PIDF
 * (root element and namespace exact), carries a DOCTYPE or entity, breaks a limit, or has an
 * element marked {@code mustUnderstand} that no codec claims (RFC 3863, section 4.3.3). Schema
 * slips inside the document (a bad extension value, an element out of order, a missing id) are
 * tolerated and recorded in {@link PresenceDocument#warnings()}; a broken extension is kept as a
 * {@link io.presencekit.xml.GenericElement}, so nothing is lost.</li>
 * <li>{@link #strict()}: additionally enforces the schema (required elements and attributes,
 * enumerations, unique ids, element order); every slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Elements nobody claims are kept and written back unchanged (same names, namespaces,
 * attributes, text and order). Output is deterministic UTF-8 with stable prefixes.
 *
 * <p>Immutable and thread-safe; share instances. Each instance has its own extension registry.
 */
public final class PidfCodec extends DocumentCodec<PresenceDocument> {
    /** The MIME type of PIDF documents. */
    public static final String CONTENT_TYPE = "application/pidf+xml";

    /** {@code {urn:ietf:params:xml:ns:pidf}mustUnderstand}. */
    public static final QName MUST_UNDERSTAND = new QName(Namespaces.PIDF, "mustUnderstand");

    // before the shared instances, which need it
    private static final Format<PresenceDocument> FORMAT = new Format<>("PIDF", PidfReader::read, PidfWriter::write,
            MUST_UNDERSTAND);

    private static final PidfCodec STANDARD = builder().build();
    private static final PidfCodec STRICT = builder().strict(true).build();

    private PidfCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with every standard extension and default limits; the one for NOTIFY bodies. */
    public static PidfCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with every standard extension and default limits. */
    public static PidfCodec strict() {
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

    /**
     * Builds a {@link PidfCodec}, starting lenient, with default limits and every standard
     * extension. Not thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<PidfCodec, Builder> {
        private Builder() {
            super(StandardExtensions.registry());
        }

        private Builder(PidfCodec codec) {
            super(codec);
        }

        @Override
        public PidfCodec build() {
            return new PidfCodec(this);
        }
    }
}
