package io.presencekit.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static Random fixed(double value) {
        return new Random() {
            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void ceilingDoublesPerAttemptUpToTheCap() {
        Backoff top = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(1), fixed(0.999999));
        assertEquals(1, top.delay(0).toSeconds());
        assertEquals(3, top.delay(1).toSeconds());
        assertEquals(15, top.delay(3).toSeconds());
        assertEquals(59, top.delay(10).toSeconds());
        assertEquals(59, top.delay(1000).toSeconds());
    }

    @Test
    void fullJitterNeverGoesBelowTheFloor() {
        Backoff low = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(60), Duration.ofSeconds(1), fixed(0));
        assertEquals(Duration.ofSeconds(1), low.delay(5));
        Backoff mid = low.withRandom(fixed(0.5));
        assertEquals(Duration.ofSeconds(16), mid.delay(4));
        assertTrue(Backoff.DEFAULT.delay(3).compareTo(Duration.ofSeconds(16)) <= 0);
    }
}
