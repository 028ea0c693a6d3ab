package io.presencekit.xcap.diff;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.diff.internal.DiffSupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.usage.internal.CodecSupport;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.namespace.QName;

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
public final class XcapDiffCodec implements XcapDocumentCodec<XcapDiff> {
    /** The MIME type of xcap-diff documents. */
    public static final String CONTENT_TYPE = "application/xcap-diff+xml";

    private static final XcapDiffCodec STANDARD = builder().build();
    private static final XcapDiffCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry source;
    private final CodecSupport<XcapDiff> support;

    private XcapDiffCodec(Builder b) {
        this.source = b.registry.build();
        this.support = new CodecSupport<>("xcap-diff document",
                CodecSupport.registry(source, DiffSupport.core()), b.limits, b.strict,
                DiffSupport::read, DiffSupport::write);
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
    public XcapDiff read(byte[] input) {
        return support.read(input);
    }

    @Override
    public XcapDiff read(byte[] input, int offset, int length) {
        return support.read(input, offset, length);
    }

    @Override
    public XcapDiff read(InputStream in) {
        return support.read(in);
    }

    @Override
    public byte[] write(XcapDiff document) {
        return support.write(document);
    }

    /** Builds a {@link XcapDiffCodec}. Not thread-safe. */
    public static final class Builder {
        private ExtensionRegistry.Builder registry = DiffSupport.defaults();
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

        public XcapDiffCodec build() {
            return new XcapDiffCodec(this);
        }
    }
}
