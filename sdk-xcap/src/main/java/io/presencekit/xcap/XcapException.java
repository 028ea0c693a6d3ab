package io.presencekit.xcap;

import io.presencekit.error.PresenceKitException;
import io.presencekit.xcap.error.XcapError;
import java.util.Optional;

/**
 * An XCAP request failed: the server answered with an error status, or no answer came
 * ({@link XcapTransportException}). Unchecked, like every PresenceKit exception; futures of
 * {@link XcapClient} complete exceptionally with it.
 *
 * <p>Carries the protocol data of the failure: the status and reason, the entity tag the server
 * sent, the whole {@link #response()}, and the {@link XcapError} when the body was an
 * {@code application/xcap-error+xml} report (RFC 4825, section 11). The statuses that call for
 * different handling have their own subtypes: 409 ({@link XcapConflictException}), 412
 * ({@link XcapPreconditionFailedException}), 401 and 407 ({@link XcapAuthenticationException}).
 * Other statuses, such as 404, or the 500 Kamailio sends for a body that is not well-formed, are
 * plain {@code XcapException}s: switch on {@link #status()}.
 *
 * <p>Immutable and thread-safe. The response, URI and error are not serialized.
 */
public class XcapException extends PresenceKitException {
    private static final long serialVersionUID = 1L;

    private final String method;
    private final String uri;
    private final int status;
    private final String reason;
    private final transient XcapUri xcapUri;
    private final transient XcapResponse response;
    private final transient XcapError error;

    /**
     * An error answer.
     *
     * @param message  what failed, for people
     * @param response the error response
     * @param error    the parsed xcap-error body, or null
     */
    public XcapException(String message, XcapResponse response, XcapError error) {
        super(message);
        this.method = response.method();
        this.xcapUri = response.uri();
        this.uri = response.uri().toString();
        this.status = response.status();
        this.reason = response.reason();
        this.response = response;
        this.error = error;
    }

    /** A failure without an answer (see {@link XcapTransportException}). */
    protected XcapException(String message, String method, XcapUri uri, Throwable cause) {
        super(message, cause);
        this.method = method;
        this.xcapUri = uri;
        this.uri = uri.toString();
        this.status = 0;
        this.reason = "";
        this.response = null;
        this.error = null;
    }

    /** The request method. */
    public String method() {
        return method;
    }

    /** The request URI (as a string, so that it survives serialization). */
    public String uri() {
        return uri;
    }

    /** The request URI, unless this exception was deserialized. */
    public Optional<XcapUri> xcapUri() {
        return Optional.ofNullable(xcapUri);
    }

    /** The HTTP status, or 0 when no response was received ({@link XcapTransportException}). */
    public int status() {
        return status;
    }

    /** The reason phrase (empty when none was sent or no response was received). */
    public String reason() {
        return reason;
    }

    /** The error response, if one was received. */
    public Optional<XcapResponse> response() {
        return Optional.ofNullable(response);
    }

    /** The {@code ETag} of the error response exactly as sent, if any. */
    public Optional<String> etag() {
        return response == null ? Optional.empty() : response.etag();
    }

    /** The detailed conflict report, when the body was {@code application/xcap-error+xml} and parsed. */
    public Optional<XcapError> xcapError() {
        return Optional.ofNullable(error);
    }

    /** Whether the server answered 409 Conflict. */
    public boolean isConflict() {
        return status == 409;
    }

    /** Whether the server answered 412 Precondition Failed: the document changed (or exists, or does not). */
    public boolean isPreconditionFailed() {
        return status == 412;
    }
}
