package io.presencekit.examples.cli;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * How long a watching command runs: until the process is interrupted (Ctrl-C, SIGTERM) or, when
 * given, for a fixed time. On interruption a JVM shutdown hook wakes the command, which then ends
 * its work cleanly (unpublish, unsubscribe, unregister, within {@link SipAccess#CLOSE}); the hook
 * waits for that at most {@code closeTimeout} plus a margin, so that the process always exits.
 *
 * <p>Use: {@link #open}, {@link #await()}, end the work, then {@link #close()}. Thread-safe.
 */
final class Lifetime implements AutoCloseable {
    private final CountDownLatch stop = new CountDownLatch(1);
    private final CountDownLatch done = new CountDownLatch(1);
    private final Duration limit;
    private final Thread hook;
    private volatile boolean interrupted;

    private Lifetime(Duration limit, Duration closeTimeout) {
        this.limit = limit;
        this.hook = new Thread(() -> {
            interrupted = true;
            stop.countDown();
            try {
                done.await(closeTimeout.toMillis() + 2000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "presencekit-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** A lifetime ending on interruption or after {@code limit} (null: no limit). */
    static Lifetime open(Duration limit, Duration closeTimeout) {
        return new Lifetime(limit, closeTimeout);
    }

    /** A duration in seconds from an option (null or not positive: none). */
    static Duration seconds(Long seconds) {
        return seconds == null || seconds <= 0 ? null : Duration.ofSeconds(seconds);
    }

    /** Ends the lifetime now (the command's work is over by itself). */
    void end() {
        stop.countDown();
    }

    /** Waits until interrupted, {@link #end()} or the limit. */
    void await() throws InterruptedException {
        if (limit == null) {
            stop.await();
        } else {
            stop.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** Whether the process is being interrupted. */
    boolean interrupted() {
        return interrupted;
    }

    /** The work has ended: lets an interrupted process exit, or removes the hook. */
    @Override
    public void close() {
        done.countDown();
        if (!interrupted) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs now and sees done
            }
        }
    }
}
