package io.presencekit.sip.internal;

import java.time.Duration;
import java.util.Random;

/**
 * Retry delays: exponential back-off with full jitter (a uniform draw in
 * {@code [0, min(cap, base * 2^attempt)]}, never below {@code floor}), as in "Exponential Backoff
 * And Jitter" (AWS Architecture Blog, 2015). The {@link Random} is injectable so tests are exact.
 * Immutable; thread-safe when the Random is.
 */
public final class Backoff {
    /** 2 s doubling up to 5 min, at least 1 s. */
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(5),
            Duration.ofSeconds(1), new Random());

    private final Duration base;
    private final Duration cap;
    private final Duration floor;
    private final Random random;

    public Backoff(Duration base, Duration cap, Duration floor, Random random) {
        this.base = base;
        this.cap = cap;
        this.floor = floor;
        this.random = random;
    }

    /** The delay before retry number {@code attempt} (0 for the first retry). */
    public Duration delay(int attempt) {
        long ceiling = base.toMillis() << Math.min(Math.max(attempt, 0), 30);
        if (ceiling <= 0 || ceiling > cap.toMillis()) {
            ceiling = cap.toMillis();
        }
        long drawn = (long) (random.nextDouble() * ceiling);
        return Duration.ofMillis(Math.max(floor.toMillis(), drawn));
    }

    /** The same curve with another Random (for tests). */
    public Backoff withRandom(Random r) {
        return new Backoff(base, cap, floor, r);
    }
}
