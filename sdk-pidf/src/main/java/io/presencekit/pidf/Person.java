package io.presencekit.pidf;

/**
 * The person component of the presentity (RFC 4479, section 3.3; {@code dm:person}): where RPID
 * activities, mood, place, CIPID card and icon and the like live. Immutable.
 */
public final class Person extends PresenceComponent {
    private Person(Builder b) {
        super(b);
    }

    /** A builder for a person with {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this person. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Person p && sameBase(p);
    }

    @Override
    public int hashCode() {
        return baseHash();
    }

    @Override
    public String toString() {
        return "Person[" + baseToString() + "]";
    }

    /** Builds a {@link Person}. Not thread-safe. */
    public static final class Builder extends PresenceComponent.Builder<Builder> {
        private Builder(String id) {
            super(id);
        }

        private Builder(Person p) {
            super(p);
        }

        public Person build() {
            return new Person(this);
        }
    }
}
