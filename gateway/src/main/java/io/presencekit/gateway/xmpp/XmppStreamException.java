package io.presencekit.gateway.xmpp;

import io.presencekit.error.PresenceKitException;
import java.util.Objects;
import java.util.Optional;

/**
 * An XMPP stream failed or could not be set up: the TCP connection, a stream error the server sent
 * (RFC 6120, section 4.9), input the component refused (then it sent the stream error itself), or a
 * timeout. {@link #condition()} is the stream error condition (RFC 6120, section 4.9.3), either
 * received or sent.
 *
 * <p>Immutable and thread-safe.
 */
public class XmppStreamException extends PresenceKitException {
    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Reason {
        /** The TCP connection could not be opened. */
        CONNECT_FAILED,
        /** The connection was lost or closed without a stream error. */
        CONNECTION_LOST,
        /** The server sent a stream error ({@link #condition()} says which). */
        REMOTE_STREAM_ERROR,
        /**
         * The server sent what the component refuses: XML that is not well-formed, restricted XML
         * (DOCTYPE, comments, processing instructions, entities), a stanza over the limits, or an
         * unknown top-level element. The component closed the stream with {@link #condition()}.
         */
        PROTOCOL_VIOLATION,
        /** The server did not answer in time. */
        TIMEOUT,
        /** The component is not connected (or closed) and cannot send. */
        NOT_CONNECTED
    }

    private final Reason reason;
    private final String condition;
    private final String text;

    public XmppStreamException(Reason reason, String condition, String text, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.condition = condition;
        this.text = text;
    }

    public XmppStreamException(Reason reason, String message) {
        this(reason, null, null, message, null);
    }

    public XmppStreamException(Reason reason, String message, Throwable cause) {
        this(reason, null, null, message, cause);
    }

    /** Why the stream failed. */
    public Reason reason() {
        return reason;
    }

    /** The stream error condition, e.g. {@code not-authorized} or {@code policy-violation}, if any. */
    public Optional<String> condition() {
        return Optional.ofNullable(condition);
    }

    /** The human-readable text of a received stream error, if any. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }
}
