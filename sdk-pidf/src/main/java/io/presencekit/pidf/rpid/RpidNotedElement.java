package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Objects;

/**
 * An {@link RpidElement} with element content that starts with {@code rpid:note}s: activities,
 * mood, place-is, place-type and privacy. Adds the notes and the {@link Extras} (attributes and
 * child elements outside the schema) to the shared part.
 */
abstract class RpidNotedElement extends RpidElement {
    private final List<Note> notes;
    private final Extras extras;

    RpidNotedElement(Builder<?> b) {
        super(b);
        this.notes = Values.copy(b.notes);
        this.extras = b.extras;
    }

    /** The {@code rpid:note}s, in document order. */
    public List<Note> notes() {
        return notes;
    }

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    /** Whether {@code o} has the same id, times, notes and extras. */
    final boolean sameShared(RpidNotedElement o) {
        return sameTimes(o) && notes.equals(o.notes) && extras.equals(o.extras);
    }

    /**
     * {@code Objects.hash(id, from, until, notes, values..., extras)}, with the times as instants:
     * the element's own values sit between the notes and the extras, as they always have.
     */
    final int hashWith(Object... values) {
        return 31 * Rpid.hash(Rpid.hash(hashTimes(1), notes), values) + extras.hashCode();
    }

    /** The {@code toString} fragment for the shared part: set attributes, then notes and extras if any. */
    final String sharedFields() {
        return timesFields() + Rpid.field("notes", notes.isEmpty() ? null : notes)
                + Rpid.field("extras", extras.isEmpty() ? null : extras);
    }

    /** The setters for notes and extras. Not thread-safe. */
    abstract static class Builder<B extends Builder<B>> extends RpidElement.Builder<B> {
        // created on first use (see Values.add): most elements carry no note
        private List<Note> notes;
        private Extras extras = Extras.NONE;

        Builder() {
        }

        Builder(RpidNotedElement e) {
            super(e);
            notes = e.notes;
            extras = e.extras;
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

        /** Sets the attributes and child elements outside the schema. */
        public B extras(Extras extras) {
            this.extras = Objects.requireNonNull(extras, "extras");
            return self();
        }
    }
}
