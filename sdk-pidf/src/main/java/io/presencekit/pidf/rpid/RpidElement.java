package io.presencekit.pidf.rpid;

import io.presencekit.xml.ExtensionElement;
import java.time.OffsetDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * What the RPID elements with an {@code id} attribute and the schema's {@code fromUntil} attribute
 * group share: activities, mood, place-is, place-type, privacy, sphere, status-icon and
 * time-offset. The public accessors and builder setters live here once; each subclass adds its
 * own value and says how it compares. Not a public type: applications see each element as it is.
 */
abstract class RpidElement implements ExtensionElement {
    private final String id;
    private final OffsetDateTime from;
    private final OffsetDateTime until;

    RpidElement(Builder<?> b) {
        this.id = b.id;
        this.from = b.from;
        this.until = b.until;
    }

    // The public methods here and in the builder are not final: for a public method of a
    // package-private class javac then writes a public bridge into each element, so that
    // reflection through the element's own class can call it.

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

    /** Whether {@code o} has the same id, and {@code from} and {@code until} at the same instants. */
    final boolean sameTimes(RpidElement o) {
        return Objects.equals(id, o.id) && Rpid.sameInstant(from, o.from) && Rpid.sameInstant(until, o.until);
    }

    /**
     * Continues the hash {@code h} (as {@link Rpid#hash} does) with the id and the instants of
     * {@code from} and {@code until}, so that equal times in different offsets hash alike.
     */
    final int hashTimes(int h) {
        return Rpid.hash(h, id, Rpid.instant(from), Rpid.instant(until));
    }

    /** The {@code toString} fragment for the attributes that are set. */
    final String timesFields() {
        return Rpid.field("id", id) + Rpid.field("from", from) + Rpid.field("until", until);
    }

    /**
     * The setters every such element's builder has. {@code B} is the concrete builder, so that
     * chained calls keep its own methods in reach. Not thread-safe.
     */
    abstract static class Builder<B extends Builder<B>> {
        private String id;
        private OffsetDateTime from;
        private OffsetDateTime until;

        Builder() {
        }

        Builder(RpidElement e) {
            id = e.id;
            from = e.from;
            until = e.until;
        }

        @SuppressWarnings("unchecked")
        final B self() {
            return (B) this;
        }

        /** Sets the {@code id} attribute; null removes it. */
        public B id(String id) {
            this.id = id;
            return self();
        }

        /** Sets {@code from}; null removes it. */
        public B from(OffsetDateTime from) {
            this.from = from;
            return self();
        }

        /** Sets {@code until}; null removes it. */
        public B until(OffsetDateTime until) {
            this.until = until;
            return self();
        }
    }
}
