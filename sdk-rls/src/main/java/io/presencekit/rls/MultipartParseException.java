package io.presencekit.rls;

import io.presencekit.error.PresenceKitException;
import java.util.Objects;

/**
 * A MIME body (RFC 2046 multipart, RFC 2387 multipart/related) could not be split into its
 * parts. Carries a {@link Reason} so that callers and tests can tell a truncated body from a
 * hostile one without matching message text, and the byte offset in the body where the problem
 * was found ({@code -1} when it has none, for example a bad Content-Type header).
 *
 * <p>Immutable and thread-safe.
 */
public class MultipartParseException extends PresenceKitException {
    private static final long serialVersionUID = 1L;

    /** Why a body was refused. */
    public enum Reason {
        /** The Content-Type value cannot be parsed, or is not the multipart type expected. */
        BAD_CONTENT_TYPE,
        /** The multipart Content-Type has no {@code boundary} parameter. */
        MISSING_BOUNDARY_PARAMETER,
        /** No delimiter line with the boundary was found in the body. */
        BOUNDARY_NEVER_FOUND,
        /** The body ends inside a part: inside its headers, or inside content not ended by a line break. */
        TRUNCATED_PART,
        /** The last part ends without the close delimiter ({@code --boundary--}) (strict mode). */
        MISSING_CLOSE_DELIMITER,
        /** The {@code start} parameter names a Content-ID no part has. */
        START_NOT_FOUND,
        /** A reference (an RLMI {@code cid}) names a Content-ID no part has. */
        DANGLING_CID,
        /** A {@link MultipartLimits} limit was hit. */
        LIMIT_EXCEEDED,
        /** A part header line is not {@code Name: value}, or is not ASCII-safe. */
        BAD_HEADER,
        /** A base64 part body is not valid base64. */
        BAD_BASE64,
        /** A Content-Transfer-Encoding this codec does not decode (quoted-printable, or unknown). */
        UNSUPPORTED_TRANSFER_ENCODING
    }

    private final Reason reason;
    private final long offset;

    public MultipartParseException(Reason reason, String message, long offset) {
        super(offset >= 0 ? message + " (at byte " + offset + ")" : message);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.offset = offset;
    }

    /** Why the body was refused. */
    public Reason reason() {
        return reason;
    }

    /** Offset in the outermost body where the problem was found, or -1. */
    public long offset() {
        return offset;
    }
}
