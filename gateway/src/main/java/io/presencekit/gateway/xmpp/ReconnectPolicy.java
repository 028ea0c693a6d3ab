package io.presencekit.gateway.xmpp;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * When to try again after the connection dropped: exponential back-off from {@code initialDelay},
 * multiplied by {@code multiplier} per failed attempt up to {@code maxDelay}, with up to
 * {@code jitter} (a fraction, 0 to 1) of each delay taken off at random so that many components
 * restarted together do not reconnect in step. {@code maxAttempts} bounds the attempts in a row
 * (0: no reconnecting, {@link Integer#MAX_VALUE}: no bound). Immutable.
 *
 * @param initialDelay delay before the first attempt
 * @param maxDelay     the largest delay
 * @param multiplier   growth per attempt, at least 1
 * @param jitter       fraction of a delay that may be taken off at random, 0 to 1
 * @param maxAttempts  attempts in a row before giving up
 */
public record ReconnectPolicy(Duration initialDelay, Duration maxDelay, double multiplier, double jitter,
        int maxAttempts) {
    /** 1 s doubling up to 60 s, 20 % jitter, no bound on the attempts. */
    public static final ReconnectPolicy DEFAULT =
            new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 2.0, 0.2, Integer.MAX_VALUE);
    /** Never reconnect. */
    public static final ReconnectPolicy NEVER = new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 1.0, 0.0, 0);

    public ReconnectPolicy {
        Objects.requireNonNull(initialDelay, "initialDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0) {
            throw new IllegalArgumentException("need 0 <= initialDelay <= maxDelay");
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException("multiplier must be at least 1: " + multiplier);
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException("jitter must be between 0 and 1: " + jitter);
        }
        if (maxAttempts < 0) {
            throw new IllegalArgumentException("maxAttempts must not be negative: " + maxAttempts);
        }
    }

    /** Whether attempt number {@code attempt} (1-based, counted since the last connection) may be made. */
    public boolean allows(int attempt) {
        return attempt >= 1 && attempt <= maxAttempts;
    }

    /** The delay before attempt {@code attempt} (1-based), jitter drawn from {@code random}. */
    public Duration delay(int attempt, RandomGenerator random) {
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt is 1-based: " + attempt);
        }
        double nanos = initialDelay.toNanos() * Math.pow(multiplier, Math.min(attempt - 1, 64));
        double capped = Math.min(nanos, maxDelay.toNanos());
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofNanos((long) jittered);
    }
}
