package io.presencekit.sip.internal;

import gov.nist.javax.sip.ListeningPointImpl;
import gov.nist.javax.sip.stack.MessageProcessor;
import io.presencekit.sip.Transport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Notices a dead TCP/TLS flow to the next hop within seconds, which JAIN-SIP's OIO processor does
 * not report by itself. Two mechanisms:
 * <ul>
 * <li>Connection watch: once a second, the stack's socket to the next hop is looked at. When the
 * connection reaches end of stream or fails (a killed or restarted server, a peer that closed it)
 * the OIO reader closes that socket and drops it; a closed, missing or replaced socket is a lost
 * flow, reported once.</li>
 * <li>CRLF keep-alive (RFC 5626, section 4.4.1): every 80-100 % of the configured interval a
 * double CRLF goes over the flow. It keeps NAT bindings and the server's idle timers alive, and it
 * turns a peer that went away into a failed write or a reset connection, which the watch or the
 * keep-alive itself (connection refused, broken pipe) reports as a loss. The pong is not checked:
 * JAIN-SIP's parser (1.3.0-91) cancels its pong timer only on every other single CRLF (it reads
 * the second pong on a connection as half of a ping), so arming that timer gives false losses. A
 * peer that vanishes without a reset is still found by the request timeout of the next refresh.</li>
 * <li>With each keep-alive an OPTIONS probe goes to the next hop. Not every connection of the stack
 * is visible to the watch (one the server also sends requests over is not), and the stack quietly
 * opens a new connection when the old one is gone; the probe's answer then arrives on another
 * local port, which {@link ConnectionMonitor#flowSeen} reports as a replaced flow. No answer is a
 * loss like any request timeout.</li>
 * </ul>
 * Losses go to the {@link ConnectionMonitor} on the event loop; the usages re-establish themselves
 * over the new connection the stack opens for their next request, and the monitor reports the flow
 * restored when an answer comes. These checks measure the network, so they run in real time on a
 * daemon thread of their own, not on the engine's (possibly virtual) scheduler.
 *
 * <p>Thread-safe; {@link #close()} stops it.
 */
public final class FlowMonitor implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlowMonitor.class);
    private static final AtomicInteger COUNT = new AtomicInteger();
    private static final Duration WATCH = Duration.ofSeconds(1);

    private final MessageProcessor processor;
    private final ListeningPointImpl listeningPoint;
    private final java.net.InetSocketAddress hopSocket;
    private final String hopAddress;
    private final int hopPort;
    private final String hop;
    private final EventLoop loop;
    private final ConnectionMonitor monitor;
    private final Duration interval;
    private final Runnable probe;
    private final ScheduledExecutorService timer;
    // JAIN-SIP has no accessor for the connection of a hop, so its fields are read reflectively;
    // when that fails (another stack version) the watch turns itself off and keep-alives remain
    private static final java.lang.reflect.Field IO_HANDLER = StackConnections.field(
            "gov.nist.javax.sip.stack.SIPTransactionStack", "ioHandler");
    private static final java.lang.reflect.Field SOCKETS = StackConnections.field(
            "gov.nist.javax.sip.stack.IOHandler", "socketTable");
    // connections the processor opened or accepted itself (not all of them are in the table above)
    private static final java.lang.reflect.Field CHANNELS = StackConnections.field(
            "gov.nist.javax.sip.stack.ConnectionOrientedMessageProcessor", "messageChannels");
    private static final java.lang.reflect.Field INCOMING = StackConnections.field(
            "gov.nist.javax.sip.stack.ConnectionOrientedMessageProcessor", "incomingMessageChannels");
    private final Object stack;
    private java.net.Socket knownSocket;
    private boolean reported;

    /**
     * @param nextHop     {@code host:port/transport}, as {@link SipStackRuntime#nextHop}
     * @param interval    keep-alive interval, zero for none (the watch runs anyway)
     * @param probe       sends a request to the next hop with each keep-alive, or null
     */
    public FlowMonitor(SipStackRuntime runtime, Transport transport, String nextHop, EventLoop loop,
            ConnectionMonitor monitor, Duration interval, Runnable probe) {
        if (!transport.reliable()) {
            throw new IllegalArgumentException("flows are TCP or TLS: " + transport);
        }
        this.listeningPoint = (ListeningPointImpl) runtime.listeningPoint(transport);
        this.processor = listeningPoint.getMessageProcessor();
        this.stack = processor.getSIPStack();
        try {
            this.hopSocket = StackConnections.resolve(nextHop);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("cannot resolve the next hop " + nextHop, e);
        }
        this.hopAddress = hopSocket.getAddress().getHostAddress();
        this.hopPort = hopSocket.getPort();
        this.hop = hopAddress + ":" + hopPort + "/" + transport.token();
        this.loop = loop;
        this.monitor = monitor;
        this.interval = interval;
        this.probe = probe;
        int n = COUNT.incrementAndGet();
        this.timer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "presencekit-sip-flow-" + n);
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts watching (and sending keep-alives when an interval is set). */
    public FlowMonitor start() {
        timer.scheduleWithFixedDelay(this::watch, WATCH.toMillis(), WATCH.toMillis(), TimeUnit.MILLISECONDS);
        if (!interval.isZero()) {
            scheduleKeepAlive();
        }
        return this;
    }

    /** Runs on the monitor's thread. */
    private synchronized void watch() {
        java.net.Socket sock = socket();
        boolean gone = knownSocket != null && (sock != knownSocket || knownSocket.isClosed());
        if (gone && !reported) {
            reported = true;
            lost("the connection to " + hop + " closed");
        }
        if (sock != null && sock != knownSocket && !sock.isClosed()) {
            knownSocket = sock;
            reported = false;
        }
    }

    /** The stack's open socket to the next hop, or null. */
    @SuppressWarnings("unchecked")
    private java.net.Socket socket() {
        if (SOCKETS == null || IO_HANDLER == null) {
            return null;
        }
        try {
            Object io = IO_HANDLER.get(stack);
            java.net.Socket s = ((java.util.Map<String, java.net.Socket>) SOCKETS.get(io)).get(hopAddress + ":" + hopPort);
            if (s == null) {
                s = channelSocket(CHANNELS);
            }
            if (s == null) {
                s = channelSocket(INCOMING);
            }
            return s;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }

    /** The socket of a channel of the processor's {@code map} whose peer is the next hop, or null. */
    @SuppressWarnings("unchecked")
    private java.net.Socket channelSocket(java.lang.reflect.Field map) throws ReflectiveOperationException {
        if (map == null) {
            return null;
        }
        java.util.Map<String, ?> channels = (java.util.Map<String, ?>) map.get(processor);
        for (Object ch : List.copyOf(channels.values())) {
            java.net.Socket s = StackConnections.socketOf(ch);
            if (StackConnections.leadsTo(s, hopSocket)) {
                return s;
            }
        }
        return null;
    }

    private void scheduleKeepAlive() {
        long ms = interval.toMillis();
        long delay = ThreadLocalRandom.current().nextLong(ms * 8 / 10, ms + 1);
        try {
            timer.schedule(this::keepAlive, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // closing
        }
    }

    /** Runs on the monitor's thread. */
    private void keepAlive() {
        if (probe != null) {
            probe.run();
        }
        try {
            if (SOCKETS != null && socket() == null) {
                // no flow to keep: the next request opens one (and reports a refused connection)
                return;
            }
            listeningPoint.sendHeartbeat(hopAddress, hopPort);
        } catch (Exception e) {
            String why = e.getMessage() != null ? e.getMessage() : e.toString();
            lost("keep-alive to " + hop + " failed: " + why);
        } finally {
            scheduleKeepAlive();
        }
    }

    private void lost(String why) {
        LOG.info("SIP flow lost: {}", why);
        loop.execute(() -> monitor.degraded(why));
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
