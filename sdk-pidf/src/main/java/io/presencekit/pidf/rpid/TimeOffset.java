package io.presencekit.pidf.rpid;

import io.presencekit.xml.Values;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The person's offset from UTC, in minutes: {@code rpid:time-offset} (RFC 4480, section 3.12),
 * with an optional {@code description} (for example a time zone name such as
 * {@code America/New_York}). A watcher uses it to know the person's local time. Immutable and
 * thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class TimeOffset extends RpidElement {
    /** {@code rpid:time-offset}. */
    public static final QName QNAME = Rpid.name("time-offset");

    private final int minutes;
    private final String description;
    private final Map<QName, String> attributes;

    private TimeOffset(Builder b) {
        super(b);
        this.minutes = b.minutes;
        this.description = b.description;
        this.attributes = Values.copy(b.attributes, "attributes");
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

    /** Attributes outside the schema, kept for the round trip. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimeOffset t && minutes == t.minutes && Objects.equals(description, t.description)
                && sameTimes(t) && attributes.equals(t.attributes);
    }

    @Override
    public int hashCode() {
        // the value Objects.hash(minutes, description, id, from, until, attributes) gives
        return Rpid.hash(hashTimes(Rpid.hash(1, minutes, description)), attributes);
    }

    @Override
    public String toString() {
        return "TimeOffset[" + minutes + Rpid.field("description", description) + timesFields()
                + Rpid.field("attributes", attributes.isEmpty() ? null : attributes) + "]";
    }

    /** Builds a {@link TimeOffset}. Not thread-safe. */
    public static final class Builder extends RpidElement.Builder<Builder> {
        private int minutes;
        private String description;
        private Map<QName, String> attributes;

        private Builder() {
        }

        private Builder(TimeOffset t) {
            super(t);
            minutes = t.minutes;
            description = t.description;
            attributes = t.attributes.isEmpty() ? null : new LinkedHashMap<>(t.attributes);
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

        /** Adds an attribute outside the schema. */
        public Builder attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds attributes outside the schema. */
        public Builder attributes(Map<QName, String> attributes) {
            attributes.forEach(this::attribute);
            return this;
        }

        public TimeOffset build() {
            return new TimeOffset(this);
        }
    }
}
