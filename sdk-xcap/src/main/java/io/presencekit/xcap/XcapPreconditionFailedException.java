package io.presencekit.xcap;

import io.presencekit.xcap.error.XcapError;

/**
 * 412 Precondition Failed: the {@link Precondition} did not hold (RFC 4825, section 7.11; RFC 7232,
 * section 4.2). For {@link Precondition#ifMatch(String)} the document changed since it was read:
 * fetch it again and re-apply the change. For {@link Precondition#createOnly()} the document
 * already exists.
 *
 * <p>Immutable and thread-safe.
 */
public class XcapPreconditionFailedException extends XcapException {
    private static final long serialVersionUID = 1L;

    public XcapPreconditionFailedException(String message, XcapResponse response, XcapError error) {
        super(message, response, error);
    }
}
