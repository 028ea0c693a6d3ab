package io.presencekit.xcap.xcapcaps;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.xcapcaps.internal.XcapCapsSupport;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.ExtensionRegistry;

/**
 * Reads and writes XCAP server capabilities documents ({@code application/xcap-caps+xml}, RFC
 * 4825, section 12), the document of the application usage {@code xcap-caps}.
 *
 * <ul>
 * <li>{@link #standard()}: refuses what is not well-formed, not xcap-caps (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit; tolerates schema slips (a
 * missing {@code auids} or {@code namespaces}, lists out of order) and records them in
 * {@link XcapCaps#warnings()}. A list holding something else than its items is kept whole as a
 * generic element.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Elements from other namespaces are kept and written back. Output is deterministic UTF-8
 * with the xcap-caps namespace as default; {@code auids} and {@code namespaces} are always
 * written, as the schema requires them.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class XcapCapsCodec extends DocumentCodec<XcapCaps>
        implements XcapDocumentCodec<XcapCaps> {
    /** The MIME type of xcap-caps documents. */
    public static final String CONTENT_TYPE = "application/xcap-caps+xml";

    // before the shared instances, which need it
    private static final Format<XcapCaps> FORMAT = new Format<>("xcap-caps",
            XcapCapsSupport::read, XcapCapsSupport::write, null, XcapCapsSupport.core());

    private static final XcapCapsCodec STANDARD = builder().build();
    private static final XcapCapsCodec STRICT = builder().strict(true).build();

    private XcapCapsCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with default limits. */
    public static XcapCapsCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static XcapCapsCodec strict() {
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
     * Builds a {@link XcapCapsCodec}. The codecs it registers are for elements from other namespaces:
     * the document's own elements are always read by the SDK's codecs, which cannot be replaced. Not
     * thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<XcapCapsCodec, Builder> {
        private Builder() {
            super(ExtensionRegistry.empty());
        }

        private Builder(XcapCapsCodec codec) {
            super(codec);
        }

        @Override
        public XcapCapsCodec build() {
            return new XcapCapsCodec(this);
        }
    }
}
