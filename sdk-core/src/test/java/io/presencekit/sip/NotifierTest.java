package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.sip.testing.VirtualScheduler;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The notifier side (RFC 6665, section 4.2) against a scripted subscriber, with virtual time. */
class NotifierTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PIDF = "application/pidf+xml";
    private static final byte[] OPEN = "<presence entity='sip:alice@example.com'>open</presence>"
            .getBytes(StandardCharsets.UTF_8);
    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    private final VirtualScheduler time = new VirtualScheduler();
    private final LinkedBlockingQueue<IncomingSubscription> incoming = new LinkedBlockingQueue<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<CompletableFuture<Void>> accepted = new CopyOnWriteArrayList<>();
    @TempDir
    Path state;
    private SipEngine engine;
    private String contact;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.closeNow();
        }
        peer.close();
    }

    /** An engine registered at the peer, accepting presence subscriptions with {@code onNew}. */
    private Notifier start(java.util.function.Consumer<IncomingSubscription> onNew) throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofHours(2)));
        SipAccount account = SipAccount.builder("sip:alice@example.com").password("secret".toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).build();
        engine = new SipEngine(account, SipSettings.builder().clock(time.clock()).scheduler(time).build(), null);
        engine.start().get(10, TimeUnit.SECONDS);
        contact = engine.registration().info().orElseThrow().contact();
        return engine.acceptSubscriptions("presence", new IncomingSubscriptionHandler() {
            @Override
            public void incomingSubscription(IncomingSubscription s) {
                incoming.add(s);
                onNew.accept(s);
            }

            @Override
            public void refreshed(IncomingSubscription s, Duration expires) {
                events.add("refreshed:" + expires.toSeconds());
            }

            @Override
            public void unsubscribed(IncomingSubscription s) {
                events.add("unsubscribed");
            }

            @Override
            public void expired(IncomingSubscription s) {
                events.add("expired");
            }

            @Override
            public void notifyFailed(IncomingSubscription s, int status, SipException error) {
                events.add("notifyFailed:" + status);
            }

            @Override
            public void ended(IncomingSubscription s, String reason) {
                events.add("ended:" + reason);
            }
        });
    }

    private Response subscribe(String event, int expires) throws Exception {
        return peer.sendRequest("SUBSCRIBE", contact, "Event: " + event, "Expires: " + expires,
                "Contact: <" + peer.contactUri() + ">", "Accept: " + PIDF).get(10, TimeUnit.SECONDS);
    }

    private static String callId(Response r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static SubscriptionStateHeader state(Request notify) {
        return (SubscriptionStateHeader) notify.getHeader(SubscriptionStateHeader.NAME);
    }

    /** The first subscription, once its first NOTIFY is answered (so no request timer runs). */
    private IncomingSubscription accepted() throws Exception {
        IncomingSubscription s = incoming.poll(5, TimeUnit.SECONDS);
        accepted.get(0).get(10, TimeUnit.SECONDS);
        return s;
    }

    /** Waits until exactly {@code n} timers wait: no request is left waiting for its answer. */
    private void awaitTimers(int n) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (time.pending() != n) {
            if (System.nanoTime() > end) {
                throw new java.util.concurrent.TimeoutException(time.pending() + " timers, expected " + n);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until the handler saw {@code event}. */
    private void awaitEvent(String event) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!events.contains(event)) {
            if (System.nanoTime() > end) {
                throw new java.util.concurrent.TimeoutException("no " + event + " in " + events);
            }
            Thread.sleep(10);
        }
    }

    /** Waits until every task posted to the engine's loop so far has run. */
    private void settle() throws Exception {
        CompletableFuture<Void> f = new CompletableFuture<>();
        engine.core().loop.execute(() -> f.complete(null));
        f.get(10, TimeUnit.SECONDS);
    }

    @Test
    void acceptAnswers200WithTagContactAndExpiresThenNotifiesActiveWithTheBody() throws Exception {
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        Response ok = subscribe("presence", 600);
        assertEquals(200, ok.getStatusCode());
        assertNotNull(((ToHeader) ok.getHeader(ToHeader.NAME)).getTag());
        assertNotNull(ok.getHeader(ContactHeader.NAME));
        assertEquals(600, ok.getExpires().getExpires());

        Request n = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("active", state(n).getState().toLowerCase());
        assertEquals(600, state(n).getExpires());
        assertEquals("presence", ((javax.sip.header.EventHeader) n.getHeader("Event")).getEventType());
        assertArrayEquals(OPEN, n.getRawContent());
        assertEquals(((ToHeader) ok.getHeader(ToHeader.NAME)).getTag(),
                ((javax.sip.header.FromHeader) n.getHeader("From")).getTag());

        IncomingSubscription s = incoming.poll(5, TimeUnit.SECONDS);
        assertEquals("sip:peer@127.0.0.1:" + peer.port(), s.subscriber());
        assertEquals(contact, s.target());
        assertEquals(List.of(PIDF), s.accept());
        assertEquals(Duration.ofSeconds(600), s.requestedExpires().orElseThrow());
        assertEquals(IncomingSubscription.State.ACTIVE, s.state());
    }

    @Test
    void undecidedSubscriptionIsPendingWithoutBodyUntilAccepted() throws Exception {
        start(s -> { });
        assertEquals(200, subscribe("presence", 600).getStatusCode());
        Request pending = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("pending", state(pending).getState().toLowerCase());
        assertNull(pending.getRawContent());

        IncomingSubscription s = incoming.poll(5, TimeUnit.SECONDS);
        assertEquals(IncomingSubscription.State.PENDING, s.state());
        s.accept(PIDF, OPEN).get(10, TimeUnit.SECONDS);
        Request active = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("active", state(active).getState().toLowerCase());
        assertArrayEquals(OPEN, active.getRawContent());
        assertTrue(((CSeqHeader) active.getHeader(CSeqHeader.NAME)).getSeqNumber()
                > ((CSeqHeader) pending.getHeader(CSeqHeader.NAME)).getSeqNumber());
    }

    @Test
    void notifySendsTheCurrentStateWithRemainingExpires() throws Exception {
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        subscribe("presence", 600);
        peer.awaitRequest("NOTIFY", WAIT);
        IncomingSubscription s = accepted();
        time.advance(Duration.ofSeconds(100));
        byte[] closed = "<presence>closed</presence>".getBytes(StandardCharsets.UTF_8);
        s.notify(PIDF, closed).get(10, TimeUnit.SECONDS);
        Request n = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("active", state(n).getState().toLowerCase());
        assertEquals(500, state(n).getExpires());
        assertArrayEquals(closed, n.getRawContent());
    }

    @Test
    void bodiesGivenWhileANotifyIsInFlightCollapseToTheLatest() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        // the first NOTIFY (the accept's) is answered at once, the second is held until released:
        // holding the first could hold the peer's answer to the SUBSCRIBE behind it
        peer.on("NOTIFY", Reply.status(200), (req, p) -> {
            release.await(10, TimeUnit.SECONDS);
            return p.response(req, 200);
        }, Reply.status(200));
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        subscribe("presence", 600);
        IncomingSubscription s = incoming.poll(5, TimeUnit.SECONDS);
        peer.awaitRequest("NOTIFY", WAIT);
        accepted.get(0).get(10, TimeUnit.SECONDS);
        CompletableFuture<Void> first = s.notify(PIDF, "<one/>".getBytes(StandardCharsets.UTF_8));
        peer.awaitRequest("NOTIFY", WAIT);
        List<CompletableFuture<Void>> sent = List.of(first, s.notify(PIDF, "<two/>".getBytes(StandardCharsets.UTF_8)),
                s.notify(PIDF, "<three/>".getBytes(StandardCharsets.UTF_8)));
        settle();
        release.countDown();
        for (CompletableFuture<Void> f : sent) {
            f.get(10, TimeUnit.SECONDS);
        }
        Request last = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("<three/>", new String(last.getRawContent(), StandardCharsets.UTF_8));
        settle();
        assertEquals(3, peer.received("NOTIFY").size(), "the accept's NOTIFY, <one/>, then only <three/>");
    }

    @Test
    void longRequestsAreCappedAndTheTimerEndsTheSubscriptionWithTimeout() throws Exception {
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        Response ok = subscribe("presence", 7200);
        assertEquals(3600, ok.getExpires().getExpires());
        peer.awaitRequest("NOTIFY", WAIT);
        IncomingSubscription s = accepted();
        time.advance(Duration.ofSeconds(3599));
        settle();
        assertEquals(IncomingSubscription.State.ACTIVE, s.state());
        time.advance(Duration.ofSeconds(1));
        Request end = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("terminated", state(end).getState().toLowerCase());
        assertEquals("timeout", state(end).getReasonCode());
        awaitEvent("ended:timeout");
        assertEquals(IncomingSubscription.State.TERMINATED, s.state());
        assertEquals(List.of("expired", "ended:timeout"), events);
    }

    @Test
    void refreshRestartsTheTimerAndAnswersWithTheCurrentState() throws Exception {
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        Response ok = subscribe("presence", 600);
        peer.awaitRequest("NOTIFY", WAIT);
        IncomingSubscription s = accepted();
        time.advance(Duration.ofSeconds(300));
        Response refreshed = peer.sendInDialog(callId(ok), "SUBSCRIBE", "Event: presence", "Expires: 600")
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, refreshed.getStatusCode());
        assertEquals(600, refreshed.getExpires().getExpires());
        Request n = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("active", state(n).getState().toLowerCase());
        assertEquals(600, state(n).getExpires());
        assertArrayEquals(OPEN, n.getRawContent());
        awaitTimers(2); // the registration refresh and the subscription's expiry
        time.advance(Duration.ofSeconds(599));
        settle();
        assertEquals(IncomingSubscription.State.ACTIVE, s.state());
        time.advance(Duration.ofSeconds(1));
        assertEquals("timeout", state(peer.awaitRequest("NOTIFY", WAIT)).getReasonCode());
        awaitEvent("ended:timeout");
        assertEquals(List.of("refreshed:600", "expired", "ended:timeout"), events);
    }

    @Test
    void unsubscribeGetsAFinalNotifyTerminatedTimeout() throws Exception {
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        Response ok = subscribe("presence", 600);
        peer.awaitRequest("NOTIFY", WAIT);
        IncomingSubscription s = incoming.poll(5, TimeUnit.SECONDS);
        Response bye = peer.sendInDialog(callId(ok), "SUBSCRIBE", "Event: presence", "Expires: 0")
                .get(10, TimeUnit.SECONDS);
        assertEquals(200, bye.getStatusCode());
        Request end = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("terminated", state(end).getState().toLowerCase());
        assertEquals("timeout", state(end).getReasonCode());
        awaitEvent("ended:timeout");
        assertEquals(IncomingSubscription.State.TERMINATED, s.state());
        assertEquals(List.of("unsubscribed", "ended:timeout"), events);
        assertEquals(481, peer.sendInDialog(callId(ok), "SUBSCRIBE", "Event: presence", "Expires: 600")
                .get(10, TimeUnit.SECONDS).getStatusCode());
    }

    @Test
    void endSendsTerminatedWithTheReason() throws Exception {
        Notifier notifier = start(s -> accepted.add(s.accept(PIDF, OPEN)));
        subscribe("presence", 600);
        peer.awaitRequest("NOTIFY", WAIT);
        IncomingSubscription s = incoming.poll(5, TimeUnit.SECONDS);
        assertEquals(1, notifier.subscriptions().size());
        s.end("noresource").get(10, TimeUnit.SECONDS);
        Request end = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("terminated", state(end).getState().toLowerCase());
        assertEquals("noresource", state(end).getReasonCode());
        assertEquals(IncomingSubscription.State.TERMINATED, s.state());
        assertEquals(List.of(), notifier.subscriptions());
        ExecutionException late = assertThrows(ExecutionException.class,
                () -> s.notify(PIDF, OPEN).get(10, TimeUnit.SECONDS));
        assertTrue(late.getCause() instanceof IllegalStateException);
    }

    @Test
    void aNotifyAnswered481EndsTheSubscription() throws Exception {
        peer.on("NOTIFY", Reply.status(200), Reply.status(481));
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        subscribe("presence", 600);
        peer.awaitRequest("NOTIFY", WAIT);
        IncomingSubscription s = incoming.poll(5, TimeUnit.SECONDS);
        ExecutionException failed = assertThrows(ExecutionException.class,
                () -> s.notify(PIDF, OPEN).get(10, TimeUnit.SECONDS));
        assertTrue(failed.getCause() instanceof SipException);
        assertEquals(IncomingSubscription.State.TERMINATED, s.state());
        assertEquals(List.of("notifyFailed:481", "ended:giveup"), events);
        settle();
        assertEquals(2, peer.received("NOTIFY").size(), "no NOTIFY after the 481");
    }

    @Test
    void rejectBeforeAnsweringSendsTheStatus() throws Exception {
        start(s -> s.reject(603));
        assertEquals(603, subscribe("presence", 600).getStatusCode());
        settle();
        assertEquals(List.of("ended:rejected"), events);
    }

    @Test
    void unknownPackagesGet489WithAllowEvents() throws Exception {
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        Response bad = subscribe("dialog", 600);
        assertEquals(489, bad.getStatusCode());
        assertEquals("presence", ((javax.sip.header.AllowEventsHeader) bad.getHeader("Allow-Events")).getEventType());
        assertTrue(incoming.isEmpty());
    }

    @Test
    void tooShortRequestsGet423WithMinExpires() throws Exception {
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        Response brief = subscribe("presence", 30);
        assertEquals(423, brief.getStatusCode());
        assertEquals(60, ((javax.sip.header.MinExpiresHeader) brief.getHeader("Min-Expires")).getExpires());
        assertTrue(incoming.isEmpty());
    }

    @Test
    void aClosedNotifierStopsAccepting() throws Exception {
        Notifier notifier = start(s -> accepted.add(s.accept(PIDF, OPEN)));
        notifier.close();
        settle();
        assertEquals(489, subscribe("presence", 600).getStatusCode());
    }

    @Test
    void aFetchGetsOneFinalNotifyWithTheState() throws Exception {
        start(s -> accepted.add(s.accept(PIDF, OPEN)));
        Response ok = subscribe("presence", 0);
        assertEquals(200, ok.getStatusCode());
        assertEquals(0, ok.getExpires().getExpires());
        Request n = peer.awaitRequest("NOTIFY", WAIT);
        assertEquals("terminated", state(n).getState().toLowerCase());
        assertEquals("timeout", state(n).getReasonCode());
        assertArrayEquals(OPEN, n.getRawContent());
        awaitEvent("ended:timeout");
    }

    @Test
    void withoutAMinimumShortLifetimesAreGranted() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofHours(2)));
        SipAccount account = SipAccount.builder("sip:alice@example.com").password("secret".toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).build();
        engine = new SipEngine(account, SipSettings.builder().clock(time.clock()).scheduler(time).build(), null);
        engine.start().get(10, TimeUnit.SECONDS);
        contact = engine.registration().info().orElseThrow().contact();
        engine.acceptSubscriptions("presence", s -> s.accept(PIDF, OPEN),
                NotifierPolicy.DEFAULT.withMinExpires(Duration.ZERO).withMaxExpires(Duration.ofSeconds(120)));
        assertEquals(30, subscribe("presence", 30).getExpires().getExpires());
        assertEquals(120, subscribe("presence", 600).getExpires().getExpires());
    }
}
