package io.presencekit.sip;

/**
 * The request could not be sent or its connection broke: connection refused, TLS handshake or
 * server identity check (RFC 5922, section 7) failed, or the transport reported an I/O error.
 *
 * <p>Immutable and thread-safe.
 */
public class SipTransportException extends SipException {
    private static final long serialVersionUID = 1L;

    public SipTransportException(String message, Throwable cause) {
        super(message, 0, "", null, cause);
    }
}
