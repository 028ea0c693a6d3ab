package io.presencekit.sip;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;

/**
 * When a subscription tries again after a failure: an error response, a timeout, a lost
 * connection, or a termination whose reason allows a retry later ({@code probation},
 * {@code giveup}, an unknown or missing reason; RFC 6665, section 4.1.3). Terminations that call
 * for an immediate new subscription ({@code deactivated}, {@code timeout}) do not ask for a delay
 * but do count as attempts, so a notifier that ends every subscription at once cannot make the
 * client loop forever.
 *
 * <p>The {@linkplain #standard() default}: exponential back-off with full jitter starting at
 * 2 s and doubling up to 5 min (at least 1 s), a server's Retry-After or {@code retry-after}
 * honoured as given but never above 1 h, and at most 10 consecutive attempts without a
 * notification in between; then the subscription ends with
 * {@link SubscriptionEnd#RETRIES_EXHAUSTED}.
 *
 * <p>Implementations must be thread-safe; the SDK calls them on the engine's event loop.
 */
@FunctionalInterface
public interface RetryPolicy {

    /**
     * The delay before the next attempt, or empty to give up.
     *
     * @param attempt    how many consecutive attempts failed before this one (0 for the first
     *                   failure after a working subscription)
     * @param retryAfter the delay the server asked for, if any
     */
    Optional<Duration> nextDelay(int attempt, Optional<Duration> retryAfter);

    /** The default policy described above. */
    static RetryPolicy standard() {
        return exponential(Duration.ofSeconds(2), Duration.ofMinutes(5), 10, new Random());
    }

    /**
     * Exponential back-off with full jitter: a uniform draw in {@code [0, min(cap, base * 2^attempt)]},
     * at least 1 s (or {@code base} when shorter); Retry-After honoured up to 1 h; at most
     * {@code maxAttempts} consecutive attempts.
     */
    static RetryPolicy exponential(Duration base, Duration cap, int maxAttempts, Random random) {
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(cap, "cap");
        Objects.requireNonNull(random, "random");
        if (maxAttempts < 0 || base.isNegative() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= cap and maxAttempts >= 0");
        }
        Duration floor = base.compareTo(Duration.ofSeconds(1)) < 0 ? base : Duration.ofSeconds(1);
        Duration maxRetryAfter = Duration.ofHours(1);
        return (attempt, retryAfter) -> {
            if (attempt >= maxAttempts) {
                return Optional.empty();
            }
            if (retryAfter.isPresent()) {
                Duration r = retryAfter.get();
                return Optional.of(r.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : r);
            }
            long ceiling = base.toMillis() << Math.min(Math.max(attempt, 0), 30);
            if (ceiling <= 0 || ceiling > cap.toMillis()) {
                ceiling = cap.toMillis();
            }
            long drawn;
            synchronized (random) {
                drawn = (long) (random.nextDouble() * ceiling);
            }
            return Optional.of(Duration.ofMillis(Math.max(floor.toMillis(), drawn)));
        };
    }
}
