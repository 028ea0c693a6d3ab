package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * The {@code validity} condition (RFC 4745, section 7.3): matches during any of its intervals.
 * Immutable.
 *
 * @param intervals the {@code from}/{@code until} pairs, in order (at least one in a valid document)
 */
public record Validity(List<Interval> intervals) implements ExtensionElement {
    /** {@code cp:validity}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "validity", "cp");

    public Validity {
        intervals = Values.list(intervals, "intervals");
    }

    /** A validity of one interval. */
    public static Validity of(OffsetDateTime from, OffsetDateTime until) {
        return new Validity(List.of(new Interval(from, until)));
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** Whether {@code instant} falls in one of the intervals (from inclusive, until exclusive). */
    public boolean isValidAt(Instant instant) {
        return intervals.stream().anyMatch(i -> i.contains(instant));
    }

    /**
     * One interval of a validity condition. Equality compares the date-times as written (offset
     * included); {@link #contains} compares instants.
     *
     * @param from  the start
     * @param until the end
     */
    public record Interval(OffsetDateTime from, OffsetDateTime until) {
        public Interval {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(until, "until");
        }

        /** Whether {@code instant} is at or after {@link #from} and before {@link #until}. */
        public boolean contains(Instant instant) {
            return !instant.isBefore(from.toInstant()) && instant.isBefore(until.toInstant());
        }
    }
}
