package io.presencekit.pidf.rpid;

import io.presencekit.xml.Values;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * What the place the person is in is like for communication: {@code rpid:place-is} (RFC 4480,
 * section 3.5), with an optional judgement for each of audio, video and text. A missing medium
 * says nothing; {@code unknown} says the presentity does not know.
 *
 * <p>Immutable and thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class PlaceIs extends RpidNotedElement {
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
            return Optional.ofNullable(Values.byToken(values(), Audio::token, token));
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
            return Optional.ofNullable(Values.byToken(values(), Video::token, token));
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
            return Optional.ofNullable(Values.byToken(values(), Text::token, token));
        }
    }

    private final Audio audio;
    private final Video video;
    private final Text text;

    private PlaceIs(Builder b) {
        super(b);
        this.audio = b.audio;
        this.video = b.video;
        this.text = b.text;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaceIs p && sameShared(p) && audio == p.audio && video == p.video && text == p.text;
    }

    @Override
    public int hashCode() {
        return hashWith(audio, video, text);
    }

    @Override
    public String toString() {
        return "PlaceIs[audio=" + audio + ", video=" + video + ", text=" + text + sharedFields() + "]";
    }

    /** Builds {@link PlaceIs}. Not thread-safe. */
    public static final class Builder extends RpidNotedElement.Builder<Builder> {
        private Audio audio;
        private Video video;
        private Text text;

        private Builder() {
        }

        private Builder(PlaceIs p) {
            super(p);
            audio = p.audio;
            video = p.video;
            text = p.text;
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

        public PlaceIs build() {
            return new PlaceIs(this);
        }
    }
}
