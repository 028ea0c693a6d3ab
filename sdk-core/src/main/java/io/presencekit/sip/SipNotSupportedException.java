package io.presencekit.sip;

import java.time.Duration;

/**
 * The server does not support what we asked for: 405 Method Not Allowed, 489 Bad Event
 * (RFC 6665, section 8.3.1) or 501 Not Implemented.
 *
 * <p>Immutable and thread-safe.
 */
public class SipNotSupportedException extends SipException {
    private static final long serialVersionUID = 1L;

    public SipNotSupportedException(String message, int status, String reason, Duration retryAfter) {
        super(message, status, reason, retryAfter, null);
    }
}
