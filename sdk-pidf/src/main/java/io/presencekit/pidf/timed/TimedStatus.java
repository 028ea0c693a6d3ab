package io.presencekit.pidf.timed;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * {@code ts:timed-status}: the status of a tuple during an interval in the past or future (RFC 4481,
 * section 3), for example "closed from Monday until Friday". It holds the interval
 * ({@code from}, required, and {@code until}), an optional {@code basic} status, an optional note,
 * and extension elements from other namespaces, in the schema's order (RFC 4481, section 5).
 *
 * <p>Immutable; build with {@link #builder(OffsetDateTime)}. Equality compares {@code from} and
 * {@code until} as instants.
 */
public final class TimedStatus implements ExtensionElement {
    /** {@code ts:timed-status}. */
    public static final QName QNAME = new QName(Namespaces.TIMED_STATUS, "timed-status", "ts");

    private final OffsetDateTime from;
    private final OffsetDateTime until;
    private final Basic basic;
    private final Note note;
    private final Extras extras;

    private TimedStatus(Builder b) {
        this.from = b.from;
        this.until = b.until;
        this.basic = b.basic;
        this.note = b.note;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for the status from {@code from} on. */
    public static Builder builder(OffsetDateTime from) {
        return new Builder(from);
    }

    /** A builder for the status from {@code from} on, written in UTC. */
    public static Builder builder(Instant from) {
        return new Builder(from.atOffset(ZoneOffset.UTC));
    }

    /** A builder holding this timed status. */
    public Builder toBuilder() {
        Builder b = new Builder(from);
        b.until = until;
        b.basic = basic;
        b.note = note;
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** When the status starts ({@code from} attribute). */
    public OffsetDateTime from() {
        return from;
    }

    /** When the status ends ({@code until} attribute), if known. */
    public Optional<OffsetDateTime> until() {
        return Optional.ofNullable(until);
    }

    /** The basic status during the interval, if given. */
    public Optional<Basic> basic() {
        return Optional.ofNullable(basic);
    }

    /** The note ({@code ts:note}), if any. */
    public Optional<Note> note() {
        return Optional.ofNullable(note);
    }

    /** Attributes other than {@code from} and {@code until}, and extension elements, in document order. */
    public Extras extras() {
        return extras;
    }

    /** Whether {@code instant} falls in the interval: at or after {@code from} and, if there is an {@code until}, before it. */
    public boolean covers(Instant instant) {
        return !instant.isBefore(from.toInstant()) && (until == null || instant.isBefore(until.toInstant()));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TimedStatus t && from.isEqual(t.from)
                && (until == null ? t.until == null : t.until != null && until.isEqual(t.until)) && basic == t.basic
                && Objects.equals(note, t.note) && extras.equals(t.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from.toInstant(), until == null ? null : until.toInstant(), basic, note, extras);
    }

    @Override
    public String toString() {
        return "TimedStatus[from=" + from + ", until=" + until + ", basic=" + basic + ", note=" + note
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds a {@link TimedStatus}. Not thread-safe. */
    public static final class Builder {
        private OffsetDateTime from;
        private OffsetDateTime until;
        private Basic basic;
        private Note note;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(OffsetDateTime from) {
            from(from);
        }

        /** Sets the start of the interval. */
        public Builder from(OffsetDateTime from) {
            this.from = Objects.requireNonNull(from, "from");
            return this;
        }

        /** Sets the end of the interval; null for an open end. */
        public Builder until(OffsetDateTime until) {
            this.until = until;
            return this;
        }

        /** Sets the end of the interval, written in UTC; null for an open end. */
        public Builder until(Instant until) {
            return until(until == null ? null : until.atOffset(ZoneOffset.UTC));
        }

        /** Sets the basic status during the interval; null removes it. */
        public Builder basic(Basic basic) {
            this.basic = basic;
            return this;
        }

        /** Sets the note (the schema allows one); null removes it. */
        public Builder note(Note note) {
            this.note = note;
            return this;
        }

        /** Sets a note without language. */
        public Builder note(String text) {
            return note(Note.of(text));
        }

        /** Adds an attribute other than {@code from} and {@code until}. */
        public Builder attribute(QName name, String value) {
            Objects.requireNonNull(name, "name");
            if (name.getNamespaceURI().isEmpty()
                    && ("from".equals(name.getLocalPart()) || "until".equals(name.getLocalPart()))) {
                throw new IllegalArgumentException("set " + name.getLocalPart() + " with its own method");
            }
            attributes.put(name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Appends an extension element. The schema allows elements from namespaces other than
         * timed status only.
         */
        public Builder extra(ExtensionElement element) {
            Objects.requireNonNull(element, "element");
            children.add(element);
            return this;
        }

        /**
         * Builds the timed status.
         *
         * @throws IllegalArgumentException when {@code until} is before {@code from}
         */
        public TimedStatus build() {
            if (until != null && until.isBefore(from)) {
                throw new IllegalArgumentException("until " + until + " is before from " + from);
            }
            return new TimedStatus(this);
        }
    }
}
