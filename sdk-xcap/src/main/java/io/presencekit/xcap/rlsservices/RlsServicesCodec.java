package io.presencekit.xcap.rlsservices;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.rlsservices.internal.RlsServicesSupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.usage.internal.CodecSupport;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.namespace.QName;

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
public final class RlsServicesCodec implements XcapDocumentCodec<RlsServices> {
    /** The MIME type of rls-services documents. */
    public static final String CONTENT_TYPE = "application/rls-services+xml";

    private static final RlsServicesCodec STANDARD = builder().build();
    private static final RlsServicesCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry source;
    private final CodecSupport<RlsServices> support;

    private RlsServicesCodec(Builder b) {
        this.source = b.registry.build();
        this.support = new CodecSupport<>("rls-services document",
                CodecSupport.registry(source, RlsServicesSupport.core()), b.limits, b.strict,
                RlsServicesSupport::read, RlsServicesSupport::write);
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
        Builder b = new Builder();
        b.registry = source.toBuilder();
        b.limits = support.limits();
        b.strict = support.strict();
        return b;
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    @Override
    public boolean isStrict() {
        return support.strict();
    }

    @Override
    public XmlLimits limits() {
        return support.limits();
    }

    /** The registry, the rls-services and resource-lists element codecs included. */
    public ExtensionRegistry registry() {
        return support.registry();
    }

    @Override
    public RlsServices read(byte[] input) {
        return support.read(input);
    }

    @Override
    public RlsServices read(byte[] input, int offset, int length) {
        return support.read(input, offset, length);
    }

    @Override
    public RlsServices read(InputStream in) {
        return support.read(in);
    }

    @Override
    public byte[] write(RlsServices document) {
        return support.write(document);
    }

    /** Builds a {@link RlsServicesCodec}. Not thread-safe. */
    public static final class Builder {
        private ExtensionRegistry.Builder registry = RlsServicesSupport.defaults();
        private XmlLimits limits = XmlLimits.DEFAULT;
        private boolean strict;

        private Builder() {
        }

        /** Enforce the schema (true) or tolerate slips with warnings (false, the default). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Limits on input size, depth, attributes and text. */
        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /**
         * Adds or replaces the codec for an element from another namespace. The codecs of the
         * rls-services and resource-lists elements themselves cannot be replaced.
         */
        public Builder register(ExtensionCodec<?> codec) {
            registry.register(codec);
            return this;
        }

        /** Removes the codec for {@code name}: that element is then kept as a generic element. */
        public Builder unregister(QName name) {
            registry.unregister(name);
            return this;
        }

        /** Sets the prefix written for {@code namespaceUri}. */
        public Builder prefix(String namespaceUri, String prefix) {
            registry.prefix(namespaceUri, prefix);
            return this;
        }

        public RlsServicesCodec build() {
            return new RlsServicesCodec(this);
        }
    }
}
