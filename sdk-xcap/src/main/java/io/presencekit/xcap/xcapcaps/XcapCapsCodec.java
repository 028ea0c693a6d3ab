package io.presencekit.xcap.xcapcaps;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.xcapcaps.internal.XcapCapsSupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.usage.internal.CodecSupport;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.namespace.QName;

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
public final class XcapCapsCodec implements XcapDocumentCodec<XcapCaps> {
    /** The MIME type of xcap-caps documents. */
    public static final String CONTENT_TYPE = "application/xcap-caps+xml";

    private static final XcapCapsCodec STANDARD = builder().build();
    private static final XcapCapsCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry source;
    private final CodecSupport<XcapCaps> support;

    private XcapCapsCodec(Builder b) {
        this.source = b.registry.build();
        this.support = new CodecSupport<>("xcap-caps document",
                CodecSupport.registry(source, XcapCapsSupport.core()), b.limits, b.strict,
                XcapCapsSupport::read, XcapCapsSupport::write);
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

    /** The registry, the document's own element codecs included. */
    public ExtensionRegistry registry() {
        return support.registry();
    }

    @Override
    public XcapCaps read(byte[] input) {
        return support.read(input);
    }

    @Override
    public XcapCaps read(byte[] input, int offset, int length) {
        return support.read(input, offset, length);
    }

    @Override
    public XcapCaps read(InputStream in) {
        return support.read(in);
    }

    @Override
    public byte[] write(XcapCaps document) {
        return support.write(document);
    }

    /** Builds a {@link XcapCapsCodec}. Not thread-safe. */
    public static final class Builder {
        private ExtensionRegistry.Builder registry = ExtensionRegistry.builder();
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
         * document's own elements cannot be replaced.
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

        public XcapCapsCodec build() {
            return new XcapCapsCodec(this);
        }
    }
}
