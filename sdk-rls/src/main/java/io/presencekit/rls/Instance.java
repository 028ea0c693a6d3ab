package io.presencekit.rls;

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
 * One subscription to a resource on the list server's back end: the RLMI {@code instance}
 * element (RFC 4662, section 5.2), with its {@code id}, {@code state}, the termination
 * {@code reason} and the {@code cid} of the MIME part holding its current state.
 *
 * <p>Immutable and thread-safe. Equality covers every field, extras included.
 */
public final class Instance {
    /** {@code {urn:ietf:params:xml:ns:rlmi}instance}. */
    public static final QName QNAME = new QName(RlmiList.NAMESPACE, "instance");

    /** The subscription state of an instance (RFC 4662, section 5.2). */
    public enum State {
        /** The back-end subscription is active; the instance may carry a {@code cid}. */
        ACTIVE("active"),
        /** The back-end subscription awaits authorization. */
        PENDING("pending"),
        /** The back-end subscription is over; {@code reason} says why. */
        TERMINATED("terminated");

        private final String token;

        State(String token) {
            this.token = token;
        }

        /** The attribute value. */
        public String token() {
            return token;
        }

        /** The state for an attribute value, or null. */
        public static State fromToken(String token) {
            for (State s : values()) {
                if (s.token.equals(token)) {
                    return s;
                }
            }
            return null;
        }
    }

    private final String id;
    private final State state;
    private final String reason;
    private final String cid;
    private final Extras extras;

    private Instance(Builder b) {
        this.id = b.id;
        this.state = b.state;
        this.reason = b.reason;
        this.cid = b.cid;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for instance {@code id} in {@code state}. */
    public static Builder builder(String id, State state) {
        return new Builder(id, state);
    }

    /** A builder holding this instance. */
    public Builder toBuilder() {
        Builder b = new Builder(id, state).reason(reason).cid(cid);
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    /** The instance id; null only in a lenient read without one. */
    public String id() {
        return id;
    }

    /** The state; null only in a lenient read without a usable one (the raw value is then in the extras). */
    public State state() {
        return state;
    }

    /** Why the subscription ended ({@code reason}, for example {@code rejected}), if given. */
    public Optional<String> reason() {
        return Optional.ofNullable(reason);
    }

    /** The Content-ID of the part with this instance's state ({@code cid}), if given. */
    public Optional<String> cid() {
        return Optional.ofNullable(cid);
    }

    /** Unknown attributes and child elements, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Instance i && Objects.equals(id, i.id) && state == i.state
                && Objects.equals(reason, i.reason) && Objects.equals(cid, i.cid) && extras.equals(i.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, state, reason, cid, extras);
    }

    @Override
    public String toString() {
        return "Instance[id=" + id + ", state=" + (state == null ? null : state.token())
                + (reason == null ? "" : ", reason=" + reason) + (cid == null ? "" : ", cid=" + cid) + "]";
    }

    /** Builds an {@link Instance}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private State state;
        private String reason;
        private String cid;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(String id, State state) {
            this.id = id;
            this.state = state;
        }

        public Builder state(State state) {
            this.state = state;
            return this;
        }

        /** The termination reason, or null for none. */
        public Builder reason(String reason) {
            this.reason = reason;
            return this;
        }

        /** The Content-ID (without angle brackets) of the part with the state, or null for none. */
        public Builder cid(String cid) {
            this.cid = cid;
            return this;
        }

        /** Adds an attribute from another namespace or one the schema does not know. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds a child element (the schema allows any content inside an instance). */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        public Instance build() {
            return new Instance(this);
        }
    }
}
