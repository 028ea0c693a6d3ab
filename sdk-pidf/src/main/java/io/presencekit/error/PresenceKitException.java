package io.presencekit.error;

/**
 * Root of every exception the SDK throws. Unchecked: presence code is event-driven and most
 * failures are reported through futures and listeners, where checked exceptions only get in the way.
 *
 * <p>Immutable and thread-safe.
 */
public class PresenceKitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PresenceKitException(String message) {
        super(message);
    }

    public PresenceKitException(String message, Throwable cause) {
        super(message, cause);
    }
}
