package io.presencekit.pidf.rpid;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * Whether the user is actively using a service, device or any of them: {@code rpid:user-input}
 * (RFC 4480, section 3.13). {@code idle} after {@link #idleThreshold()} seconds without input;
 * {@link #lastInput()} tells when input was last seen. Immutable and thread-safe. Equality
 * compares {@code last-input} as an instant.
 */
public final class UserInput implements ExtensionElement {
    /** {@code rpid:user-input}. */
    public static final QName QNAME = Rpid.name("user-input");

    /** The usage state. */
    public enum State {
        /** The user has recently used the service or device. */
        ACTIVE("active"),
        /** No input for at least the idle threshold. */
        IDLE("idle");

        private final String token;

        State(String token) {
            this.token = token;
        }

        /** The value as written in RFC 4480. */
        public String token() {
            return token;
        }

        /** The state for {@code token}, if it is one. */
        public static Optional<State> fromToken(String token) {
            return Optional.ofNullable(Values.byToken(values(), State::token, token));
        }
    }

    private final State state;
    private final Integer idleThreshold;
    private final OffsetDateTime lastInput;
    private final String id;
    private final Map<QName, String> attributes;

    private UserInput(Builder b) {
        this.state = Objects.requireNonNull(b.state, "state");
        this.idleThreshold = b.idleThreshold;
        this.lastInput = b.lastInput;
        this.id = b.id;
        this.attributes = Values.copy(b.attributes, "attributes");
    }

    /** A builder for {@code state}. */
    public static Builder builder(State state) {
        return new Builder().state(state);
    }

    /** The bare {@code state}. */
    public static UserInput of(State state) {
        return builder(state).build();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** Active or idle. */
    public State state() {
        return state;
    }

    /** Seconds without input after which the state turns idle ({@code idle-threshold}), if given. */
    public Optional<Integer> idleThreshold() {
        return Optional.ofNullable(idleThreshold);
    }

    /** When input was last seen ({@code last-input}), if given. */
    public Optional<OffsetDateTime> lastInput() {
        return Optional.ofNullable(lastInput);
    }

    /** The {@code id} attribute. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** Attributes outside the schema, kept for the round trip. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof UserInput u && state == u.state && Objects.equals(idleThreshold, u.idleThreshold)
                && Rpid.sameInstant(lastInput, u.lastInput) && Objects.equals(id, u.id)
                && attributes.equals(u.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(state, idleThreshold, Rpid.instant(lastInput), id, attributes);
    }

    @Override
    public String toString() {
        return "UserInput[" + state + Rpid.field("idleThreshold", idleThreshold) + Rpid.field("lastInput", lastInput)
                + Rpid.field("id", id) + Rpid.field("attributes", attributes.isEmpty() ? null : attributes) + "]";
    }

    /** Builds a {@link UserInput}. Not thread-safe. */
    public static final class Builder {
        private State state;
        private Integer idleThreshold;
        private OffsetDateTime lastInput;
        private String id;
        private Map<QName, String> attributes;

        private Builder() {
        }

        private Builder(UserInput u) {
            state = u.state;
            idleThreshold = u.idleThreshold;
            lastInput = u.lastInput;
            id = u.id;
            attributes = u.attributes.isEmpty() ? null : new LinkedHashMap<>(u.attributes);
        }

        /** Sets the state. */
        public Builder state(State state) {
            this.state = Objects.requireNonNull(state, "state");
            return this;
        }

        /**
         * Sets the idle threshold in seconds; null removes it.
         *
         * @throws IllegalArgumentException if {@code seconds} is not positive
         */
        public Builder idleThreshold(Integer seconds) {
            if (seconds != null && seconds <= 0) {
                throw new IllegalArgumentException("idle-threshold must be a positive number of seconds: " + seconds);
            }
            this.idleThreshold = seconds;
            return this;
        }

        /** Sets when input was last seen; null removes it. */
        public Builder lastInput(OffsetDateTime lastInput) {
            this.lastInput = lastInput;
            return this;
        }

        /** Sets the {@code id} attribute; null removes it. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Adds an attribute outside the schema. */
        public Builder attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds attributes outside the schema. */
        public Builder attributes(Map<QName, String> attributes) {
            attributes.forEach(this::attribute);
            return this;
        }

        public UserInput build() {
            return new UserInput(this);
        }
    }
}
