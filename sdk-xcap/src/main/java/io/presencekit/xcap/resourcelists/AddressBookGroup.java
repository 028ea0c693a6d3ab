package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An AG Projects address book group ({@code addressbook:group}): an id, a name and the ids of
 * its member contacts. Elements from other namespaces are kept in {@link #extras()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressBookGroup implements ExtensionElement {
    /** {@code addressbook:group}. */
    public static final QName QNAME = new QName(XcapNamespaces.AGP_ADDRESSBOOK, "group", "addressbook");

    private final String id;
    private final String name;
    private final List<String> contactIds;
    private final Extras extras;

    private AddressBookGroup(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.name = Objects.requireNonNull(b.name, "name");
        this.contactIds = List.copyOf(b.contactIds);
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for group {@code id} called {@code name}, without members. */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /** A builder holding this group. */
    public Builder toBuilder() {
        Builder b = new Builder(id, name);
        b.contactIds.addAll(contactIds);
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The {@code id} attribute. */
    public String id() {
        return id;
    }

    /** The group's name. */
    public String name() {
        return name;
    }

    /** The ids of the member contacts, in order. */
    public List<String> contactIds() {
        return contactIds;
    }

    /** Attributes other than {@code id}, and elements from other namespaces, kept as read. */
    public Extras extras() {
        return extras;
    }

    /** The application attributes in {@code namespace}, if any. */
    public Optional<SharedAttributes> sharedAttributes(String namespace) {
        return SharedAttributes.in(extras, namespace);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressBookGroup g && id.equals(g.id) && name.equals(g.name)
                && contactIds.equals(g.contactIds) && extras.equals(g.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, contactIds, extras);
    }

    @Override
    public String toString() {
        return "AddressBookGroup[id=" + id + ", name=" + name + ", contacts=" + contactIds
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds an {@link AddressBookGroup}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String name;
        private final List<String> contactIds = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(String id, String name) {
            id(id);
            name(name);
        }

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Adds a member contact id (once). */
        public Builder contact(String contactId) {
            if (!contactIds.contains(Objects.requireNonNull(contactId, "contactId"))) {
                contactIds.add(contactId);
            }
            return this;
        }

        /** Appends a member contact id as is, even a repeated one (for readers). */
        public Builder appendContact(String contactId) {
            contactIds.add(Objects.requireNonNull(contactId, "contactId"));
            return this;
        }

        public Builder removeContact(String contactId) {
            contactIds.removeIf(c -> c.equals(contactId));
            return this;
        }

        /** Adds an attribute to the group element. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends an element from another namespace. */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        public AddressBookGroup build() {
            return new AddressBookGroup(this);
        }
    }
}
