package io.presencekit.xcap.directory;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.directory.internal.DirectorySupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.ExtensionRegistry;

/**
 * Reads and writes xcap-directory documents ({@code application/vnd.oma.xcap-directory+xml}, OMA
 * XDM Core), the documents of the XCAP application usage {@code org.openmobilealliance.xcap-directory}.
 *
 * <ul>
 * <li>{@link #standard()}: refuses what is not well-formed, not an xcap-directory (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit; tolerates schema slips (a
 * {@code last-modified} that is not a date-time, an element where none belongs) and records them
 * in {@link XcapDirectory#warnings()}.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Attributes of any namespace on entries are kept and written back. Output is deterministic
 * UTF-8 with the xcap-directory namespace as default.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class XcapDirectoryCodec extends DocumentCodec<XcapDirectory>
        implements XcapDocumentCodec<XcapDirectory> {
    /** The MIME type of xcap-directory documents. */
    public static final String CONTENT_TYPE = "application/vnd.oma.xcap-directory+xml";

    // before the shared instances, which need it
    private static final Format<XcapDirectory> FORMAT = new Format<>("xcap-directory",
            DirectorySupport::read, DirectorySupport::write, null, DirectorySupport.core());

    private static final XcapDirectoryCodec STANDARD = builder().build();
    private static final XcapDirectoryCodec STRICT = builder().strict(true).build();

    private XcapDirectoryCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with default limits. */
    public static XcapDirectoryCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static XcapDirectoryCodec strict() {
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
     * Builds a {@link XcapDirectoryCodec}. The codecs it registers are for elements from other
     * namespaces: the document's own elements are always read by the SDK's codecs, which cannot be
     * replaced. Not thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<XcapDirectoryCodec, Builder> {
        private Builder() {
            super(ExtensionRegistry.empty());
        }

        private Builder(XcapDirectoryCodec codec) {
            super(codec);
        }

        @Override
        public XcapDirectoryCodec build() {
            return new XcapDirectoryCodec(this);
        }
    }
}
