package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.ItemDocument;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.Values;
import java.util.List;
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
public final class ResourceLists extends ItemDocument {
    /** {@code rl:resource-lists}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "resource-lists", "rl");

    private ResourceLists(Builder b) {
        super(b);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The top-level lists, in order. */
    public List<ResourceList> lists() {
        return Values.ofType(items(), ResourceList.class);
    }

    /** The top-level list called {@code name}, if any. */
    public Optional<ResourceList> list(String name) {
        return lists().stream().filter(l -> l.name().isPresent() && l.name().get().equals(name)).findFirst();
    }

    /** Builds {@link ResourceLists}. Not thread-safe. */
    public static final class Builder extends ItemDocument.Builder<Builder> {
        private Builder() {
        }

        private Builder(ResourceLists document) {
            super(document);
        }

        /** Appends a top-level list. */
        public Builder list(ResourceList list) {
            return item(Objects.requireNonNull(list, "list"));
        }

        /** Replaces the top-level list with the same name in place, or appends {@code list}. */
        public Builder putList(ResourceList list) {
            return replaceOrAppend(ResourceList.class, l -> l.name().equals(list.name()),
                    Objects.requireNonNull(list, "list"));
        }

        /** Removes the top-level lists called {@code name}. */
        public Builder removeList(String name) {
            return removeIf(ResourceList.class, l -> l.name().isPresent() && l.name().get().equals(name));
        }

        public ResourceLists build() {
            return new ResourceLists(this);
        }
    }
}
