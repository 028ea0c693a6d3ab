package io.presencekit.sip;

import io.presencekit.error.PresenceKitException;
import java.time.Duration;
import java.util.Optional;

/**
 * A SIP request failed: the server answered with a final error status (RFC 3261, section 21), or
 * no answer came (see the subtypes). Futures of the SIP engine complete exceptionally with it.
 *
 * <p>Subtypes: {@link SipAuthenticationException} (wrong credentials or 403),
 * {@link SipTimeoutException} (no final answer in time), {@link SipTransportException} (the
 * connection could not be made or broke) and {@link SipNotSupportedException} (405, 489, 501).
 * Other statuses are plain {@code SipException}s: switch on {@link #status()}.
 *
 * <p>Immutable and thread-safe.
 */
public class SipException extends PresenceKitException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;
    private final Duration retryAfter;

    /**
     * @param message    what failed, for people
     * @param status     the SIP status code, or 0 when no response came
     * @param reason     the reason phrase, or "" when no response came
     * @param retryAfter the Retry-After the server sent, or null
     * @param cause      the underlying failure, or null
     */
    public SipException(String message, int status, String reason, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.reason = reason == null ? "" : reason;
        this.retryAfter = retryAfter;
    }

    /** The status code of the final response, or 0 when none came. */
    public int status() {
        return status;
    }

    /** The reason phrase of the final response, or "" when none came. */
    public String reason() {
        return reason;
    }

    /** The server's Retry-After (RFC 3261, section 20.33), when it sent one. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
