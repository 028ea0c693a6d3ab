package io.presencekit.xcap.addressbook;

import io.presencekit.xcap.resourcelists.ContactUri;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.resourcelists.SharedAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A contact of the address book, stored as an {@code addressbook:contact} element of the
 * {@code sipsimple_addressbook} list in the user's resource-lists document (RFC 4826), as Blink
 * stores it: typed URIs with a default one, whether to subscribe to its presence (through the
 * RLS service), the presence policy (allow, block, or no decision) and application attributes
 * ({@code agp-rl}/{@code sipsimple}/{@code blink} shared attributes). The groups are the ids of
 * the groups that list the contact as a member.
 *
 * <p>Immutable and thread-safe.
 */
public final class Contact {
    private final String id;
    private final String name;
    private final List<ContactUri> uris;
    private final String defaultUriId;
    private final Set<String> groupIds;
    private final boolean subscribe;
    private final HandlingPolicy policy;
    private final Map<String, SharedAttributes> attributes;

    private Contact(Builder b) {
        this.id = b.id;
        this.name = b.name;
        this.uris = List.copyOf(b.uris);
        this.defaultUriId = b.defaultUriId;
        this.groupIds = Set.copyOf(new LinkedHashSet<>(b.groupIds));
        this.subscribe = b.subscribe;
        this.policy = b.policy;
        this.attributes = Map.copyOf(b.attributes);
        if (defaultUriId != null && uris.stream().noneMatch(u -> u.id().equals(defaultUriId))) {
            throw new IllegalArgumentException("default URI id " + defaultUriId + " is not one of the URIs");
        }
    }

    /** A builder for a new contact with a fresh id. */
    public static Builder builder(String name) {
        return new Builder(Ids.newId()).name(name);
    }

    /** A builder for the contact with id {@code id}. */
    public static Builder withId(String id) {
        return new Builder(id);
    }

    /**
     * A new contact with one SIP URI (the default), subscribed to, with no policy decision. Use
     * {@link #builder(String)} for more.
     */
    public static Contact of(String name, String uri) {
        return builder(name).uri(uri).subscribe(true).build();
    }

    /** A builder starting from this contact. */
    public Builder toBuilder() {
        Builder b = new Builder(id).name(name).subscribe(subscribe).policy(policy);
        b.uris.addAll(uris);
        b.defaultUriId = defaultUriId;
        b.groupIds.addAll(groupIds);
        b.attributes.putAll(attributes);
        return b;
    }

    /** The contact id (an {@code xs:ID}, unique in the document). */
    public String id() {
        return id;
    }

    /** The display name. */
    public String name() {
        return name;
    }

    /** The URIs, in order. */
    public List<ContactUri> uris() {
        return uris;
    }

    /** The id of the default URI, if one is marked. */
    public Optional<String> defaultUriId() {
        return Optional.ofNullable(defaultUriId);
    }

    /** The default URI, or else the first one. */
    public Optional<ContactUri> defaultUri() {
        return uris.stream().filter(u -> u.id().equals(defaultUriId)).findFirst().or(() -> uris.stream().findFirst());
    }

    /** The ids of the groups the contact belongs to. */
    public Set<String> groupIds() {
        return groupIds;
    }

    /** Whether the RLS subscribes to this contact's presence ({@code sipsimple_presence_rls}). */
    public boolean subscribe() {
        return subscribe;
    }

    /** Whether the contact may watch the user's presence: allow, block or no decision. */
    public HandlingPolicy policy() {
        return policy;
    }

    /** Application attributes by namespace. */
    public Map<String, SharedAttributes> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Contact c && id.equals(c.id) && name.equals(c.name) && uris.equals(c.uris)
                && Objects.equals(defaultUriId, c.defaultUriId) && groupIds.equals(c.groupIds)
                && subscribe == c.subscribe && policy == c.policy && attributes.equals(c.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, uris, defaultUriId, groupIds, subscribe, policy, attributes);
    }

    @Override
    public String toString() {
        return "Contact[" + id + ", " + name + ", " + uris.stream().map(ContactUri::uri).toList()
                + (subscribe ? ", subscribe" : "") + ", " + policy + (groupIds.isEmpty() ? "" : ", groups=" + groupIds)
                + "]";
    }

    /** Builds a {@link Contact}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private String name = "";
        private final List<ContactUri> uris = new ArrayList<>();
        private String defaultUriId;
        private final Set<String> groupIds = new LinkedHashSet<>();
        private boolean subscribe;
        private HandlingPolicy policy = HandlingPolicy.DEFAULT;
        private final Map<String, SharedAttributes> attributes = new LinkedHashMap<>();

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "id");
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Adds a URI with a fresh id and no type; the first URI becomes the default. */
        public Builder uri(String uri) {
            return uri(uri, null);
        }

        /** Adds a URI with a fresh id and a type ({@code "SIP"}, {@code "work"}, ...); the first becomes the default. */
        public Builder uri(String uri, String type) {
            return uri(ContactUri.of(Ids.newId(), uri, type));
        }

        /** Adds a URI; the first URI becomes the default unless another is set. */
        public Builder uri(ContactUri uri) {
            uris.add(Objects.requireNonNull(uri, "uri"));
            if (defaultUriId == null) {
                defaultUriId = uri.id();
            }
            return this;
        }

        /** Removes the URI {@code uri} (the string); the default moves to the first remaining one. */
        public Builder removeUri(String uri) {
            uris.removeIf(u -> u.uri().equals(uri));
            if (uris.stream().noneMatch(u -> u.id().equals(defaultUriId))) {
                defaultUriId = uris.isEmpty() ? null : uris.get(0).id();
            }
            return this;
        }

        /** Marks the URI with id {@code uriId} as the default; null for none. */
        public Builder defaultUriId(String uriId) {
            this.defaultUriId = uriId;
            return this;
        }

        public Builder group(String groupId) {
            groupIds.add(Objects.requireNonNull(groupId, "groupId"));
            return this;
        }

        public Builder removeGroup(String groupId) {
            groupIds.remove(groupId);
            return this;
        }

        public Builder subscribe(boolean subscribe) {
            this.subscribe = subscribe;
            return this;
        }

        public Builder policy(HandlingPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /** Sets the application attributes of one namespace (replacing those already set for it). */
        public Builder attributes(SharedAttributes attributes) {
            this.attributes.put(attributes.namespace(), attributes);
            return this;
        }

        public Contact build() {
            return new Contact(this);
        }
    }
}
