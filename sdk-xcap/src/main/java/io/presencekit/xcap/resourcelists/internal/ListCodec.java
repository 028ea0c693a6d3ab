package io.presencekit.xcap.resourcelists.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.RESOURCE_LISTS;

import io.presencekit.xcap.resourcelists.DisplayName;
import io.presencekit.xcap.resourcelists.Entry;
import io.presencekit.xcap.resourcelists.EntryRef;
import io.presencekit.xcap.resourcelists.External;
import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import java.util.HashSet;
import java.util.Set;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * A {@code listType} element (RFC 4826, sections 3.2 and 4.2): {@code rl:list} in resource-lists
 * documents and nested lists, {@code rls:list} for an RLS service's inline list. The members are
 * in the resource-lists namespace either way. Immutable and thread-safe.
 *
 * <p>Order: display name, then the members, then elements from other namespaces. A member after
 * a foreign element is a schema slip, kept where it is. The uniqueness constraints of RFC 4826,
 * section 3.4.5 (list names, entry URIs, entry-ref refs and external anchors among siblings) are
 * checked as schema rules.
 */
public final class ListCodec implements ExtensionCodec<ResourceList> {
    private final QName element;

    /** The codec for lists called {@code element}. */
    public ListCodec(QName element) {
        this.element = element;
    }

    @Override
    public QName name() {
        return element;
    }

    @Override
    public Class<ResourceList> type() {
        return ResourceList.class;
    }

    @Override
    public ResourceList read(ElementReader in) {
        String name = in.attribute("name");
        String where = name == null ? "list" : "list '" + name + "'";
        ResourceList.Builder b = ResourceList.builder(name);
        Reading.otherAttributes(in, RESOURCE_LISTS, Wildcard.OTHER, where, "name").forEach(b::attribute);
        boolean hasDisplayName = false;
        boolean member = false;
        boolean foreign = false;
        boolean orderWarned = false;
        while (in.nextChild()) {
            if (RESOURCE_LISTS.equals(in.namespaceUri())) {
                switch (in.localName()) {
                    case "display-name":
                        if (hasDisplayName || member || foreign) {
                            b.append(Reading.unexpected(in, where));
                        } else {
                            hasDisplayName = true;
                            ExtensionElement e = in.readExtension();
                            if (e instanceof DisplayName d) {
                                b.displayName(d);
                            } else {
                                b.append(e);
                            }
                        }
                        continue;
                    case "list":
                    case "entry":
                    case "entry-ref":
                    case "external":
                        if (foreign && !orderWarned) {
                            orderWarned = true;
                            in.schemaViolation("<" + in.localName() + "> after an element from another namespace in "
                                    + where + "; kept in place");
                        }
                        member = true;
                        b.append(in.readExtension());
                        continue;
                    default:
                        b.append(Reading.unexpected(in, where));
                        continue;
                }
            }
            foreign = true;
            b.append(Reading.foreign(in, RESOURCE_LISTS, where));
        }
        ResourceList list = b.build();
        checkUnique(in, list, where);
        return list;
    }

    private static void checkUnique(ElementReader in, ResourceList list, String where) {
        unique(in, list, where, ResourceList.class, l -> l.name().orElse(null), "list name");
        unique(in, list, where, Entry.class, Entry::uri, "entry uri");
        unique(in, list, where, EntryRef.class, EntryRef::ref, "entry-ref ref");
        unique(in, list, where, External.class, e -> e.anchor().orElse(null), "external anchor");
    }

    private static <T> void unique(ElementReader in, ResourceList list, String where, Class<T> type,
            Function<T, String> key, String what) {
        Set<String> seen = new HashSet<>();
        for (ExtensionElement e : list.items()) {
            if (type.isInstance(e)) {
                String k = key.apply(type.cast(e));
                if (k != null && !seen.add(k)) {
                    in.schemaViolation("duplicate " + what + " '" + k + "' in " + where
                            + " (RFC 4826, section 3.4.5); kept as is");
                }
            }
        }
    }

    @Override
    public void write(ResourceList value, ElementWriter out) {
        out.startElement(element).attribute("name", value.name().orElse(null)).attributes(value.attributes());
        value.displayName().ifPresent(out::write);
        out.writeAll(value.items());
        out.endElement();
    }
}
