package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Waiting on the client's futures in tests, never longer than 30 s. */
final class Futures {
    private Futures() {
    }

    static <T> T await(CompletableFuture<T> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw new AssertionError("expected success, got " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }

    /** The exception {@code f} failed with, which must be a {@code type}. */
    static <E extends Throwable> E failure(CompletableFuture<?> f, Class<E> type) {
        try {
            Object r = f.get(30, TimeUnit.SECONDS);
            return fail("expected " + type.getSimpleName() + ", got " + r);
        } catch (ExecutionException e) {
            return assertInstanceOf(type, e.getCause(), () -> "unexpected failure: " + e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError(e);
        }
    }
}
