package io.presencekit.xcap;

/**
 * No usable answer came: the connection failed or timed out, the TLS handshake failed (an
 * untrusted certificate, a certificate for another host name), the request was cancelled, or the
 * response broke HTTP or a size limit. {@link #status()} is 0; {@link #getCause()} is the
 * underlying exception.
 *
 * <p>Immutable and thread-safe.
 */
public class XcapTransportException extends XcapException {
    private static final long serialVersionUID = 1L;

    public XcapTransportException(String message, String method, XcapUri uri, Throwable cause) {
        super(message, method, uri, cause);
    }
}
