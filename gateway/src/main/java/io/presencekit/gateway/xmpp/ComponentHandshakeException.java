package io.presencekit.gateway.xmpp;

/**
 * The server refused the component's handshake (XEP-0114, section 3): a wrong secret or an unknown
 * component domain ({@code not-authorized}, {@code host-unknown}), or another component already
 * connected for the domain ({@code conflict}). {@link #isPermanent()} tells a configuration error,
 * after which reconnecting is pointless, from a {@code conflict} that may clear when the server
 * notices the old connection is gone.
 *
 * <p>Immutable and thread-safe.
 */
public class ComponentHandshakeException extends XmppStreamException {
    private static final long serialVersionUID = 1L;

    public ComponentHandshakeException(String condition, String text, String message) {
        super(Reason.REMOTE_STREAM_ERROR, condition, text, message, null);
    }

    /** Whether retrying with the same configuration cannot succeed (everything but {@code conflict}). */
    public boolean isPermanent() {
        return !"conflict".equals(condition().orElse(null));
    }
}
