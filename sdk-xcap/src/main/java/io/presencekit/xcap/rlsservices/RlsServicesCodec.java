package io.presencekit.xcap.rlsservices;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.rlsservices.internal.RlsServicesSupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xml.DocumentCodec;

/**
 * Reads and writes RLS services documents ({@code application/rls-services+xml}, RFC 4826,
 * section 4), the documents of the XCAP application usage {@code rls-services}.
 *
 * <p>A service's inline list is a {@link io.presencekit.xcap.resourcelists.ResourceList}, read as
 * in resource-lists documents (with the same AG Projects extensions by default). Elements and
 * attributes from other namespaces are kept and written back unchanged.
 *
 * <ul>
 * <li>{@link #standard()}: refuses what is not well-formed, not rls-services (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit; tolerates schema slips (a
 * service with two lists or none, a duplicate service URI) and records them in
 * {@link RlsServices#warnings()}. An element it cannot represent typed is kept whole as a generic
 * element, with a warning.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Output is deterministic UTF-8 with the rls-services namespace as default and {@code rl} for
 * the resource-lists elements of inline lists.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class RlsServicesCodec extends DocumentCodec<RlsServices>
        implements XcapDocumentCodec<RlsServices> {
    /** The MIME type of rls-services documents. */
    public static final String CONTENT_TYPE = "application/rls-services+xml";

    // before the shared instances, which need it
    private static final Format<RlsServices> FORMAT = new Format<>("rls-services",
            RlsServicesSupport::read, RlsServicesSupport::write, null, RlsServicesSupport.core());

    private static final RlsServicesCodec STANDARD = builder().build();
    private static final RlsServicesCodec STRICT = builder().strict(true).build();

    private RlsServicesCodec(Builder b) {
        super(FORMAT, b);
    }

    /** The lenient codec with default limits. */
    public static RlsServicesCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static RlsServicesCodec strict() {
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
     * Builds a {@link RlsServicesCodec}. The codecs it registers are for elements from other
     * namespaces: the rls-services and resource-lists elements themselves are always read by the
     * SDK's codecs, which cannot be replaced. Not thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<RlsServicesCodec, Builder> {
        private Builder() {
            super(RlsServicesSupport.defaults().build());
        }

        private Builder(RlsServicesCodec codec) {
            super(codec);
        }

        @Override
        public RlsServicesCodec build() {
            return new RlsServicesCodec(this);
        }
    }
}
