package io.presencekit.sip;

import java.time.Duration;
import java.util.Objects;

/**
 * How a notifier grants subscription lifetimes (RFC 6665, section 4.2.1.1): a SUBSCRIBE without
 * Expires gets {@code defaultExpires}; a longer request is cut to {@code maxExpires}; a non-zero
 * request shorter than {@code minExpires} is refused with 423 and Min-Expires (unless
 * {@code minExpires} is zero). Immutable.
 *
 * @param minExpires     the shortest lifetime accepted, or zero for no minimum
 * @param maxExpires     the longest lifetime granted
 * @param defaultExpires the lifetime of a SUBSCRIBE without Expires
 */
public record NotifierPolicy(Duration minExpires, Duration maxExpires, Duration defaultExpires) {
    /** 60 s minimum, 3600 s maximum and default, as the reference SDK and RFC 3856 for presence. */
    public static final NotifierPolicy DEFAULT = new NotifierPolicy(Duration.ofSeconds(60),
            Duration.ofSeconds(3600), Duration.ofSeconds(3600));

    public NotifierPolicy {
        Objects.requireNonNull(minExpires, "minExpires");
        Objects.requireNonNull(maxExpires, "maxExpires");
        Objects.requireNonNull(defaultExpires, "defaultExpires");
        if (minExpires.isNegative() || maxExpires.toSeconds() < 1 || defaultExpires.toSeconds() < 1) {
            throw new IllegalArgumentException("lifetimes must be positive (minimum may be zero)");
        }
        if (minExpires.compareTo(maxExpires) > 0) {
            throw new IllegalArgumentException("minExpires " + minExpires + " above maxExpires " + maxExpires);
        }
        if (defaultExpires.compareTo(maxExpires) > 0 || defaultExpires.compareTo(minExpires) < 0) {
            throw new IllegalArgumentException("defaultExpires " + defaultExpires + " outside [min, max]");
        }
    }

    public NotifierPolicy withMinExpires(Duration d) {
        return new NotifierPolicy(d, maxExpires, defaultExpires.compareTo(d) < 0 ? d : defaultExpires);
    }

    public NotifierPolicy withMaxExpires(Duration d) {
        return new NotifierPolicy(minExpires, d, defaultExpires.compareTo(d) > 0 ? d : defaultExpires);
    }

    public NotifierPolicy withDefaultExpires(Duration d) {
        return new NotifierPolicy(minExpires, maxExpires, d);
    }
}
