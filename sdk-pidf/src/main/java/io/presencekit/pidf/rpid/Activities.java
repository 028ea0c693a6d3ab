package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * What the person is doing: {@code rpid:activities} (RFC 4480, section 3.2). A person may do
 * several things at once ("travel" and "meal"), so an element holds a list of values, each one of
 * the RFC's tokens ({@link #tokens()}), a free-text {@code rpid:other} ({@link #others()}) or an
 * activity element from another namespace ({@link #elements()}). {@code unknown} stands alone; an
 * element with no value at all is allowed by the schema and says nothing.
 *
 * <p>Values of each kind are kept in document order; the writer emits tokens, then
 * {@code other}s, then foreign elements (the schema allows any interleaving, and the order carries
 * no meaning).
 *
 * <p>Immutable and thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class Activities implements ExtensionElement {
    /** {@code rpid:activities}. */
    public static final QName QNAME = Rpid.name("activities");

    private static final Set<String> TOKENS = Rpid.vocabulary("appointment", "away", "breakfast", "busy", "dinner",
            "holiday", "in-transit", "looking-for-work", "meal", "meeting", "on-the-phone", "performance",
            "permanent-absence", "playing", "presentation", "shopping", "sleeping", "spectator", "steering",
            "travel", "tv", "unknown", "vacation", "working", "worship");

    private final String id;
    private final OffsetDateTime from;
    private final OffsetDateTime until;
    private final List<Note> notes;
    private final List<String> tokens;
    private final List<Note> others;
    private final List<ExtensionElement> elements;
    private final Extras extras;

    private Activities(Builder b) {
        this.id = b.id;
        this.from = b.from;
        this.until = b.until;
        this.notes = List.copyOf(b.notes);
        this.tokens = List.copyOf(b.tokens);
        this.others = List.copyOf(b.others);
        this.elements = List.copyOf(b.elements);
        this.extras = b.extras;
        if (tokens.contains("unknown") && tokens.size() + others.size() + elements.size() > 1) {
            throw new IllegalArgumentException("activity 'unknown' cannot be combined with other activities: "
                    + tokens + Rpid.texts(others) + elements);
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Activities with the given RFC tokens, for example {@code of("on-the-phone")}. */
    public static Activities of(String... tokens) {
        Builder b = builder();
        for (String t : tokens) {
            b.activity(t);
        }
        return b.build();
    }

    /** Every activity token RFC 4480 defines, {@code unknown} included and {@code other} not. */
    public static Set<String> knownTokens() {
        return TOKENS;
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The {@code id} attribute. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** Start of the period this information describes ({@code from}). */
    public Optional<OffsetDateTime> from() {
        return Optional.ofNullable(from);
    }

    /** End of the period this information describes ({@code until}). */
    public Optional<OffsetDateTime> until() {
        return Optional.ofNullable(until);
    }

    /** The {@code rpid:note}s, in document order. */
    public List<Note> notes() {
        return notes;
    }

    /** The RFC token of each known activity in document order, for example {@code on-the-phone}. */
    public List<String> tokens() {
        return tokens;
    }

    /** Whether {@code token} is among {@link #tokens()}. */
    public boolean has(String token) {
        return tokens.contains(token);
    }

    /** Whether the activity is explicitly {@code unknown}. */
    public boolean isUnknown() {
        return tokens.contains("unknown");
    }

    /** The {@code rpid:other} values (free text with an optional language), in document order. */
    public List<Note> others() {
        return others;
    }

    /** The text of each {@code rpid:other}, in document order. */
    public List<String> otherTexts() {
        return Rpid.texts(others);
    }

    /** Activities from other namespaces, in document order. */
    public List<ExtensionElement> elements() {
        return elements;
    }

    /** Whether no activity is given (neither a token, nor {@code other}, nor a foreign element). */
    public boolean isEmpty() {
        return tokens.isEmpty() && others.isEmpty() && elements.isEmpty();
    }

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Activities a && Objects.equals(id, a.id) && Rpid.sameInstant(from, a.from)
                && Rpid.sameInstant(until, a.until) && notes.equals(a.notes) && tokens.equals(a.tokens)
                && others.equals(a.others) && elements.equals(a.elements) && extras.equals(a.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Rpid.instant(from), Rpid.instant(until), notes, tokens, others, elements, extras);
    }

    @Override
    public String toString() {
        return "Activities[tokens=" + tokens + Rpid.field("others", others.isEmpty() ? null : others)
                + Rpid.field("elements", elements.isEmpty() ? null : elements) + Rpid.field("id", id)
                + Rpid.field("from", from) + Rpid.field("until", until)
                + Rpid.field("notes", notes.isEmpty() ? null : notes) + Rpid.field("extras", extras.isEmpty() ? null
                        : extras) + "]";
    }

    /** Builds {@link Activities}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private OffsetDateTime from;
        private OffsetDateTime until;
        private final List<Note> notes = new ArrayList<>();
        private final List<String> tokens = new ArrayList<>();
        private final List<Note> others = new ArrayList<>();
        private final List<ExtensionElement> elements = new ArrayList<>();
        private Extras extras = Extras.NONE;

        private Builder() {
        }

        private Builder(Activities a) {
            id = a.id;
            from = a.from;
            until = a.until;
            notes.addAll(a.notes);
            tokens.addAll(a.tokens);
            others.addAll(a.others);
            elements.addAll(a.elements);
            extras = a.extras;
        }

        /** Sets the {@code id} attribute; null removes it. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets {@code from}; null removes it. */
        public Builder from(OffsetDateTime from) {
            this.from = from;
            return this;
        }

        /** Sets {@code until}; null removes it. */
        public Builder until(OffsetDateTime until) {
            this.until = until;
            return this;
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

        /**
         * Appends a known activity.
         *
         * @throws IllegalArgumentException if {@code token} is not in {@link #knownTokens()}
         */
        public Builder activity(String token) {
            Objects.requireNonNull(token, "token");
            if (!TOKENS.contains(token)) {
                throw new IllegalArgumentException("not an RFC 4480 activity: '" + token + "'"
                        + ("other".equals(token) ? " (use other(text))" : ""));
            }
            tokens.add(token);
            return this;
        }

        /** Appends an {@code rpid:other} activity described by {@code text}. */
        public Builder other(String text) {
            return other(Note.of(text));
        }

        /** Appends an {@code rpid:other} activity with a language. */
        public Builder other(Note other) {
            others.add(Rpid.note(other, "other"));
            return this;
        }

        /** Appends an activity element from another namespace. */
        public Builder element(ExtensionElement element) {
            elements.add(Rpid.requireForeign(element, "activity element"));
            return this;
        }

        /** Removes every activity (tokens, others and foreign elements); notes stay. */
        public Builder clearActivities() {
            tokens.clear();
            others.clear();
            elements.clear();
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
         * @throws IllegalArgumentException if {@code unknown} is combined with another activity
         */
        public Activities build() {
            return new Activities(this);
        }
    }
}
