package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.Values;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * How the contact of a tuple relates to the presentity: {@code rpid:relationship} (RFC 4480,
 * section 3.8), for example a tuple whose contact is the person's assistant. Holds at most one
 * value: an RFC {@link Type}, a free-text {@code rpid:other}, or elements from another namespace;
 * the schema also allows none.
 *
 * <p>The schema gives this element no attributes; any found are kept in {@link #extras()} (with a
 * warning, or an error in strict mode).
 *
 * <p>Immutable and thread-safe.
 */
public final class Relationship extends RpidTypedElement<Relationship.Type> {
    /** {@code rpid:relationship}. */
    public static final QName QNAME = Rpid.name("relationship");

    /** The relationships RFC 4480 names. */
    public enum Type {
        /** The presentity's assistant. */
        ASSISTANT("assistant"),
        /** A colleague or business associate. */
        ASSOCIATE("associate"),
        /** A family member. */
        FAMILY("family"),
        /** A friend. */
        FRIEND("friend"),
        /** The presentity itself. */
        SELF("self"),
        /** The presentity's supervisor. */
        SUPERVISOR("supervisor"),
        /** Not known. */
        UNKNOWN("unknown");

        private final String token;

        Type(String token) {
            this.token = token;
        }

        /** The element name in RFC 4480. */
        public String token() {
            return token;
        }

        /** The value for {@code token}, if it is one. */
        public static Optional<Type> fromToken(String token) {
            return Optional.ofNullable(Values.byToken(values(), Type::token, token));
        }
    }

    private final Note other;

    private Relationship(Builder b) {
        super(b);
        this.other = b.other;
        int forms = forms() + (other == null ? 0 : 1);
        if (forms > 1) {
            throw new IllegalArgumentException("relationship has one value: a type, other text or foreign elements;"
                    + " got " + type().orElse(null) + ", " + other + ", " + elements());
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A relationship of {@code type}. */
    public static Relationship of(Type type) {
        return builder().type(type).build();
    }

    /** A relationship described by free text ({@code rpid:other}). */
    public static Relationship ofOther(String text) {
        return builder().other(text).build();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The free-text relationship ({@code rpid:other}), if that is the form used. */
    public Optional<Note> other() {
        return Optional.ofNullable(other);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relationship r && sameShared(r) && Objects.equals(other, r.other);
    }

    @Override
    public int hashCode() {
        return hashWith(other);
    }

    @Override
    public String toString() {
        return toString(Rpid.field("other", other));
    }

    /** Builds a {@link Relationship}. Not thread-safe. */
    public static final class Builder extends RpidTypedElement.Builder<Type, Builder> {
        private static final String WHAT = "relationship element";

        private Note other;

        private Builder() {
            super(WHAT);
        }

        private Builder(Relationship r) {
            super(WHAT, r);
            other = r.other;
        }

        /** Sets the free-text relationship ({@code rpid:other}); null removes it. */
        public Builder other(Note other) {
            this.other = other;
            return this;
        }

        /** Sets the free-text relationship ({@code rpid:other}) without language. */
        public Builder other(String text) {
            return other(Note.of(text));
        }

        /**
         * Builds the element.
         *
         * @throws IllegalArgumentException if more than one form of value is given
         */
        public Relationship build() {
            return new Relationship(this);
        }
    }
}
