package io.presencekit.xcap.directory;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.directory.internal.DirectorySupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.usage.internal.CodecSupport;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.namespace.QName;

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
public final class XcapDirectoryCodec implements XcapDocumentCodec<XcapDirectory> {
    /** The MIME type of xcap-directory documents. */
    public static final String CONTENT_TYPE = "application/vnd.oma.xcap-directory+xml";

    private static final XcapDirectoryCodec STANDARD = builder().build();
    private static final XcapDirectoryCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry source;
    private final CodecSupport<XcapDirectory> support;

    private XcapDirectoryCodec(Builder b) {
        this.source = b.registry.build();
        this.support = new CodecSupport<>("xcap-directory document",
                CodecSupport.registry(source, DirectorySupport.core()), b.limits, b.strict,
                DirectorySupport::read, DirectorySupport::write);
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
    public XcapDirectory read(byte[] input) {
        return support.read(input);
    }

    @Override
    public XcapDirectory read(byte[] input, int offset, int length) {
        return support.read(input, offset, length);
    }

    @Override
    public XcapDirectory read(InputStream in) {
        return support.read(in);
    }

    @Override
    public byte[] write(XcapDirectory document) {
        return support.write(document);
    }

    /** Builds a {@link XcapDirectoryCodec}. Not thread-safe. */
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

        public XcapDirectoryCodec build() {
            return new XcapDirectoryCodec(this);
        }
    }
}
