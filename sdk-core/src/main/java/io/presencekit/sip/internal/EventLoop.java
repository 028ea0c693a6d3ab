package io.presencekit.sip.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one serialized executor that owns all protocol state of an engine. JAIN-SIP callbacks post
 * here and return at once; every usage (registration, later publications and subscriptions)
 * changes its state only inside {@link #execute} tasks, so usages need no locks. Timers run on the
 * shared {@link ScheduledExecutorService} (injected or owned) and only post back to the loop;
 * the time they read is {@link #clock()}.
 *
 * <p>Thread-safe. Tasks run one at a time, in submission order, on one thread; a task that throws
 * is reported to the error sink and does not stop the loop.
 */
public final class EventLoop implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EventLoop.class);
    private static final AtomicInteger COUNT = new AtomicInteger();

    private final ExecutorService thread;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final Clock clock;
    private final Consumer<Throwable> errors;
    private volatile Thread loopThread;

    /**
     * @param scheduler the timer scheduler, or null to create one owned (and shut down) by the loop
     * @param clock     the clock timers and usages read
     * @param errors    where exceptions thrown by tasks go
     */
    public EventLoop(ScheduledExecutorService scheduler, Clock clock, Consumer<Throwable> errors) {
        int n = COUNT.incrementAndGet();
        this.thread = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "presencekit-sip-loop-" + n);
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
        this.ownsScheduler = scheduler == null;
        this.scheduler = scheduler != null ? scheduler : Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "presencekit-sip-timer-" + n);
            t.setDaemon(true);
            return t;
        });
        this.clock = clock;
        this.errors = errors;
    }

    /** Runs {@code task} on the loop, after the tasks already posted. */
    public void execute(Runnable task) {
        try {
            thread.execute(() -> {
                try {
                    task.run();
                } catch (Throwable t) {
                    LOG.warn("event loop task failed", t);
                    errors.accept(t);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            LOG.debug("event loop closed, task dropped");
        }
    }

    /** Runs {@code task} on the loop after {@code delay}; cancel the returned future to drop it. */
    public ScheduledFuture<?> schedule(Duration delay, Runnable task) {
        return scheduler.schedule(() -> execute(task), Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    /** The clock of every timer and usage. */
    public Clock clock() {
        return clock;
    }

    /** Whether the caller runs on the loop thread. */
    public boolean inLoop() {
        return Thread.currentThread() == loopThread;
    }

    /** Stops the loop after the tasks already posted, waiting at most {@code timeout}. */
    @Override
    public void close() {
        close(Duration.ofSeconds(2));
    }

    public void close(Duration timeout) {
        thread.shutdown();
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        try {
            if (!inLoop() && !thread.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                thread.shutdownNow();
            }
            if (ownsScheduler) {
                scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            thread.shutdownNow();
        }
    }
}
