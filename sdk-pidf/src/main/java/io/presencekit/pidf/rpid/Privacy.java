package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Which kinds of communication third parties near the person are unlikely to overhear or read:
 * {@code rpid:privacy} (RFC 4480, section 3.7). Either {@code unknown}, or any of audio, text and
 * video, plus media from other namespaces.
 *
 * <p>The schema lists audio, text and video in that order, but the RFC's own example gives text
 * first; the media form a set, so the reader accepts any order and the writer uses the schema's.
 *
 * <p>Immutable and thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class Privacy implements ExtensionElement {
    /** {@code rpid:privacy}. */
    public static final QName QNAME = Rpid.name("privacy");

    /** A medium that is private where the person is. */
    public enum Medium {
        /** Nobody nearby can overhear a call ({@code rpid:audio}). */
        AUDIO("audio"),
        /** Nobody nearby can read messages ({@code rpid:text}). */
        TEXT("text"),
        /** Nobody nearby can see video ({@code rpid:video}). */
        VIDEO("video");

        private final String token;

        Medium(String token) {
            this.token = token;
        }

        /** The element name in RFC 4480. */
        public String token() {
            return token;
        }

        /** The value for {@code token}, if it is one. */
        public static Optional<Medium> fromToken(String token) {
            for (Medium v : values()) {
                if (v.token.equals(token)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    private final String id;
    private final OffsetDateTime from;
    private final OffsetDateTime until;
    private final List<Note> notes;
    private final boolean unknown;
    private final Set<Medium> media;
    private final List<ExtensionElement> elements;
    private final Extras extras;

    private Privacy(Builder b) {
        this.id = b.id;
        this.from = b.from;
        this.until = b.until;
        this.notes = List.copyOf(b.notes);
        this.unknown = b.unknown;
        this.media = Collections.unmodifiableSet(EnumSet.copyOf(b.media));
        this.elements = List.copyOf(b.elements);
        this.extras = b.extras;
        if (unknown && !(media.isEmpty() && elements.isEmpty())) {
            throw new IllegalArgumentException("privacy 'unknown' cannot be combined with media: " + media + elements);
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Privacy for the given media. */
    public static Privacy of(Medium... media) {
        Builder b = builder();
        for (Medium m : media) {
            b.medium(m);
        }
        return b.build();
    }

    /** Privacy explicitly {@code unknown}. */
    public static Privacy unknownPrivacy() {
        return builder().unknown(true).build();
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

    /** Whether privacy is explicitly {@code unknown}. */
    public boolean isUnknown() {
        return unknown;
    }

    /** The private media, in schema order (audio, text, video). */
    public Set<Medium> media() {
        return media;
    }

    /** Whether {@code medium} is private. */
    public boolean isPrivate(Medium medium) {
        return media.contains(medium);
    }

    /** Private media from other namespaces, in document order. */
    public List<ExtensionElement> elements() {
        return elements;
    }

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Privacy p && Objects.equals(id, p.id) && Rpid.sameInstant(from, p.from)
                && Rpid.sameInstant(until, p.until) && notes.equals(p.notes) && unknown == p.unknown
                && media.equals(p.media) && elements.equals(p.elements) && extras.equals(p.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Rpid.instant(from), Rpid.instant(until), notes, unknown, media, elements, extras);
    }

    @Override
    public String toString() {
        return "Privacy[" + (unknown ? "unknown" : "media=" + media) + Rpid.field("elements", elements.isEmpty()
                ? null : elements) + Rpid.field("id", id) + Rpid.field("from", from) + Rpid.field("until", until)
                + Rpid.field("notes", notes.isEmpty() ? null : notes)
                + Rpid.field("extras", extras.isEmpty() ? null : extras) + "]";
    }

    /** Builds {@link Privacy}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private OffsetDateTime from;
        private OffsetDateTime until;
        private final List<Note> notes = new ArrayList<>();
        private boolean unknown;
        private final EnumSet<Medium> media = EnumSet.noneOf(Medium.class);
        private final List<ExtensionElement> elements = new ArrayList<>();
        private Extras extras = Extras.NONE;

        private Builder() {
        }

        private Builder(Privacy p) {
            id = p.id;
            from = p.from;
            until = p.until;
            notes.addAll(p.notes);
            unknown = p.unknown;
            media.addAll(p.media);
            elements.addAll(p.elements);
            extras = p.extras;
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

        /** Marks privacy as explicitly {@code unknown} (true) or not. */
        public Builder unknown(boolean unknown) {
            this.unknown = unknown;
            return this;
        }

        /** Adds a private medium. */
        public Builder medium(Medium medium) {
            media.add(Objects.requireNonNull(medium, "medium"));
            return this;
        }

        /** Appends a private medium from another namespace. */
        public Builder element(ExtensionElement element) {
            elements.add(Rpid.requireForeign(element, "privacy element"));
            return this;
        }

        /** Removes every medium, RFC and foreign. */
        public Builder clearMedia() {
            media.clear();
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
         * @throws IllegalArgumentException if {@code unknown} is combined with a medium
         */
        public Privacy build() {
            return new Privacy(this);
        }
    }
}
