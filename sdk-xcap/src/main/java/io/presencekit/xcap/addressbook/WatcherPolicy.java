package io.presencekit.xcap.addressbook;

import io.presencekit.xcap.resourcelists.HandlingPolicy;
import java.util.Objects;

/**
 * A presence policy for a URI that is not a contact (a watcher the user allowed or blocked
 * without adding), stored as an {@code addressbook:policy-element}. Contacts win: a policy for
 * a URI that is also a contact's URI has no effect.
 *
 * <p>Immutable and thread-safe.
 */
public final class WatcherPolicy {
    private final String id;
    private final String uri;
    private final String name;
    private final HandlingPolicy policy;
    private final boolean subscribe;

    private WatcherPolicy(Builder b) {
        this.id = b.id;
        this.uri = b.uri;
        this.name = b.name;
        this.policy = b.policy;
        this.subscribe = b.subscribe;
    }

    /** A builder for a new policy with a fresh id. */
    public static Builder builder(String uri) {
        return new Builder(Ids.newId(), uri);
    }

    /** A builder for the policy with id {@code id} (ids of stored policies are kept when they change). */
    public static Builder withId(String id, String uri) {
        return new Builder(id, uri);
    }

    /** An allow or block policy for {@code uri}. */
    public static WatcherPolicy of(String uri, HandlingPolicy policy) {
        return builder(uri).policy(policy).build();
    }

    /** A builder starting from this policy. */
    public Builder toBuilder() {
        return new Builder(id, uri).name(name).policy(policy).subscribe(subscribe);
    }

    public String id() {
        return id;
    }

    /** The watcher's URI. */
    public String uri() {
        return uri;
    }

    /** A display name (may be empty). */
    public String name() {
        return name;
    }

    /** Allow, block, or default (no decision). */
    public HandlingPolicy policy() {
        return policy;
    }

    /** Whether the RLS subscribes to this URI's presence too. */
    public boolean subscribe() {
        return subscribe;
    }


    @Override
    public boolean equals(Object o) {
        return o instanceof WatcherPolicy p && id.equals(p.id) && uri.equals(p.uri) && name.equals(p.name)
                && policy == p.policy && subscribe == p.subscribe;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, uri, name, policy, subscribe);
    }

    @Override
    public String toString() {
        return "WatcherPolicy[" + uri + ", " + policy + (subscribe ? ", subscribe" : "") + "]";
    }

    /** Builds a {@link WatcherPolicy}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String uri;
        private String name = "";
        private HandlingPolicy policy = HandlingPolicy.DEFAULT;
        private boolean subscribe;

        private Builder(String id, String uri) {
            this.id = Objects.requireNonNull(id, "id");
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        public Builder policy(HandlingPolicy policy) {
            this.policy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        public Builder subscribe(boolean subscribe) {
            this.subscribe = subscribe;
            return this;
        }

        public WatcherPolicy build() {
            return new WatcherPolicy(this);
        }
    }
}
