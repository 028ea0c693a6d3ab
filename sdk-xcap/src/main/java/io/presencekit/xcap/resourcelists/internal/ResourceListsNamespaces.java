package io.presencekit.xcap.resourcelists.internal;

import io.presencekit.xcap.resourcelists.AddressBookContact;
import io.presencekit.xcap.resourcelists.AddressBookGroup;
import io.presencekit.xcap.resourcelists.AddressBookPolicy;
import io.presencekit.xcap.resourcelists.ContactUri;
import io.presencekit.xcap.resourcelists.DisplayName;
import io.presencekit.xcap.resourcelists.Entry;
import io.presencekit.xcap.resourcelists.EntryRef;
import io.presencekit.xcap.resourcelists.External;
import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.resourcelists.SharedAttributes;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;

/** Gathers the namespaces of resource-lists content, so that writers declare them once on the root. */
public final class ResourceListsNamespaces {
    private ResourceListsNamespaces() {
    }

    /** Adds the namespaces {@code e} and everything inside it use. */
    public static void collect(NamespaceSet ns, ExtensionElement e) {
        if (e instanceof ResourceList l) {
            ns.add(XcapNamespaces.RESOURCE_LISTS).attributes(l.attributes());
            for (ExtensionElement item : l.items()) {
                collect(ns, item);
            }
        } else if (e instanceof Entry en) {
            extras(ns.add(XcapNamespaces.RESOURCE_LISTS), en.extras());
        } else if (e instanceof EntryRef r) {
            extras(ns.add(XcapNamespaces.RESOURCE_LISTS), r.extras());
        } else if (e instanceof External x) {
            extras(ns.add(XcapNamespaces.RESOURCE_LISTS), x.extras());
        } else if (e instanceof DisplayName) {
            ns.add(XcapNamespaces.RESOURCE_LISTS);
        } else if (e instanceof AddressBookContact c) {
            ns.add(XcapNamespaces.AGP_ADDRESSBOOK).attributes(c.urisAttributes());
            for (ContactUri u : c.uris()) {
                extras(ns, u.extras());
            }
            extras(ns, c.extras());
        } else if (e instanceof AddressBookGroup g) {
            extras(ns.add(XcapNamespaces.AGP_ADDRESSBOOK), g.extras());
        } else if (e instanceof AddressBookPolicy p) {
            extras(ns.add(XcapNamespaces.AGP_ADDRESSBOOK), p.extras());
        } else if (e instanceof SharedAttributes a) {
            ns.add(a.namespace(), a.qname().getPrefix());
        } else {
            ns.other(e);
        }
    }

    private static void extras(NamespaceSet ns, Extras extras) {
        ns.attributes(extras.attributes());
        for (ExtensionElement child : extras.children()) {
            collect(ns, child);
        }
    }
}
