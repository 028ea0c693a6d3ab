package io.presencekit.sip;

/**
 * The server refused our credentials: it challenged again after we answered its digest challenge
 * (RFC 3261, section 22; RFC 7616), or it answered 403 Forbidden. Retrying with the same
 * credentials will not help.
 *
 * <p>Immutable and thread-safe.
 */
public class SipAuthenticationException extends SipException {
    private static final long serialVersionUID = 1L;

    public SipAuthenticationException(String message, int status, String reason) {
        super(message, status, reason, null, null);
    }
}
