package io.presencekit.xcap.resourcelists.internal;

import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.resourcelists.SharedAttributes;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import java.util.ArrayList;
import java.util.List;

/** The codecs and prefixes of resource-lists content, shared by the resource-lists and rls-services codecs. */
public final class ResourceListsCodecs {
    private static final List<ExtensionCodec<?>> CORE = List.of(new ListCodec(ResourceList.QNAME),
            new MemberCodecs.EntryCodec(), new MemberCodecs.EntryRefCodec(), new MemberCodecs.ExternalCodec(),
            new DisplayNameCodec());

    private static final List<ExtensionCodec<?>> DEFAULTS;

    static {
        List<ExtensionCodec<?>> d = new ArrayList<>(AddressBookCodecs.codecs());
        d.add(new SharedAttributesCodec(SharedAttributes.AGP_RL));
        d.add(new SharedAttributesCodec(SharedAttributes.SIPSIMPLE));
        d.add(new SharedAttributesCodec(SharedAttributes.BLINK));
        DEFAULTS = List.copyOf(d);
    }

    private ResourceListsCodecs() {
    }

    /** The RFC 4826 resource-lists elements: list, entry, entry-ref, external, display-name. */
    public static List<ExtensionCodec<?>> core() {
        return CORE;
    }

    /**
     * The AG Projects extensions read typed by default: the address book's contact, group and
     * policy-element, and the {@code attributes} elements of agp-rl, sipsimple and Blink.
     */
    public static List<ExtensionCodec<?>> defaults() {
        return DEFAULTS;
    }

    /** Registers the prefixes these documents use in the wild (python-sipsimple's). */
    public static ExtensionRegistry.Builder prefixes(ExtensionRegistry.Builder b) {
        return b.prefix(XcapNamespaces.RESOURCE_LISTS, "rl")
                .prefix(XcapNamespaces.AGP_ADDRESSBOOK, "addressbook")
                .prefix(XcapNamespaces.AGP_RESOURCE_LISTS, "agp-rl")
                .prefix(XcapNamespaces.SIPSIMPLE_ADDRESSBOOK, "sipsimple")
                .prefix(XcapNamespaces.BLINK_ADDRESSBOOK, "blink");
    }
}
