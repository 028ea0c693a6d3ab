package io.presencekit.xcap.diff;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.diff.internal.DiffSupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xml.DocumentCodec;

/**
 * Reads and writes XCAP diff documents ({@code application/xcap-diff+xml}, RFC 5874): the
 * bodies of {@code xcap-diff} NOTIFYs (RFC 5875). Not an XCAP application usage, so not among
 * {@link io.presencekit.xcap.usage.ApplicationUsage}'s constants.
 *
 * <ul>
 * <li>{@link #standard()}: refuses what is not well-formed, not xcap-diff (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit; tolerates schema slips (no
 * {@code xcap-root}, elements out of order) and records them in {@link XcapDiff#warnings()}. A
 * change it cannot represent typed (without {@code sel}, say) is kept whole as a generic element.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Patch operations, element content, attributes of any namespace and elements from other
 * namespaces are kept and written back. Output is deterministic UTF-8 with the xcap-diff
 * namespace as default.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class XcapDiffCodec extends DocumentCodec<XcapDiff>
        implements XcapDocumentCodec<XcapDiff> {
    /** The MIME type of xcap-diff documents. */
    public static final String CONTENT_TYPE = "application/xcap-diff+xml";

    // before the shared instances, which need it
    private static final Format<XcapDiff> FORMAT = new Format<>("xcap-diff",
            DiffSupport::read, DiffSupport::write, null, DiffSupport.core());

    private static final XcapDiffCodec STANDARD = builder().build();
    private static final XcapDiffCodec STRICT = builder().strict(true).build();

    private XcapDiffCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with default limits. */
    public static XcapDiffCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static XcapDiffCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this codec's settings and extension codecs. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /**
     * Builds a {@link XcapDiffCodec}. The codecs it registers are for elements from other namespaces:
     * the document's own elements are always read by the SDK's codecs, which cannot be replaced. Not
     * thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<XcapDiffCodec, Builder> {
        private Builder() {
            super(DiffSupport.defaults().build());
        }

        private Builder(XcapDiffCodec codec) {
            super(codec);
        }

        @Override
        public XcapDiffCodec build() {
            return new XcapDiffCodec(this);
        }
    }
}
