package io.presencekit.pidf.rpid;

import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The person's offset from UTC, in minutes: {@code rpid:time-offset} (RFC 4480, section 3.12),
 * with an optional {@code description} (for example a time zone name such as
 * {@code America/New_York}). A watcher uses it to know the person's local time. Immutable and
 * thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class TimeOffset extends RpidSimpleElement {
    /** {@code rpid:time-offset}. */
    public static final QName QNAME = Rpid.name("time-offset");

    private final int minutes;
    private final String description;

    private TimeOffset(Builder b) {
        super(b);
        this.minutes = b.minutes;
        this.description = b.description;
    }

    /** A builder for an offset of {@code minutes} from UTC. */
    public static Builder builder(int minutes) {
        return new Builder().minutes(minutes);
    }

    /** An offset of {@code minutes} from UTC. */
    public static TimeOffset of(int minutes) {
        return builder(minutes).build();
    }

    /** The offset of {@code offset}, in whole minutes (seconds are dropped). */
    public static TimeOffset of(ZoneOffset offset) {
        return of(offset.getTotalSeconds() / 60);
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** Minutes from UTC, negative west of Greenwich. */
    public int minutes() {
        return minutes;
    }

    /** The {@code description} attribute, if any. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeOffset t && minutes == t.minutes && Objects.equals(description, t.description)
                && sameShared(t);
    }

    @Override
    public int hashCode() {
        return hashWith(minutes, description);
    }

    @Override
    public String toString() {
        return toString(minutes + Rpid.field("description", description));
    }

    /** Builds a {@link TimeOffset}. Not thread-safe. */
    public static final class Builder extends RpidSimpleElement.Builder<Builder> {
        private int minutes;
        private String description;

        private Builder() {
        }

        private Builder(TimeOffset t) {
            super(t);
            minutes = t.minutes;
            description = t.description;
        }

        /** Sets the offset from UTC in minutes. */
        public Builder minutes(int minutes) {
            this.minutes = minutes;
            return this;
        }

        /** Sets the {@code description} attribute; null removes it. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public TimeOffset build() {
            return new TimeOffset(this);
        }
    }
}
