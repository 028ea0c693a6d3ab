package io.presencekit.gateway.xmpp;

import io.presencekit.error.DocumentParseException;
import io.presencekit.pidf.xmpp.XmppPresence;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/** Queues everything a component reports, for tests to wait on. */
class RecordingListener implements XmppComponentListener {
    final BlockingQueue<XmppPresence> presences = new LinkedBlockingQueue<>();
    final BlockingQueue<RawStanza> stanzas = new LinkedBlockingQueue<>();
    final BlockingQueue<RawStanza> invalid = new LinkedBlockingQueue<>();
    final BlockingQueue<String> connected = new LinkedBlockingQueue<>();
    final BlockingQueue<XmppStreamException> disconnected = new LinkedBlockingQueue<>();
    final BlockingQueue<Duration> reconnecting = new LinkedBlockingQueue<>();
    final BlockingQueue<Optional<XmppStreamException>> closed = new LinkedBlockingQueue<>();

    @Override
    public void onConnected(String streamId) {
        connected.add(streamId);
    }

    @Override
    public void onPresence(XmppPresence presence, RawStanza raw) {
        presences.add(presence);
    }

    @Override
    public void onInvalidPresence(RawStanza raw, DocumentParseException error) {
        invalid.add(raw);
    }

    @Override
    public void onStanza(RawStanza stanza) {
        stanzas.add(stanza);
    }

    @Override
    public void onDisconnected(XmppStreamException cause) {
        disconnected.add(cause);
    }

    @Override
    public void onReconnecting(int attempt, Duration delay, XmppStreamException lastFailure) {
        reconnecting.add(delay);
    }

    @Override
    public void onClosed(Optional<XmppStreamException> cause) {
        closed.add(cause);
    }
}
