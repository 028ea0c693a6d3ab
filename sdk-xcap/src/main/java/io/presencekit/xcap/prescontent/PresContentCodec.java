package io.presencekit.xcap.prescontent;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.prescontent.internal.PresContentSupport;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.usage.internal.CodecSupport;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Reads and writes pres-content documents ({@code application/vnd.oma.pres-content+xml}, OMA
 * Presence Content XDM), the documents of the XCAP application usage
 * {@code org.openmobilealliance.pres-content}.
 *
 * <ul>
 * <li>{@link #standard()}: refuses what is not well-formed, not pres-content (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit; tolerates schema slips (no
 * {@code data}, elements out of order) and records them in {@link PresContent#warnings()}.
 * Whether the MIME type, encoding and size suit a status icon is not a schema matter: see
 * {@link PresContent#isAcceptableIcon()}.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Elements from other namespaces and attributes of any namespace are kept and written back.
 * Output is deterministic UTF-8 with the pres-content namespace as default. The default limits
 * are {@link XmlLimits#DEFAULT} with text nodes of up to {@value #MAX_TEXT_LENGTH} characters, so
 * that the base64 of an icon as large as OpenXCAP accepts ({@link PresContent#MAX_ICON_BYTES})
 * fits.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class PresContentCodec implements XcapDocumentCodec<PresContent> {
    /** The MIME type of pres-content documents. */
    public static final String CONTENT_TYPE = "application/vnd.oma.pres-content+xml";

    /** The longest text node the default limits accept: base64 of {@link PresContent#MAX_ICON_BYTES}, with room for line breaks. */
    public static final int MAX_TEXT_LENGTH = 512 * 1024;

    private static final XmlLimits DEFAULT_LIMITS = XmlLimits.DEFAULT.copy().maxTextLength(MAX_TEXT_LENGTH).build();

    private static final PresContentCodec STANDARD = builder().build();
    private static final PresContentCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry source;
    private final CodecSupport<PresContent> support;

    private PresContentCodec(Builder b) {
        this.source = b.registry.build();
        this.support = new CodecSupport<>("pres-content document",
                CodecSupport.registry(source, PresContentSupport.core()), b.limits, b.strict,
                PresContentSupport::read, PresContentSupport::write);
    }

    /** The lenient codec with default limits. */
    public static PresContentCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static PresContentCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings (lenient, the default limits above). */
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
    public PresContent read(byte[] input) {
        return support.read(input);
    }

    @Override
    public PresContent read(byte[] input, int offset, int length) {
        return support.read(input, offset, length);
    }

    @Override
    public PresContent read(InputStream in) {
        return support.read(in);
    }

    @Override
    public byte[] write(PresContent document) {
        return support.write(document);
    }

    /** Builds a {@link PresContentCodec}. Not thread-safe. */
    public static final class Builder {
        private ExtensionRegistry.Builder registry = ExtensionRegistry.builder();
        private XmlLimits limits = DEFAULT_LIMITS;
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

        public PresContentCodec build() {
            return new PresContentCodec(this);
        }
    }
}
