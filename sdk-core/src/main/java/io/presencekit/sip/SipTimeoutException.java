package io.presencekit.sip;

/**
 * No final response came within the request timeout (RFC 3261, section 17.1.2.2, Timer F, or the
 * engine's own {@link SipSettings#requestTimeout()}).
 *
 * <p>Immutable and thread-safe.
 */
public class SipTimeoutException extends SipException {
    private static final long serialVersionUID = 1L;

    public SipTimeoutException(String message) {
        super(message, 0, "", null, null);
    }
}
