package io.presencekit.xcap;

import io.presencekit.xcap.error.XcapError;

/**
 * 401 or 407 as the final answer: the server refused the credentials, or asked for a scheme
 * other than Digest (the client never falls back to Basic), or no credentials were configured.
 * The message says which.
 *
 * <p>Immutable and thread-safe.
 */
public class XcapAuthenticationException extends XcapException {
    private static final long serialVersionUID = 1L;

    public XcapAuthenticationException(String message, XcapResponse response, XcapError error) {
        super(message, response, error);
    }
}
