package io.presencekit.gateway.xmpp;

import io.presencekit.error.DocumentParseException;
import io.presencekit.gateway.xmpp.XmppStreamException.Reason;
import io.presencekit.gateway.xmpp.internal.ComponentConnection;
import io.presencekit.gateway.xmpp.internal.StanzaStreamReader;
import io.presencekit.gateway.xmpp.internal.StreamViolation;
import io.presencekit.gateway.xmpp.internal.Xml;
import io.presencekit.pidf.xmpp.StanzaNamespace;
import io.presencekit.pidf.xmpp.XmppPresence;
import io.presencekit.pidf.xmpp.XmppPresenceCodec;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An XMPP external component (XEP-0114, "Jabber Component Protocol") for the SIP side of the
 * gateway: the XMPP server routes every stanza for the component's domain to it, and it sends
 * stanzas from that domain.
 *
 * <p>{@link #connect()} opens the TCP connection, sends the stream header
 * {@code <stream:stream xmlns='jabber:component:accept' to='domain'>}, reads the server's stream
 * id and answers the {@code <handshake>} with the lowercase hex SHA-1 of the id followed by the
 * secret (XEP-0114, section 3). Incoming stanzas go to the {@link XmppComponentListener}:
 * presences parsed by {@link XmppPresenceCodec}, messages and IQ results as {@link RawStanza};
 * IQ requests the listener does not take are answered (see
 * {@link XmppComponentListener#onIqRequest}). The stream is read incrementally with limits (see
 * the package documentation); whitespace is sent as keep-alive when the component was silent for
 * {@link XmppComponentConfig#keepAliveInterval()}. When the connection drops, the component
 * reconnects after the {@link ReconnectPolicy}'s delays, telling the listener; the first
 * connection is not retried: its failure fails {@link #connect()}'s future.
 *
 * <p>Threads: each component has one reader thread ({@code presencekit-xmpp-component-<domain>}, a
 * daemon), which reads the stream, calls the listener and sleeps between reconnect attempts, and
 * one scheduler thread for keep-alives. Thread-safe: send from any thread, also from listener
 * callbacks; writes are serialized. {@link #close()} is graceful: it sends
 * {@code </stream:stream>}, waits up to {@link XmppComponentConfig#closeTimeout()} for the server
 * to close its stream, then closes the socket.
 */
public final class XmppComponent implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XmppComponent.class);
    private static final String DISCO_INFO = "http://jabber.org/protocol/disco#info";
    private static final String STANZAS_NS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    /** Where a component is in its life. */
    public enum State {
        /** Created, {@link #connect()} not called. */
        NEW,
        /** The first connection is being set up. */
        CONNECTING,
        /** Authenticated: stanzas flow. */
        CONNECTED,
        /** The connection dropped; waiting for or making a new attempt. */
        RECONNECTING,
        /** Closed by the application or given up; final. */
        CLOSED
    }

    private final XmppComponentConfig config;
    private final XmppComponentListener listener;
    private final XmppPresenceCodec codec;
    private final RandomGenerator random;
    private final CompletableFuture<Void> connected = new CompletableFuture<>();
    private final AtomicBoolean started = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile State state = State.NEW;
    private volatile boolean closing;
    private volatile ComponentConnection connection;
    private volatile Thread readerThread;
    private ScheduledExecutorService scheduler;
    private ScheduledFuture<?> keepAlive;

    private XmppComponent(XmppComponentConfig config, XmppComponentListener listener, RandomGenerator random) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.random = Objects.requireNonNull(random, "random");
        this.codec = XmppPresenceCodec.builder().namespace(StanzaNamespace.COMPONENT_ACCEPT).build();
    }

    /** A component for {@code config}, reporting to {@code listener}; nothing is connected yet. */
    public static XmppComponent create(XmppComponentConfig config, XmppComponentListener listener) {
        return new XmppComponent(config, listener, RandomGenerator.getDefault());
    }

    /** As {@link #create(XmppComponentConfig, XmppComponentListener)} with the jitter drawn from {@code random}. */
    public static XmppComponent create(XmppComponentConfig config, XmppComponentListener listener,
            RandomGenerator random) {
        return new XmppComponent(config, listener, random);
    }

    /** The configuration. */
    public XmppComponentConfig config() {
        return config;
    }

    /** The current state. */
    public State state() {
        return state;
    }

    /** The server's stream id of the current connection, if connected. */
    public Optional<String> streamId() {
        ComponentConnection c = connection;
        return state == State.CONNECTED && c != null ? Optional.of(c.streamId()) : Optional.empty();
    }

    /**
     * Connects and authenticates, once; later calls return the same future. It completes when the
     * handshake succeeded, or fails with a {@link ComponentHandshakeException} (refused) or another
     * {@link XmppStreamException} (connection, timeout, protocol). After such a failure the component
     * is {@link State#CLOSED}.
     */
    public CompletableFuture<Void> connect() {
        if (!started.compareAndSet(false, true)) {
            return connected;
        }
        synchronized (lock) {
            if (closing) {
                connected.completeExceptionally(new XmppStreamException(Reason.NOT_CONNECTED, "component closed"));
                return connected;
            }
            state = State.CONNECTING;
            scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "presencekit-xmpp-keepalive-" + config.domain());
                t.setDaemon(true);
                return t;
            });
            Thread t = new Thread(this::run, "presencekit-xmpp-component-" + config.domain());
            t.setDaemon(true);
            readerThread = t;
            t.start();
        }
        return connected;
    }

    /**
     * Sends a presence stanza, written by the codec in {@code jabber:component:accept}. Its
     * {@code from} should be a JID of the component's domain (the server rejects others).
     *
     * @throws XmppStreamException when not connected or the write fails (the connection is then
     *                             dropped and reconnected)
     */
    public void sendPresence(XmppPresence presence) {
        Objects.requireNonNull(presence, "presence");
        send(withoutDeclaration(new String(codec.write(presence), StandardCharsets.UTF_8)));
    }

    /** The codec writes standalone documents; inside a stream an XML declaration is not well-formed. */
    private static String withoutDeclaration(String xml) {
        if (!xml.startsWith("<?xml")) {
            return xml;
        }
        int end = xml.indexOf("?>");
        return xml.substring(end + 2).strip();
    }

    /**
     * Sends a stanza given as XML: one element, {@code message}, {@code presence} or {@code iq},
     * without namespace or in {@code jabber:component:accept}. The XML is parsed with the same limits
     * as incoming stanzas and written again, so nothing but that element reaches the stream.
     *
     * @throws IllegalArgumentException when {@code xml} is not one such well-formed element
     * @throws XmppStreamException      when not connected or the write fails
     */
    public void sendStanza(String xml) {
        Objects.requireNonNull(xml, "xml");
        String wrapped = "<stream:stream xmlns='" + StanzaStreamReader.COMPONENT_NS + "' xmlns:stream='"
                + StanzaStreamReader.STREAM_NS + "' id='local'>" + xml + "</stream:stream>";
        RawStanza stanza;
        try (StanzaStreamReader r = new StanzaStreamReader(
                new ByteArrayInputStream(wrapped.getBytes(StandardCharsets.UTF_8)), config.maxStanzaBytes(),
                config.maxStanzaDepth())) {
            r.readHeader();
            StanzaStreamReader.Element e = r.next();
            if (e == null || r.next() != null) {
                throw new IllegalArgumentException("not exactly one stanza: " + abbreviate(xml));
            }
            if (!StanzaStreamReader.COMPONENT_NS.equals(e.ns())
                    || !(e.stanza().name().equals("message") || e.stanza().name().equals("presence")
                            || e.stanza().name().equals("iq"))) {
                throw new IllegalArgumentException("not a message, presence or iq stanza: " + abbreviate(xml));
            }
            stanza = e.stanza();
        } catch (StreamViolation | IOException ex) {
            throw new IllegalArgumentException("not an acceptable stanza: " + ex.getMessage(), ex);
        }
        send(stanza.xml());
    }

    private void send(String xml) {
        ComponentConnection c = connection;
        if (c == null || state != State.CONNECTED) {
            throw new XmppStreamException(Reason.NOT_CONNECTED, "component " + config.domain() + " is " + state);
        }
        try {
            c.write(xml);
        } catch (IOException e) {
            c.close();
            throw new XmppStreamException(Reason.CONNECTION_LOST, "write failed: " + e.getMessage(), e);
        }
    }

    /**
     * Closes the stream gracefully and stops reconnecting; idempotent. Waits up to
     * {@link XmppComponentConfig#closeTimeout()} for the server's closing tag (not when called on the
     * reader thread, from a listener).
     */
    @Override
    public void close() {
        Thread reader;
        synchronized (lock) {
            if (closing) {
                return;
            }
            closing = true;
            reader = readerThread;
            lock.notifyAll();
        }
        if (reader == null) {
            state = State.CLOSED;
            listener.onClosed(Optional.empty());
            return;
        }
        ComponentConnection c = connection;
        if (c != null) {
            c.sendClose();
        }
        if (Thread.currentThread() != reader) {
            try {
                reader.join(config.closeTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            c = connection;
            if (c != null) {
                c.close();
            }
            try {
                reader.join(config.closeTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    // ------------------------------------------------------------------ reader thread

    private void run() {
        XmppStreamException last = null;
        int attempt = 0;
        boolean everConnected = false;
        try {
            while (!closing) {
                ComponentConnection c;
                try {
                    c = ComponentConnection.open(config);
                } catch (XmppStreamException e) {
                    if (!everConnected) {
                        connected.completeExceptionally(e);
                        finish(Optional.of(e));
                        return;
                    }
                    if (e instanceof ComponentHandshakeException h && h.isPermanent()) {
                        LOG.warn("component {}: {}; not reconnecting", config.domain(), e.getMessage());
                        finish(Optional.of(e));
                        return;
                    }
                    last = e;
                    attempt++;
                    if (!waitBeforeReconnect(attempt, last)) {
                        return;
                    }
                    continue;
                }
                synchronized (lock) {
                    connection = c;
                    if (closing) {
                        c.sendClose();
                    } else {
                        state = State.CONNECTED;
                    }
                }
                attempt = 0;
                if (!everConnected) {
                    everConnected = true;
                    connected.complete(null);
                }
                LOG.info("component {} connected to {}:{}", config.domain(), config.host(), config.port());
                startKeepAlive(c);
                if (!closing) {
                    call(() -> listener.onConnected(c.streamId()));
                }
                last = readLoop(c);
                stopKeepAlive();
                c.close();
                synchronized (lock) {
                    connection = null;
                }
                if (closing) {
                    break;
                }
                state = State.RECONNECTING;
                LOG.warn("component {} disconnected: {}", config.domain(), last.getMessage());
                XmppStreamException cause = last;
                call(() -> listener.onDisconnected(cause));
                attempt = 1;
                if (!waitBeforeReconnect(attempt, last)) {
                    return;
                }
            }
            finish(Optional.empty());
        } catch (RuntimeException | Error e) {
            LOG.error("component {} reader failed", config.domain(), e);
            XmppStreamException x = new XmppStreamException(Reason.CONNECTION_LOST, "reader failed: " + e, e);
            connected.completeExceptionally(x);
            finish(Optional.of(x));
        }
    }

    /** Sleeps before attempt {@code attempt}; false (after finishing) when the component is done. */
    private boolean waitBeforeReconnect(int attempt, XmppStreamException last) {
        ReconnectPolicy policy = config.reconnectPolicy();
        if (!policy.allows(attempt)) {
            finish(Optional.of(last));
            return false;
        }
        Duration delay = policy.delay(attempt, random);
        state = State.RECONNECTING;
        call(() -> listener.onReconnecting(attempt, delay, last));
        long deadline = System.nanoTime() + delay.toNanos();
        synchronized (lock) {
            while (!closing) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                try {
                    TimeUnit.NANOSECONDS.timedWait(lock, left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    closing = true;
                }
            }
        }
        if (closing) {
            finish(Optional.empty());
            return false;
        }
        return true;
    }

    /** Reads until the connection ends; returns why it ended. */
    private XmppStreamException readLoop(ComponentConnection c) {
        while (true) {
            StanzaStreamReader.Element e;
            try {
                e = c.next();
            } catch (StreamViolation v) {
                c.sendStreamError(v.condition(), null);
                LOG.warn("component {}: closing the stream with {}: {}", config.domain(), v.condition(),
                        v.getMessage());
                return new XmppStreamException(Reason.PROTOCOL_VIOLATION, v.condition(), null,
                        "refused the server's stream (" + v.condition() + "): " + v.getMessage(), v);
            } catch (IOException io) {
                return new XmppStreamException(Reason.CONNECTION_LOST, closing ? "closed"
                        : "connection lost: " + io.getMessage(), io);
            }
            if (e == null) {
                // the server closed its stream: answer with ours (RFC 6120, 4.4)
                c.sendClose();
                return new XmppStreamException(Reason.CONNECTION_LOST, "the server closed the stream");
            }
            if (e.is(StanzaStreamReader.STREAM_NS, "error")) {
                XmppStreamException err = ComponentConnection.streamError(e.stanza());
                c.sendClose();
                return err;
            }
            String name = e.stanza().name();
            if (!StanzaStreamReader.COMPONENT_NS.equals(e.ns())
                    || !(name.equals("message") || name.equals("presence") || name.equals("iq"))) {
                c.sendStreamError("unsupported-stanza-type", null);
                return new XmppStreamException(Reason.PROTOCOL_VIOLATION, "unsupported-stanza-type", null,
                        "unexpected top-level element {" + e.ns() + "}" + e.stanza().name(), null);
            }
            dispatch(c, e.stanza());
        }
    }

    private void dispatch(ComponentConnection c, RawStanza s) {
        switch (s.name()) {
            case "presence" -> {
                XmppPresence p;
                try {
                    p = codec.read(s.xml().getBytes(StandardCharsets.UTF_8));
                } catch (DocumentParseException ex) {
                    LOG.debug("component {}: presence refused: {}", config.domain(), ex.getMessage());
                    call(() -> listener.onInvalidPresence(s, ex));
                    return;
                }
                call(() -> listener.onPresence(p, s));
            }
            case "iq" -> {
                if (!s.isIqRequest()) {
                    call(() -> listener.onStanza(s));
                    return;
                }
                boolean[] handled = {false};
                call(() -> handled[0] = listener.onIqRequest(s));
                if (!handled[0]) {
                    answerIq(c, s);
                }
            }
            default -> call(() -> listener.onStanza(s));
        }
    }

    /** disco#info to the domain: identity and features (XEP-0030); anything else: service-unavailable. */
    private void answerIq(ComponentConnection c, RawStanza iq) {
        if (iq.id() == null || iq.from() == null) {
            return; // nowhere to send an answer
        }
        String to = Xml.attr(iq.from());
        String from = Xml.attr(iq.to() == null ? config.domain() : iq.to());
        String id = Xml.attr(iq.id());
        String reply;
        if ("get".equals(iq.type()) && config.domain().equals(iq.to()) && isDiscoInfo(iq.xml())) {
            reply = "<iq type='result' from='" + from + "' to='" + to + "' id='" + id + "'><query xmlns='"
                    + DISCO_INFO + "'><identity category='gateway' type='sip' name='SIP gateway'/><feature var='"
                    + DISCO_INFO + "'/></query></iq>";
        } else {
            reply = "<iq type='error' from='" + from + "' to='" + to + "' id='" + id + "'><error type='cancel'>"
                    + "<service-unavailable xmlns='" + STANZAS_NS + "'/></error></iq>";
        }
        try {
            c.write(reply);
        } catch (IOException e) {
            LOG.debug("component {}: cannot answer iq {}: {}", config.domain(), iq.id(), e.getMessage());
        }
    }

    private static boolean isDiscoInfo(String iqXml) {
        javax.xml.namespace.QName child = ComponentConnection.firstChild(iqXml);
        return child != null && DISCO_INFO.equals(child.getNamespaceURI()) && "query".equals(child.getLocalPart());
    }

    private void startKeepAlive(ComponentConnection c) {
        Duration interval = config.keepAliveInterval();
        if (interval.isZero()) {
            return;
        }
        long nanos = interval.toNanos();
        long period = Math.max(1, nanos / 2);
        synchronized (lock) {
            keepAlive = scheduler.scheduleAtFixedRate(() -> {
                try {
                    c.keepAlive(nanos);
                } catch (IOException e) {
                    LOG.debug("component {}: keep-alive failed: {}", config.domain(), e.getMessage());
                    c.close();
                }
            }, period, period, TimeUnit.NANOSECONDS);
        }
    }

    private void stopKeepAlive() {
        synchronized (lock) {
            if (keepAlive != null) {
                keepAlive.cancel(false);
                keepAlive = null;
            }
        }
    }

    private void finish(Optional<XmppStreamException> cause) {
        state = State.CLOSED;
        synchronized (lock) {
            closing = true;
            if (scheduler != null) {
                scheduler.shutdownNow();
            }
        }
        connected.completeExceptionally(
                cause.<Throwable>map(e -> e).orElseGet(() -> new XmppStreamException(Reason.NOT_CONNECTED,
                        "component closed before it connected")));
        call(() -> listener.onClosed(cause));
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            LOG.warn("component {}: listener failed", config.domain(), e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 80) + "...";
    }

    @Override
    public String toString() {
        return "XmppComponent[" + config.domain() + " at " + config.host() + ":" + config.port() + ", " + state + "]";
    }
}
