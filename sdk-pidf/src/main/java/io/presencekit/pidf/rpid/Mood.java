package io.presencekit.pidf.rpid;

import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The mood of the person: {@code rpid:mood} (RFC 4480, section 3.4). Like
 * {@link Activities}, a list of values, each one of the RFC's tokens ({@link #tokens()}, for
 * example {@code happy} or {@code in_love}), a free-text {@code rpid:other} ({@link #others()}) or
 * a mood element from another namespace ({@link #elements()}). Unlike activities, the schema
 * requires at least one value; {@code unknown} stands alone.
 *
 * <p>Values of each kind are kept in document order; the writer emits tokens, then
 * {@code other}s, then foreign elements.
 *
 * <p>Immutable and thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class Mood extends RpidTokenList {
    /** {@code rpid:mood}. */
    public static final QName QNAME = Rpid.name("mood");

    private static final Kind KIND = new Kind("mood", "moods", Rpid.vocabulary("afraid", "amazed", "angry",
            "annoyed", "anxious", "ashamed", "bored", "brave", "calm", "cold", "confused", "contented", "cranky",
            "curious", "depressed", "disappointed", "disgusted", "distracted", "embarrassed", "excited",
            "flirtatious", "frustrated", "grumpy", "guilty", "happy", "hot", "humbled", "humiliated", "hungry",
            "hurt", "impressed", "in_awe", "in_love", "indignant", "interested", "invincible", "jealous", "lonely",
            "mean", "moody", "nervous", "neutral", "offended", "playful", "proud", "relieved", "remorseful",
            "restless", "sad", "sarcastic", "serious", "shocked", "shy", "sick", "sleepy", "stressed", "surprised",
            "thirsty", "unknown", "worried"));

    private Mood(Builder b) {
        super(b);
        // the one rule activities do not have: a mood says something
        if (hasNoValue()) {
            throw new IllegalArgumentException("mood needs at least one value (a token, other or a foreign element)");
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A mood with the given RFC tokens, for example {@code of("happy")}. */
    public static Mood of(String... tokens) {
        Builder b = builder();
        for (String t : tokens) {
            b.mood(t);
        }
        return b.build();
    }

    /** Every mood token RFC 4480 defines, {@code unknown} included and {@code other} not. */
    public static Set<String> knownTokens() {
        return KIND.tokens();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** Builds {@link Mood}. Not thread-safe. */
    public static final class Builder extends RpidTokenList.Builder<Builder> {
        private Builder() {
            super(KIND);
        }

        private Builder(Mood m) {
            super(KIND, m);
        }

        /**
         * Appends a known mood.
         *
         * @throws IllegalArgumentException if {@code token} is not in {@link #knownTokens()}
         */
        public Builder mood(String token) {
            return token(token);
        }

        /** Removes every mood value (tokens, others and foreign elements); notes stay. */
        public Builder clearMoods() {
            return clearValues();
        }

        /**
         * Builds the element.
         *
         * @throws IllegalArgumentException if there is no value, or {@code unknown} is combined with another
         */
        public Mood build() {
            return new Mood(this);
        }
    }
}
