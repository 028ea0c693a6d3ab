package io.presencekit.gateway.xmpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ReconnectPolicyTest {
    private static RandomGenerator fixed(double value) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                throw new UnsupportedOperationException();
            }

            @Override
            public double nextDouble() {
                return value;
            }
        };
    }

    @Test
    void delaysGrowExponentiallyUpToTheCap() {
        ReconnectPolicy p = new ReconnectPolicy(Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.0, 100);
        assertEquals(Duration.ofSeconds(1), p.delay(1, fixed(0.7)));
        assertEquals(Duration.ofSeconds(2), p.delay(2, fixed(0.7)));
        assertEquals(Duration.ofSeconds(8), p.delay(4, fixed(0.7)));
        assertEquals(Duration.ofSeconds(10), p.delay(5, fixed(0.7)));
        assertEquals(Duration.ofSeconds(10), p.delay(1000, fixed(0.7)));
    }

    @Test
    void jitterTakesOffUpToItsFraction() {
        ReconnectPolicy p = new ReconnectPolicy(Duration.ofSeconds(4), Duration.ofSeconds(60), 2.0, 0.25, 100);
        assertEquals(Duration.ofSeconds(4), p.delay(1, fixed(0.0)));
        assertEquals(Duration.ofSeconds(3), p.delay(1, fixed(1.0)));
        assertEquals(Duration.ofMillis(3500), p.delay(1, fixed(0.5)));
    }

    @Test
    void attemptsAreBounded() {
        assertFalse(ReconnectPolicy.NEVER.allows(1));
        ReconnectPolicy p = new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 1.0, 0.0, 3);
        assertTrue(p.allows(3));
        assertFalse(p.allows(4));
        assertTrue(ReconnectPolicy.DEFAULT.allows(Integer.MAX_VALUE));
    }

    @Test
    void nonsenseIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ofSeconds(2), Duration.ofSeconds(1), 2.0, 0.1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 0.5, 0.1, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 1.0, 1.5, 1));
        assertThrows(IllegalArgumentException.class,
                () -> new ReconnectPolicy(Duration.ZERO, Duration.ZERO, 1.0, 0.0, -1));
    }
}
