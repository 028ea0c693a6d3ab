package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.List;
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
public final class Relationship implements ExtensionElement {
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
            for (Type v : values()) {
                if (v.token.equals(token)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    private final List<Note> notes;
    private final Type type;
    private final Note other;
    private final List<ExtensionElement> elements;
    private final Extras extras;

    private Relationship(Builder b) {
        this.notes = List.copyOf(b.notes);
        this.type = b.type;
        this.other = b.other;
        this.elements = List.copyOf(b.elements);
        this.extras = b.extras;
        int forms = (type == null ? 0 : 1) + (other == null ? 0 : 1) + (elements.isEmpty() ? 0 : 1);
        if (forms > 1) {
            throw new IllegalArgumentException("relationship has one value: a type, other text or foreign elements;"
                    + " got " + type + ", " + other + ", " + elements);
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

    /** The {@code rpid:note}s, in document order. */
    public List<Note> notes() {
        return notes;
    }

    /** The RFC relationship, if that is the form used. */
    public Optional<Type> type() {
        return Optional.ofNullable(type);
    }

    /** The free-text relationship ({@code rpid:other}), if that is the form used. */
    public Optional<Note> other() {
        return Optional.ofNullable(other);
    }

    /** Relationship elements from other namespaces, in document order. */
    public List<ExtensionElement> elements() {
        return elements;
    }

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Relationship r && notes.equals(r.notes) && type == r.type
                && Objects.equals(other, r.other) && elements.equals(r.elements) && extras.equals(r.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(notes, type, other, elements, extras);
    }

    @Override
    public String toString() {
        return "Relationship[type=" + type + Rpid.field("other", other)
                + Rpid.field("elements", elements.isEmpty() ? null : elements)
                + Rpid.field("notes", notes.isEmpty() ? null : notes)
                + Rpid.field("extras", extras.isEmpty() ? null : extras) + "]";
    }

    /** Builds a {@link Relationship}. Not thread-safe. */
    public static final class Builder {
        private final List<Note> notes = new ArrayList<>();
        private Type type;
        private Note other;
        private final List<ExtensionElement> elements = new ArrayList<>();
        private Extras extras = Extras.NONE;

        private Builder() {
        }

        private Builder(Relationship r) {
            notes.addAll(r.notes);
            type = r.type;
            other = r.other;
            elements.addAll(r.elements);
            extras = r.extras;
        }

        /** Appends an {@code rpid:note}. */
        public Builder note(Note note) {
            notes.add(Rpid.note(note, "note"));
            return this;
        }

        /** Appends an {@code rpid:note} without language. */
        public Builder note(String text) {
            return note(Note.of(text));
        }

        /** Sets the RFC relationship; null removes it. */
        public Builder type(Type type) {
            this.type = type;
            return this;
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

        /** Appends a relationship element from another namespace. */
        public Builder element(ExtensionElement element) {
            elements.add(Rpid.requireForeign(element, "relationship element"));
            return this;
        }

        /** Sets the attributes and child elements outside the schema. */
        public Builder extras(Extras extras) {
            this.extras = Objects.requireNonNull(extras, "extras");
            return this;
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
