package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A resource-lists document ({@code application/resource-lists+xml}, RFC 4826, section 3): the
 * XCAP application usage {@code resource-lists} that holds a user's buddy lists. Blink and other
 * python-sipsimple clients keep their whole address book in it (the {@code sipsimple_addressbook}
 * list of {@link AddressBookContact}s and groups) next to derived lists such as
 * {@code oma_grantedcontacts} and {@code sipsimple_presence_rls}.
 *
 * <p>The schema allows only {@code list} elements at the top level; a lenient read keeps anything
 * else there as a generic element in {@link #items()} (with a warning) so that it is written back.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class ResourceLists {
    /** {@code rl:resource-lists}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "resource-lists", "rl");

    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;
    private final List<ParseWarning> warnings;

    private ResourceLists(Builder b) {
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
        this.warnings = List.copyOf(b.warnings);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.items.addAll(items);
        b.attributes.putAll(attributes);
        return b;
    }

    /** The top-level lists, in order. */
    public List<ResourceList> lists() {
        return Values.ofType(items, ResourceList.class);
    }

    /** Every top-level element in order: the lists, and whatever a lenient read kept beside them. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** The top-level list called {@code name}, if any. */
    public Optional<ResourceList> list(String name) {
        return lists().stream().filter(l -> l.name().isPresent() && l.name().get().equals(name)).findFirst();
    }

    /** Attributes on the root element (none are defined), kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceLists d && items.equals(d.items) && attributes.equals(d.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, attributes);
    }

    @Override
    public String toString() {
        return "ResourceLists[items=" + items + (attributes.isEmpty() ? "" : ", attributes=" + attributes)
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /** Builds {@link ResourceLists}. Not thread-safe. */
    public static final class Builder {
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Appends a top-level list. */
        public Builder list(ResourceList list) {
            items.add(Objects.requireNonNull(list, "list"));
            return this;
        }

        /** Replaces the top-level list with the same name in place, or appends {@code list}. */
        public Builder putList(ResourceList list) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof ResourceList l && l.name().equals(list.name())) {
                    items.set(i, list);
                    return this;
                }
            }
            return list(list);
        }

        /** Removes the top-level lists called {@code name}. */
        public Builder removeList(String name) {
            items.removeIf(e -> e instanceof ResourceList l && l.name().isPresent() && l.name().get().equals(name));
            return this;
        }

        /** Appends a top-level element as is (readers use it for what the schema does not allow there). */
        public Builder item(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Adds an attribute to the root element. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Records tolerated schema slips (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            this.warnings.addAll(warnings);
            return this;
        }

        public ResourceLists build() {
            return new ResourceLists(this);
        }
    }
}
