package io.presencekit.sip.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.Callable;
import java.util.concurrent.Delayed;
import java.util.concurrent.Executors;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A {@link ScheduledExecutorService} and {@link Clock} whose time moves only when a test calls
 * {@link #advance}: due tasks then run in time order on the calling thread. Refresh and retry
 * timing is tested this way without sleeping. Tasks submitted without delay are due at once and
 * run on the next {@link #advance} (use {@code advance(Duration.ZERO)}). Periodic scheduling is not
 * supported.
 *
 * <p>Thread-safe: the engine schedules from its own threads while the test advances.
 */
public final class VirtualScheduler extends AbstractExecutorService implements ScheduledExecutorService {
    private final PriorityQueue<Task<?>> queue = new PriorityQueue<>();
    private long now;
    private long seq;
    private boolean shutdown;
    private final Instant epoch;

    public VirtualScheduler() {
        this(Instant.parse("2026-01-01T00:00:00Z"));
    }

    public VirtualScheduler(Instant start) {
        this.epoch = start;
    }

    /** The clock reading this scheduler's virtual time. */
    public Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return epoch.plusMillis(nowMillis());
            }
        };
    }

    /** Virtual milliseconds since the start. */
    public synchronized long nowMillis() {
        return now;
    }

    /** Moves time forward by {@code d}, running every task that falls due, in order. */
    public void advance(Duration d) {
        long target;
        synchronized (this) {
            target = now + d.toMillis();
        }
        while (true) {
            Task<?> next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at > target) {
                    now = target;
                    return;
                }
                queue.poll();
                now = Math.max(now, next.at);
            }
            next.run();
        }
    }

    /** The number of tasks waiting (cancelled ones are removed). */
    public synchronized int pending() {
        return queue.size();
    }

    /** When the earliest waiting task is due, relative to now; null when none waits. */
    public synchronized Duration nextDue() {
        Task<?> t = queue.peek();
        return t == null ? null : Duration.ofMillis(t.at - now);
    }

    /** Waits (really) until at least {@code count} tasks wait, e.g. a timer the engine sets from its loop. */
    public void awaitPending(int count, Duration timeout) throws TimeoutException, InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (pending() < count) {
            if (System.nanoTime() > end) {
                throw new TimeoutException("only " + pending() + " of " + count + " tasks scheduled");
            }
            Thread.sleep(5);
        }
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable command, long delay, TimeUnit unit) {
        return add(Executors.callable(command, null), unit.toMillis(delay));
    }

    @Override
    public <V> ScheduledFuture<V> schedule(Callable<V> callable, long delay, TimeUnit unit) {
        return add(callable, unit.toMillis(delay));
    }

    @Override
    public void execute(Runnable command) {
        add(Executors.callable(command, null), 0);
    }

    private synchronized <V> Task<V> add(Callable<V> c, long delay) {
        if (shutdown) {
            throw new java.util.concurrent.RejectedExecutionException("shut down");
        }
        Task<V> t = new Task<>(c, now + Math.max(0, delay), seq++);
        queue.add(t);
        return t;
    }

    @Override
    public ScheduledFuture<?> scheduleAtFixedRate(Runnable command, long initialDelay, long period, TimeUnit unit) {
        throw new UnsupportedOperationException("periodic tasks are not supported");
    }

    @Override
    public ScheduledFuture<?> scheduleWithFixedDelay(Runnable command, long initialDelay, long delay, TimeUnit unit) {
        throw new UnsupportedOperationException("periodic tasks are not supported");
    }

    @Override
    public synchronized void shutdown() {
        shutdown = true;
    }

    @Override
    public synchronized List<Runnable> shutdownNow() {
        shutdown = true;
        List<Runnable> left = new ArrayList<>(queue);
        queue.clear();
        return left;
    }

    @Override
    public synchronized boolean isShutdown() {
        return shutdown;
    }

    @Override
    public synchronized boolean isTerminated() {
        return shutdown;
    }

    @Override
    public boolean awaitTermination(long timeout, TimeUnit unit) {
        return true;
    }

    private final class Task<V> extends FutureTask<V> implements ScheduledFuture<V> {
        final long at;
        final long order;

        Task(Callable<V> c, long at, long order) {
            super(c);
            this.at = at;
            this.order = order;
        }

        @Override
        public long getDelay(TimeUnit unit) {
            return unit.convert(at - nowMillis(), TimeUnit.MILLISECONDS);
        }

        @Override
        public int compareTo(Delayed o) {
            Task<?> t = (Task<?>) o;
            return at != t.at ? Long.compare(at, t.at) : Long.compare(order, t.order);
        }

        @Override
        public boolean cancel(boolean interrupt) {
            synchronized (VirtualScheduler.this) {
                queue.remove(this);
            }
            return super.cancel(interrupt);
        }
    }
}
