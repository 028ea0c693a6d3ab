package io.presencekit.internal;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Runs tasks on a delegate executor, one at a time and in submission order per key, while tasks
 * of different keys may run in parallel (on a multi-threaded delegate). A task that throws is
 * reported to the error handler and does not stop the ones after it. Keys with nothing queued
 * hold no memory. Thread-safe.
 */
public final class KeyedSerialExecutor {
    private final Executor delegate;
    private final Consumer<Throwable> errors;
    private final Map<Object, Queue<Runnable>> queues = new HashMap<>();

    public KeyedSerialExecutor(Executor delegate, Consumer<Throwable> errors) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.errors = Objects.requireNonNull(errors, "errors");
    }

    /** Runs {@code task} after every task submitted before under the same {@code key}. */
    public void execute(Object key, Runnable task) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(task, "task");
        synchronized (queues) {
            Queue<Runnable> q = queues.get(key);
            if (q != null) {
                q.add(task);
                return;
            }
            q = new ArrayDeque<>();
            q.add(task);
            queues.put(key, q);
        }
        schedule(key);
    }

    /** How many keys have tasks queued or running. */
    public int activeKeys() {
        synchronized (queues) {
            return queues.size();
        }
    }

    private void schedule(Object key) {
        try {
            delegate.execute(() -> drainOne(key));
        } catch (RejectedExecutionException e) {
            synchronized (queues) {
                queues.remove(key);
            }
            errors.accept(e);
        }
    }

    private void drainOne(Object key) {
        Runnable task;
        synchronized (queues) {
            task = queues.get(key).peek();
        }
        try {
            task.run();
        } catch (Throwable t) {
            errors.accept(t);
        }
        boolean more;
        synchronized (queues) {
            Queue<Runnable> q = queues.get(key);
            q.poll();
            more = !q.isEmpty();
            if (!more) {
                queues.remove(key);
            }
        }
        if (more) {
            schedule(key);
        }
    }
}
