package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * What the place the person is in is like for communication: {@code rpid:place-is} (RFC 4480,
 * section 3.5), with an optional judgement for each of audio, video and text. A missing medium
 * says nothing; {@code unknown} says the presentity does not know.
 *
 * <p>Immutable and thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class PlaceIs implements ExtensionElement {
    /** {@code rpid:place-is}. */
    public static final QName QNAME = Rpid.name("place-is");

    /** How the place is for audio ({@code rpid:audio}). */
    public enum Audio {
        /** Too noisy to hear or talk. */
        NOISY("noisy"),
        /** Fine for audio. */
        OK("ok"),
        /** A place where one should be quiet. */
        QUIET("quiet"),
        /** Not known. */
        UNKNOWN("unknown");

        private final String token;

        Audio(String token) {
            this.token = token;
        }

        /** The element name in RFC 4480. */
        public String token() {
            return token;
        }

        /** The value for {@code token}, if it is one. */
        public static Optional<Audio> fromToken(String token) {
            for (Audio v : values()) {
                if (v.token.equals(token)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    /** How the place is for video ({@code rpid:video}). */
    public enum Video {
        /** Too bright for video. */
        TOO_BRIGHT("toobright"),
        /** Fine for video. */
        OK("ok"),
        /** Too dark for video. */
        DARK("dark"),
        /** Not known. */
        UNKNOWN("unknown");

        private final String token;

        Video(String token) {
            this.token = token;
        }

        /** The element name in RFC 4480. */
        public String token() {
            return token;
        }

        /** The value for {@code token}, if it is one. */
        public static Optional<Video> fromToken(String token) {
            for (Video v : values()) {
                if (v.token.equals(token)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    /** How the place is for text messaging ({@code rpid:text}). */
    public enum Text {
        /** Typing is uncomfortable, for example while walking. */
        UNCOMFORTABLE("uncomfortable"),
        /** Typing would be inappropriate, for example in a meeting. */
        INAPPROPRIATE("inappropriate"),
        /** Fine for text. */
        OK("ok"),
        /** Not known. */
        UNKNOWN("unknown");

        private final String token;

        Text(String token) {
            this.token = token;
        }

        /** The element name in RFC 4480. */
        public String token() {
            return token;
        }

        /** The value for {@code token}, if it is one. */
        public static Optional<Text> fromToken(String token) {
            for (Text v : values()) {
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
    private final Audio audio;
    private final Video video;
    private final Text text;
    private final Extras extras;

    private PlaceIs(Builder b) {
        this.id = b.id;
        this.from = b.from;
        this.until = b.until;
        this.notes = List.copyOf(b.notes);
        this.audio = b.audio;
        this.video = b.video;
        this.text = b.text;
        this.extras = b.extras;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
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

    /** The audio judgement, if given. */
    public Optional<Audio> audio() {
        return Optional.ofNullable(audio);
    }

    /** The video judgement, if given. */
    public Optional<Video> video() {
        return Optional.ofNullable(video);
    }

    /** The text judgement, if given. */
    public Optional<Text> text() {
        return Optional.ofNullable(text);
    }

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaceIs p && Objects.equals(id, p.id) && Rpid.sameInstant(from, p.from)
                && Rpid.sameInstant(until, p.until) && notes.equals(p.notes) && audio == p.audio
                && video == p.video && text == p.text && extras.equals(p.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Rpid.instant(from), Rpid.instant(until), notes, audio, video, text, extras);
    }

    @Override
    public String toString() {
        return "PlaceIs[" + ("audio=" + audio + ", video=" + video + ", text=" + text) + Rpid.field("id", id)
                + Rpid.field("from", from) + Rpid.field("until", until)
                + Rpid.field("notes", notes.isEmpty() ? null : notes)
                + Rpid.field("extras", extras.isEmpty() ? null : extras) + "]";
    }

    /** Builds {@link PlaceIs}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private OffsetDateTime from;
        private OffsetDateTime until;
        private final List<Note> notes = new ArrayList<>();
        private Audio audio;
        private Video video;
        private Text text;
        private Extras extras = Extras.NONE;

        private Builder() {
        }

        private Builder(PlaceIs p) {
            id = p.id;
            from = p.from;
            until = p.until;
            notes.addAll(p.notes);
            audio = p.audio;
            video = p.video;
            text = p.text;
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

        /** Sets the audio judgement; null removes it. */
        public Builder audio(Audio audio) {
            this.audio = audio;
            return this;
        }

        /** Sets the video judgement; null removes it. */
        public Builder video(Video video) {
            this.video = video;
            return this;
        }

        /** Sets the text judgement; null removes it. */
        public Builder text(Text text) {
            this.text = text;
            return this;
        }

        /** Sets the attributes and child elements outside the schema. */
        public Builder extras(Extras extras) {
            this.extras = Objects.requireNonNull(extras, "extras");
            return this;
        }

        public PlaceIs build() {
            return new PlaceIs(this);
        }
    }
}
