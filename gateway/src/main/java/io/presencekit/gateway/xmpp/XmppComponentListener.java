package io.presencekit.gateway.xmpp;

import io.presencekit.error.DocumentParseException;
import io.presencekit.pidf.xmpp.XmppPresence;
import java.time.Duration;
import java.util.Optional;

/**
 * Receives what an {@link XmppComponent} gets from the server, and its connection changes. Every
 * method has a default that does nothing, so implement only what you need.
 *
 * <p>Called on the component's reader thread, one call at a time, in stream order: a slow
 * listener holds up the stream (hand long work to an executor of your own). A listener may call
 * {@link XmppComponent#sendPresence} and {@link XmppComponent#sendStanza} from a callback. An
 * exception thrown by a callback is logged and otherwise ignored.
 */
public interface XmppComponentListener {
    /** The handshake succeeded (again, after a reconnect); {@code streamId} is the server's stream id. */
    default void onConnected(String streamId) {
    }

    /** A {@code <presence/>} stanza (RFC 6121, section 4.7), any type, parsed by the codec. */
    default void onPresence(XmppPresence presence, RawStanza raw) {
    }

    /**
     * A {@code <presence/>} the codec refused (an unknown {@code type}, a {@code from} that is no JID,
     * a bad {@code show} in strict mode...). The stream goes on.
     */
    default void onInvalidPresence(RawStanza raw, DocumentParseException error) {
    }

    /** A {@code <message/>}, or an {@code <iq/>} result or error. */
    default void onStanza(RawStanza stanza) {
    }

    /**
     * An {@code <iq/>} of type get or set (RFC 6120, section 8.2.3). Return true when you answer it
     * (with {@link XmppComponent#sendStanza}); when false, the component answers a {@code disco#info}
     * query to its domain with its identity (XEP-0030) and everything else with a
     * {@code service-unavailable} error (RFC 6120, section 8.3.3.19).
     */
    default boolean onIqRequest(RawStanza iq) {
        return false;
    }

    /** The connection dropped; {@code cause} says why. A reconnect follows if the policy allows. */
    default void onDisconnected(XmppStreamException cause) {
    }

    /**
     * Attempt {@code attempt} (1-based, since the last connection) to reconnect starts after
     * {@code delay}; {@code lastFailure} is what ended the connection or failed the previous attempt.
     */
    default void onReconnecting(int attempt, Duration delay, XmppStreamException lastFailure) {
    }

    /**
     * The component stopped for good: closed by the application (no cause) or given up (the policy's
     * attempts used up, or a {@linkplain ComponentHandshakeException#isPermanent() permanent}
     * handshake refusal). Called once, last.
     */
    default void onClosed(Optional<XmppStreamException> cause) {
    }
}
