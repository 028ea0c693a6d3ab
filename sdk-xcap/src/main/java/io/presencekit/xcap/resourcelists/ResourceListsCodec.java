package io.presencekit.xcap.resourcelists;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.resourcelists.internal.ResourceListsCodecs;
import io.presencekit.xcap.resourcelists.internal.ResourceListsReader;
import io.presencekit.xcap.resourcelists.internal.ResourceListsWriter;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.usage.internal.CodecSupport;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Reads and writes resource-lists documents ({@code application/resource-lists+xml}, RFC 4826,
 * section 3), the documents of the XCAP application usage {@code resource-lists}.
 *
 * <p>The resource-lists elements are always read typed. The AG Projects address book elements
 * ({@link AddressBookContact}, {@link AddressBookGroup}, {@link AddressBookPolicy}) and the
 * {@link SharedAttributes} of agp-rl, sipsimple and Blink are read typed by default
 * ({@link Builder#unregister unregister} them to keep them generic); anything else from another
 * namespace is kept as a {@link io.presencekit.xml.GenericElement} and written back unchanged, in
 * place. Elements another client put where the schema does not allow them are kept too.
 *
 * <p>Two modes, as for the other document codecs:
 * <ul>
 * <li>{@link #standard()}: refuses what is not well-formed, not resource-lists (root element and
 * namespace exact), carries a DOCTYPE or entity, or breaks a limit; tolerates schema slips (an
 * element out of order, a duplicate name against RFC 4826, section 3.4.5) and records them in
 * {@link ResourceLists#warnings()}. An element it cannot represent typed (an entry without
 * {@code uri}, say) is kept whole as a generic element, with a warning.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Output is deterministic UTF-8 with the resource-lists namespace as default and the prefixes
 * python-sipsimple uses ({@code addressbook}, {@code agp-rl}, {@code sipsimple}, {@code blink})
 * declared once on the root.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class ResourceListsCodec implements XcapDocumentCodec<ResourceLists> {
    /** The MIME type of resource-lists documents. */
    public static final String CONTENT_TYPE = "application/resource-lists+xml";

    private static final ResourceListsCodec STANDARD = builder().build();
    private static final ResourceListsCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry source;
    private final CodecSupport<ResourceLists> support;

    private ResourceListsCodec(Builder b) {
        this.source = b.registry.build();
        this.support = new CodecSupport<>("resource-lists document",
                CodecSupport.registry(source, ResourceListsCodecs.core()), b.limits, b.strict,
                ResourceListsReader::read, ResourceListsWriter::write);
    }

    /** The lenient codec with default limits. */
    public static ResourceListsCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static ResourceListsCodec strict() {
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

    /** The registry, the resource-lists element codecs included. */
    public ExtensionRegistry registry() {
        return support.registry();
    }

    @Override
    public ResourceLists read(byte[] input) {
        return support.read(input);
    }

    @Override
    public ResourceLists read(byte[] input, int offset, int length) {
        return support.read(input, offset, length);
    }

    @Override
    public ResourceLists read(InputStream in) {
        return support.read(in);
    }

    @Override
    public byte[] write(ResourceLists document) {
        return support.write(document);
    }

    /** Builds a {@link ResourceListsCodec}. Not thread-safe. */
    public static final class Builder {
        private ExtensionRegistry.Builder registry = ResourceListsCodecs
                .prefixes(ExtensionRegistry.builder()).registerAll(ResourceListsCodecs.defaults());
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
         * resource-lists elements themselves cannot be replaced.
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

        public ResourceListsCodec build() {
            return new ResourceListsCodec(this);
        }
    }
}
