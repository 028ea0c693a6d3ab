package io.presencekit.xcap.resourcelists;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.resourcelists.internal.ResourceListsCodecs;
import io.presencekit.xcap.resourcelists.internal.ResourceListsReader;
import io.presencekit.xcap.resourcelists.internal.ResourceListsWriter;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.ExtensionRegistry;

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
public final class ResourceListsCodec extends DocumentCodec<ResourceLists>
        implements XcapDocumentCodec<ResourceLists> {
    /** The MIME type of resource-lists documents. */
    public static final String CONTENT_TYPE = "application/resource-lists+xml";

    // before the shared instances, which need it
    private static final Format<ResourceLists> FORMAT = new Format<>("resource-lists",
            ResourceListsReader::read, ResourceListsWriter::write, null, ResourceListsCodecs.core());

    private static final ResourceListsCodec STANDARD = builder().build();
    private static final ResourceListsCodec STRICT = builder().strict(true).build();

    private ResourceListsCodec(Builder b) {
        super(FORMAT, b);
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
        return new Builder(this);
    }

    @Override
    public String contentType() {
        return CONTENT_TYPE;
    }

    /**
     * Builds a {@link ResourceListsCodec}. The codecs it registers are for elements from other
     * namespaces: the resource-lists elements themselves are always read by the SDK's codecs, which
     * cannot be replaced. Not thread-safe.
     */
    public static final class Builder extends DocumentCodec.Builder<ResourceListsCodec, Builder> {
        private Builder() {
            super(ResourceListsCodecs.prefixes(ExtensionRegistry.builder())
                    .registerAll(ResourceListsCodecs.defaults()).build());
        }

        private Builder(ResourceListsCodec codec) {
            super(codec);
        }

        @Override
        public ResourceListsCodec build() {
            return new ResourceListsCodec(this);
        }
    }
}
