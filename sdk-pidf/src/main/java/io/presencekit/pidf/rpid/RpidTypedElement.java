package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What {@link Relationship} and {@link ServiceClass} share (RFC 4480, sections 3.8 and 3.9):
 * notes, then one value that is either a type from the RFC's list ({@code T}) or elements from
 * another namespace; no attributes. Each subclass says how many values it needs, and
 * relationship adds free text.
 *
 * <p>The notes and extras repeat what {@link RpidNotedElement} has: these two elements have no
 * {@code id}, {@code from} or {@code until}, so they cannot sit below {@link RpidElement}.
 *
 * @param <T> the RFC's types for this element
 */
abstract class RpidTypedElement<T extends Enum<T>> implements ExtensionElement {
    private final List<Note> notes;
    private final T type;
    private final List<ExtensionElement> elements;
    private final Extras extras;

    RpidTypedElement(Builder<T, ?> b) {
        this.notes = Values.copy(b.notes);
        this.type = b.type;
        this.elements = Values.copy(b.elements);
        this.extras = b.extras;
    }

    /** The {@code rpid:note}s, in document order. */
    public List<Note> notes() {
        return notes;
    }

    /** The RFC type, if that is the form used. */
    public Optional<T> type() {
        return Optional.ofNullable(type);
    }

    /** Elements from other namespaces, in document order. */
    public List<ExtensionElement> elements() {
        return elements;
    }

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    /** How many of the type and the foreign elements are given (0 to 2). */
    final int forms() {
        return (type == null ? 0 : 1) + (elements.isEmpty() ? 0 : 1);
    }

    /** Whether {@code o} has the same notes, type, foreign elements and extras. */
    final boolean sameShared(RpidTypedElement<?> o) {
        return notes.equals(o.notes) && type == o.type && elements.equals(o.elements) && extras.equals(o.extras);
    }

    /**
     * {@code Objects.hash(notes, type, values..., elements, extras)}: the element's own values
     * sit between the type and the foreign elements, as they always have.
     */
    final int hashWith(Object... values) {
        return Rpid.hash(Rpid.hash(Rpid.hash(1, notes, type), values), elements, extras);
    }

    /** {@code Name[type=..., <values>, elements=..., notes=..., extras=...]}, leaving out what is empty. */
    final String toString(String values) {
        return getClass().getSimpleName() + "[type=" + type + values
                + Rpid.field("elements", elements.isEmpty() ? null : elements)
                + Rpid.field("notes", notes.isEmpty() ? null : notes)
                + Rpid.field("extras", extras.isEmpty() ? null : extras) + "]";
    }

    /**
     * The setters both builders have.
     *
     * @param <T> the RFC's types
     * @param <B> the concrete builder
     */
    abstract static class Builder<T extends Enum<T>, B extends Builder<T, B>> {
        private final String what;
        // created on first use (see Values.add)
        private List<Note> notes;
        private T type;
        private List<ExtensionElement> elements;
        private Extras extras = Extras.NONE;

        /** {@code what} names a foreign element in messages, for example "relationship element". */
        Builder(String what) {
            this.what = what;
        }

        Builder(String what, RpidTypedElement<T> e) {
            this.what = what;
            notes = e.notes;
            type = e.type;
            elements = e.elements;
            extras = e.extras;
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /** Appends an {@code rpid:note}. */
        public B note(Note note) {
            notes = Values.add(notes, Rpid.note(note, "note"));
            return self();
        }

        /** Appends an {@code rpid:note} without language. */
        public B note(String text) {
            return note(Note.of(text));
        }

        /** Sets the RFC type; null removes it. */
        public B type(T type) {
            this.type = type;
            return self();
        }

        /** Appends an element from another namespace. */
        public B element(ExtensionElement element) {
            elements = Values.add(elements, Rpid.requireForeign(element, what));
            return self();
        }

        /** Sets the attributes and child elements outside the schema. */
        public B extras(Extras extras) {
            this.extras = Objects.requireNonNull(extras, "extras");
            return self();
        }
    }
}
