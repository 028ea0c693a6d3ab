package io.presencekit.xcap.resourcelists.internal;

import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;

/**
 * Writes a resource-lists document with the resource-lists namespace as default and every other
 * namespace declared once on the root, with the prefixes python-sipsimple uses.
 */
public final class ResourceListsWriter {
    private ResourceListsWriter() {
    }

    public static byte[] write(ResourceLists doc, ExtensionRegistry registry) {
        NamespaceSet ns = new NamespaceSet(registry).add(XcapNamespaces.RESOURCE_LISTS).attributes(doc.attributes());
        for (ExtensionElement e : doc.items()) {
            ResourceListsNamespaces.collect(ns, e);
        }
        DocumentWriter out = new DocumentWriter(registry).declareOnRoot(ns.result());
        out.startElement(ResourceLists.QNAME).attributes(doc.attributes());
        out.writeAll(doc.items());
        out.endElement();
        return out.toByteArray();
    }
}
