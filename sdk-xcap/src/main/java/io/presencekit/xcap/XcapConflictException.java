package io.presencekit.xcap;

import io.presencekit.xcap.error.XcapError;

/**
 * 409 Conflict: the server refused a PUT or DELETE because of the content (RFC 4825, section
 * 8.2.5 and 11): not well-formed, not valid against the schema, not unique, no parent, not
 * idempotent. The report, when the server sent one, is {@link #xcapError()}. Retrying the same
 * request gives the same answer: fix the content instead.
 *
 * <p>Immutable and thread-safe.
 */
public class XcapConflictException extends XcapException {
    private static final long serialVersionUID = 1L;

    public XcapConflictException(String message, XcapResponse response, XcapError error) {
        super(message, response, error);
    }
}
