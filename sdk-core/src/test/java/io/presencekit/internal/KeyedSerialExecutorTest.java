package io.presencekit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class KeyedSerialExecutorTest {
    private final ExecutorService pool = Executors.newFixedThreadPool(4);
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private final KeyedSerialExecutor executor = new KeyedSerialExecutor(pool, errors::add);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void tasksOfOneKeyRunInSubmissionOrderOneAtATimeOnAManyThreadedExecutor() throws Exception {
        int keys = 8;
        int perKey = 500;
        Map<Integer, List<Integer>> seen = new ConcurrentHashMap<>();
        Map<Integer, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(keys * perKey);
        for (int k = 0; k < keys; k++) {
            seen.put(k, Collections.synchronizedList(new ArrayList<>()));
            running.put(k, new AtomicInteger());
        }
        for (int i = 0; i < perKey; i++) {
            for (int k = 0; k < keys; k++) {
                int key = k;
                int n = i;
                executor.execute("contact-" + key, () -> {
                    if (running.get(key).incrementAndGet() != 1) {
                        overlaps.incrementAndGet();
                    }
                    seen.get(key).add(n);
                    running.get(key).decrementAndGet();
                    done.countDown();
                });
            }
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        for (int k = 0; k < keys; k++) {
            List<Integer> expected = new ArrayList<>();
            for (int i = 0; i < perKey; i++) {
                expected.add(i);
            }
            assertEquals(expected, seen.get(k), "order of key " + k);
        }
        assertTrue(errors.isEmpty(), errors::toString);
    }

    @Test
    void aSlowKeyDoesNotHoldUpAnother() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch otherRan = new CountDownLatch(1);
        executor.execute("slow", () -> {
            try {
                release.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        executor.execute("fast", otherRan::countDown);
        assertTrue(otherRan.await(30, TimeUnit.SECONDS), "the other key waited for the slow one");
        release.countDown();
    }

    @Test
    void aFailingTaskIsReportedAndTheNextOneStillRuns() throws Exception {
        CountDownLatch next = new CountDownLatch(1);
        executor.execute("k", () -> {
            throw new IllegalStateException("listener bug");
        });
        executor.execute("k", next::countDown);
        assertTrue(next.await(30, TimeUnit.SECONDS));
        assertEquals(1, errors.size());
        assertEquals("listener bug", errors.get(0).getMessage());
    }

    @Test
    void idleKeysHoldNothing() throws Exception {
        CountDownLatch done = new CountDownLatch(100);
        for (int i = 0; i < 100; i++) {
            executor.execute("key-" + i, done::countDown);
        }
        assertTrue(done.await(30, TimeUnit.SECONDS));
        pool.shutdown();
        assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
        assertEquals(0, executor.activeKeys());
    }

    @Test
    void aShutDownExecutorIsReportedNotThrown() {
        pool.shutdown();
        executor.execute("k", () -> { });
        assertEquals(1, errors.size());
        assertEquals(0, executor.activeKeys());
    }
}
