package io.presencekit.xcap.addressbook;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A group of contacts, stored as an {@code addressbook:group} element of the
 * {@code sipsimple_addressbook} list (AG Projects' address book extension to RFC 4826).
 *
 * <p>Immutable and thread-safe.
 */
public final class Group {
    private final String id;
    private final String name;
    private final List<String> contactIds;

    private Group(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.contactIds = List.copyOf(b.contactIds);
    }

    /** A builder for a new group with a fresh id. */
    public static Builder builder(String name) {
        return new Builder(Ids.newId()).name(name);
    }

    /** A builder for the group with id {@code id}. */
    public static Builder withId(String id) {
        return new Builder(id);
    }

    /** A builder starting from this group. */
    public Builder toBuilder() {
        Builder b = new Builder(id).name(name);
        b.contactIds.addAll(contactIds);
        return b;
    }

    /** The group id (an {@code xs:ID}, unique in the document). */
    public String id() {
        return id;
    }

    /** The group name. */
    public String name() {
        return name;
    }

    /** The ids of the member contacts, in order. */
    public List<String> contactIds() {
        return contactIds;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Group g && id.equals(g.id) && name.equals(g.name) && contactIds.equals(g.contactIds);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, contactIds);
    }

    @Override
    public String toString() {
        return "Group[" + id + ", " + name + ", " + contactIds + "]";
    }

    /** Builds a {@link Group}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String name = "";
        private final List<String> contactIds = new ArrayList<>();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Adds a member (once). */
        public Builder contact(String contactId) {
            if (!contactIds.contains(Objects.requireNonNull(contactId, "contactId"))) {
                contactIds.add(contactId);
            }
            return this;
        }

        public Builder removeContact(String contactId) {
            contactIds.remove(contactId);
            return this;
        }

        public Builder clearContacts() {
            contactIds.clear();
            return this;
        }

        public Group build() {
            return new Group(this);
        }
    }
}
