package io.presencekit.xcap.resourcelists.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.RESOURCE_LISTS;

import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.DocumentReader;
import java.util.HashSet;
import java.util.Set;

/** Reads a resource-lists document (RFC 4826, section 3.2) from its root. */
public final class ResourceListsReader {
    private ResourceListsReader() {
    }

    public static ResourceLists read(DocumentReader in) {
        Reading.root(in, RESOURCE_LISTS, "resource-lists", "a resource-lists document");
        ResourceLists.Builder b = ResourceLists.builder();
        Reading.otherAttributes(in, RESOURCE_LISTS, Wildcard.NONE, "resource-lists").forEach(b::attribute);
        Set<String> names = new HashSet<>();
        while (in.nextChild()) {
            if (in.is(RESOURCE_LISTS, "list")) {
                var e = in.readExtension();
                if (e instanceof ResourceList l && l.name().isPresent() && !names.add(l.name().get())) {
                    in.schemaViolation("duplicate list name '" + l.name().get()
                            + "' in resource-lists (RFC 4826, section 3.4.5); kept as is");
                }
                b.item(e);
            } else {
                b.item(Reading.unexpected(in, "resource-lists"));
            }
        }
        return b.warnings(in.warnings()).build();
    }
}
