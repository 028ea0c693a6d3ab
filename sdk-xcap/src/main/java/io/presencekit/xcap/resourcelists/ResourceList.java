package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.xml.namespace.QName;

/**
 * A {@code list} (RFC 4826, section 3.2): an optional name and display name, then its members in
 * document order: {@link Entry}, {@link EntryRef}, {@link External}, nested {@link ResourceList}s,
 * and elements from other namespaces (the schema's {@code ##other} point after the members), such
 * as the AG Projects address book's {@link AddressBookContact}, {@link AddressBookGroup} and
 * {@link AddressBookPolicy}, or anything another client put there (kept as a
 * {@link io.presencekit.xml.GenericElement} and written back unchanged, in place).
 *
 * <p>The same type is the inline {@code list} of an RLS service (RFC 4826, section 4.2), whose
 * element is in the rls-services namespace but whose members are in the resource-lists one.
 *
 * <p>Immutable and thread-safe.
 */
public final class ResourceList implements ExtensionElement {
    /** {@code rl:list}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "list", "rl");

    private final String name;
    private final DisplayName displayName;
    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;

    private ResourceList(Builder b) {
        this.name = b.name;
        this.displayName = b.displayName;
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
    }

    /** A builder for a list without a name. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder for a list called {@code name}. */
    public static Builder builder(String name) {
        return new Builder().name(name);
    }

    /** A builder holding this list. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.name = name;
        b.displayName = displayName;
        b.items.addAll(items);
        b.attributes.putAll(attributes);
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The {@code name} attribute, unique among sibling lists, if any. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    /** The display name, if any. */
    public Optional<DisplayName> displayName() {
        return Optional.ofNullable(displayName);
    }

    /** Every member, in document order, whatever its type. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** The entries, in order. */
    public List<Entry> entries() {
        return Values.ofType(items, Entry.class);
    }

    /** The entry-refs, in order. */
    public List<EntryRef> entryRefs() {
        return Values.ofType(items, EntryRef.class);
    }

    /** The externals, in order. */
    public List<External> externals() {
        return Values.ofType(items, External.class);
    }

    /** The nested lists, in order. */
    public List<ResourceList> lists() {
        return Values.ofType(items, ResourceList.class);
    }

    /** The members that are not resource-lists elements (elements from other namespaces), in order. */
    public List<ExtensionElement> extensions() {
        List<ExtensionElement> out = new ArrayList<>();
        for (ExtensionElement e : items) {
            if (!isListMember(e)) {
                out.add(e);
            }
        }
        return List.copyOf(out);
    }

    /** The members of type {@code type}, in order. */
    public <T extends ExtensionElement> List<T> items(Class<T> type) {
        return Values.ofType(items, type);
    }

    /** The AG Projects address book contacts in this list. */
    public List<AddressBookContact> contacts() {
        return items(AddressBookContact.class);
    }

    /** The AG Projects address book groups in this list. */
    public List<AddressBookGroup> groups() {
        return items(AddressBookGroup.class);
    }

    /** The AG Projects address book policy elements in this list. */
    public List<AddressBookPolicy> policies() {
        return items(AddressBookPolicy.class);
    }

    /** The entry with URI {@code uri}, if any. */
    public Optional<Entry> entry(String uri) {
        return entries().stream().filter(e -> e.uri().equals(uri)).findFirst();
    }

    /** The nested list called {@code name}, if any. */
    public Optional<ResourceList> list(String name) {
        return lists().stream().filter(l -> Objects.equals(name, l.name)).findFirst();
    }

    /** The URIs of the entries of this list and of every nested list, depth first (entry-refs and externals are not followed). */
    public List<String> allEntryUris() {
        List<String> out = new ArrayList<>();
        collect(this, out);
        return List.copyOf(out);
    }

    private static void collect(ResourceList l, List<String> out) {
        for (ExtensionElement e : l.items) {
            if (e instanceof Entry en) {
                out.add(en.uri());
            } else if (e instanceof ResourceList nested) {
                collect(nested, out);
            }
        }
    }

    /** Attributes other than {@code name}, kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    static boolean isListMember(ExtensionElement e) {
        return e instanceof Entry || e instanceof EntryRef || e instanceof External || e instanceof ResourceList
                || XcapNamespaces.RESOURCE_LISTS.equals(e.qname().getNamespaceURI());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResourceList l && Objects.equals(name, l.name) && Objects.equals(displayName, l.displayName)
                && items.equals(l.items) && attributes.equals(l.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, displayName, items, attributes);
    }

    @Override
    public String toString() {
        return "ResourceList[name=" + name + (displayName == null ? "" : ", displayName=" + displayName.text())
                + ", items=" + items + (attributes.isEmpty() ? "" : ", attributes=" + attributes) + "]";
    }

    /**
     * Builds a {@link ResourceList}. Members of the resource-lists namespace are inserted after the
     * last such member, before the elements from other namespaces, as the schema orders them;
     * other elements are appended. Not thread-safe.
     */
    public static final class Builder {
        private String name;
        private DisplayName displayName;
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Sets the {@code name} attribute; null removes it. */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /** Sets the display name (without a language); null removes it. */
        public Builder displayName(String text) {
            this.displayName = text == null ? null : DisplayName.of(text);
            return this;
        }

        /** Sets the display name; null removes it. */
        public Builder displayName(DisplayName displayName) {
            this.displayName = displayName;
            return this;
        }

        /** Adds an {@link Entry} for {@code uri}. */
        public Builder entry(String uri) {
            return item(Entry.of(uri));
        }

        /** Adds an {@link Entry} for {@code uri} named {@code displayName}. */
        public Builder entry(String uri, String displayName) {
            return item(Entry.of(uri, displayName));
        }

        /**
         * Adds a member: resource-lists elements go after the last resource-lists member (before
         * elements from other namespaces), other elements at the end.
         */
        public Builder item(ExtensionElement item) {
            Objects.requireNonNull(item, "item");
            if (isListMember(item)) {
                int at = items.size();
                while (at > 0 && !isListMember(items.get(at - 1))) {
                    at--;
                }
                items.add(at, item);
            } else {
                items.add(item);
            }
            return this;
        }

        /** Adds every member of {@code items}, as {@link #item} does. */
        public Builder items(Iterable<? extends ExtensionElement> items) {
            for (ExtensionElement e : items) {
                item(e);
            }
            return this;
        }

        /** Appends {@code item} at the end, whatever its type (for readers and exact copies). */
        public Builder append(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Replaces the entry with the same URI in place, or adds {@code entry}. */
        public Builder putEntry(Entry entry) {
            return replaceOrAdd(e -> e instanceof Entry en && en.uri().equals(entry.uri()), entry);
        }

        /** Replaces the nested list with the same name in place, or adds {@code list}. */
        public Builder putList(ResourceList list) {
            return replaceOrAdd(e -> e instanceof ResourceList l && Objects.equals(l.name, list.name), list);
        }

        /** Replaces the first member matching {@code match} in place, or adds {@code item}. */
        public Builder replaceOrAdd(Predicate<? super ExtensionElement> match, ExtensionElement item) {
            for (int i = 0; i < items.size(); i++) {
                if (match.test(items.get(i))) {
                    items.set(i, Objects.requireNonNull(item, "item"));
                    return this;
                }
            }
            return item(item);
        }

        /** Removes the entries with URI {@code uri}. */
        public Builder removeEntry(String uri) {
            return removeItems(e -> e instanceof Entry en && en.uri().equals(uri));
        }

        /** Removes the nested lists called {@code name}. */
        public Builder removeList(String name) {
            return removeItems(e -> e instanceof ResourceList l && Objects.equals(l.name, name));
        }

        /** Removes the members matching {@code match}. */
        public Builder removeItems(Predicate<? super ExtensionElement> match) {
            items.removeIf(match);
            return this;
        }

        /** Removes every member. */
        public Builder clearItems() {
            items.clear();
            return this;
        }

        /** Adds an attribute other than {@code name}. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public ResourceList build() {
            return new ResourceList(this);
        }
    }
}
