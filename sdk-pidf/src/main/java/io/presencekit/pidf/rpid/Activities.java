package io.presencekit.pidf.rpid;

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
public final class Activities extends RpidTokenList {
    /** {@code rpid:activities}. */
    public static final QName QNAME = Rpid.name("activities");

    private static final Kind KIND = new Kind("activity", "activities", Rpid.vocabulary("appointment", "away",
            "breakfast", "busy", "dinner", "holiday", "in-transit", "looking-for-work", "meal", "meeting",
            "on-the-phone", "performance", "permanent-absence", "playing", "presentation", "shopping", "sleeping",
            "spectator", "steering", "travel", "tv", "unknown", "vacation", "working", "worship"));

    private Activities(Builder b) {
        super(b);
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

    /** Whether no activity is given (neither a token, nor {@code other}, nor a foreign element). */
    public boolean isEmpty() {
        return hasNoValue();
    }

    /** Builds {@link Activities}. Not thread-safe. */
    public static final class Builder extends RpidTokenList.Builder<Builder> {
        private Builder() {
            super(KIND);
        }

        private Builder(Activities a) {
            super(KIND, a);
        }

        /**
         * Appends a known activity.
         *
         * @throws IllegalArgumentException if {@code token} is not in {@link #knownTokens()}
         */
        public Builder activity(String token) {
            return token(token);
        }

        /** Removes every activity (tokens, others and foreign elements); notes stay. */
        public Builder clearActivities() {
            return clearValues();
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
