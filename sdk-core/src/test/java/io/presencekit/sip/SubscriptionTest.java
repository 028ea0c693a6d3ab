package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.sip.testing.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The subscription usage (RFC 6665) against a scripted notifier, with virtual time. */
class SubscriptionTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String PIDF = "<?xml version=\"1.0\"?><presence xmlns=\"urn:ietf:params:xml:ns:pidf\" "
            + "entity=\"sip:bob@example.com\"><tuple id=\"t\"><status><basic>open</basic></status></tuple></presence>";
    /** A policy with fixed delays so that times are exact: 7 s, or the server's retry-after; 3 attempts. */
    private static final RetryPolicy FIXED = (attempt, retryAfter) -> attempt >= 3 ? Optional.empty()
            : Optional.of(retryAfter.orElse(Duration.ofSeconds(7)));

    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    private final VirtualScheduler time = new VirtualScheduler();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final List<Notification> notes = new CopyOnWriteArrayList<>();
    @TempDir
    Path state;
    private SipEngine engine;

    private final SubscriptionListener recorder = new SubscriptionListener() {
        @Override
        public void notified(Notification n) {
            notes.add(n);
            events.add("notify:" + n.state() + n.reasonText().map(r -> ";" + r).orElse("") + ":" + n.cseq());
        }

        @Override
        public void failed(SipException error, Optional<Duration> retryIn) {
            events.add("failed:" + error.status() + ":" + retryIn.map(Duration::toSeconds).orElse(-1L));
        }

        @Override
        public void ended(SubscriptionEnd reason, Optional<SipException> error) {
            events.add("ended:" + reason + error.map(e -> ":" + e.status()).orElse(""));
        }
    };

    @AfterEach
    void close() {
        if (engine != null) {
            engine.closeNow();
        }
        peer.close();
    }

    private SipEngine start() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(3600)));
        SipAccount account = SipAccount.builder("sip:alice@example.com").password("secret".toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).build();
        engine = new SipEngine(account, SipSettings.builder().clock(time.clock()).scheduler(time).build(), null);
        engine.start().get(10, TimeUnit.SECONDS);
        return engine;
    }

    /** A notifier's 2xx with a Contact, {@code Expires} and the To tag {@code tag}. */
    private static Reply accept(int status, String tag, int expires) {
        return (req, p) -> {
            int granted = req.getExpires() == null ? expires : Math.min(expires, req.getExpires().getExpires());
            Response r = p.response(req, status, "Expires: " + granted, "Contact: <sip:pa@127.0.0.1:" + p.port()
                    + ";transport=tcp>");
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(tag);
            return r;
        };
    }

    private static SubscriptionRequest.Builder presence() {
        return SubscriptionRequest.builder("sip:bob@example.com", "presence").accept("application/pidf+xml")
                .retryPolicy(FIXED);
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private String next() throws InterruptedException, TimeoutException {
        String e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new TimeoutException("no event");
        }
        return e;
    }

    /** Waits until everything posted to the engine's loop so far has run. */
    private void settle() throws Exception {
        for (int i = 0; i < 3; i++) {
            CompletableFuture<Void> f = new CompletableFuture<>();
            engine.core().loop.execute(() -> f.complete(null));
            f.get(10, TimeUnit.SECONDS);
            Thread.sleep(50);
        }
    }

    private Subscription subscribed(SubscriptionRequest request, String tag) throws Exception {
        Subscription s = engine.subscribe(request, recorder);
        CompletableFuture<Notification> first = s.start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        peer.sendNotify(callId(sub), request.event(), "active;expires=600", "application/pidf+xml", PIDF)
                .get(10, TimeUnit.SECONDS);
        assertEquals(SubscriptionState.ACTIVE, first.get(10, TimeUnit.SECONDS).state());
        assertTrue(next().startsWith("notify:ACTIVE"));
        settle(); // the 2xx may be processed after the NOTIFY: its refresh timer must be set before time moves
        return s;
    }

    @Test
    void accepts200AndDeliversTheFirstNotify() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        Subscription s = subscribed(presence().build(), "n1");
        Request sub = peer.received("SUBSCRIBE").get(0);
        assertEquals("presence", sub.getHeader("Event").toString().replace("Event:", "").trim());
        assertTrue(sub.getHeader("Accept").toString().contains("application/pidf+xml"));
        assertEquals(600, sub.getExpires().getExpires());
        assertEquals(SubscriptionState.ACTIVE, s.state());
        Notification n = notes.get(0);
        assertEquals("application/pidf+xml", n.mediaType().orElseThrow());
        assertEquals(PIDF, n.bodyText());
        assertEquals(Duration.ofSeconds(600), n.expires().orElseThrow());
        assertFalse(n.header("Event").isEmpty());
    }

    @Test
    void accepts202() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(202, "n1", 600));
        Subscription s = subscribed(presence().build(), "n1");
        assertEquals(SubscriptionState.ACTIVE, s.state());
    }

    @Test
    void expiresDefaultsToTheAccountsSubscribeInterval() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        engine.subscribe(SubscriptionRequest.builder("sip:bob@example.com", "presence").build(), recorder).start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(engine.account().subscribeInterval().toSeconds(), sub.getExpires().getExpires());
        assertTrue(sub.getHeader("Contact").toString().contains("transport=tcp"));
    }

    @Test
    void extraHeadersAndBodyGoIntoEverySubscribe() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 120));
        SubscriptionRequest req = presence().header("Supported", "eventlist")
                .body("application/resource-lists+xml", "<resource-lists/>".getBytes()).build();
        subscribed(req, "n1");
        time.advance(Duration.ofSeconds(90));
        Request refresh = peer.awaitRequest("SUBSCRIBE", WAIT);
        for (Request r : List.of(peer.received("SUBSCRIBE").get(0), refresh)) {
            assertTrue(r.toString().contains("Supported: eventlist"), r.toString());
            assertEquals("<resource-lists/>", new String(r.getRawContent()));
        }
    }

    @Test
    void refreshesInTheDialogThirtySecondsBeforeExpiry() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        subscribed(presence().build(), "n1");
        settle();
        time.advance(Duration.ofSeconds(569));
        settle();
        assertEquals(1, peer.received("SUBSCRIBE").size());
        time.advance(Duration.ofSeconds(1));
        Request refresh = peer.awaitRequest("SUBSCRIBE", WAIT);
        Request initial = peer.received("SUBSCRIBE").get(0);
        assertEquals(callId(initial), callId(refresh));
        assertEquals("n1", ((ToHeader) refresh.getHeader(ToHeader.NAME)).getTag());
        assertEquals(600, refresh.getExpires().getExpires());
    }

    @Test
    void aShorterExpiresInSubscriptionStateBringsTheRefreshForward() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        Subscription s = engine.subscribe(presence().build(), recorder);
        s.start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        settle();
        peer.sendNotify(callId(sub), "presence", "active;expires=100", "application/pidf+xml", PIDF)
                .get(10, TimeUnit.SECONDS);
        next();
        settle();
        time.advance(Duration.ofSeconds(69));
        settle();
        assertEquals(1, peer.received("SUBSCRIBE").size());
        time.advance(Duration.ofSeconds(1));
        assertEquals(callId(sub), callId(peer.awaitRequest("SUBSCRIBE", WAIT)));
    }

    @Test
    void aNotifyBeforeThe2xxIsProcessed() throws Exception {
        start();
        CompletableFuture<CompletableFuture<Response>> notifyAnswer = new CompletableFuture<>();
        peer.on("SUBSCRIBE", (req, p) -> {
            notifyAnswer.complete(p.sendNotify(req, "early", 1, "pending;expires=600", null, null));
            return accept(200, "early", 600).answer(req, p);
        });
        Subscription s = engine.subscribe(presence().build(), recorder);
        Notification first = s.start().get(10, TimeUnit.SECONDS);
        assertEquals(SubscriptionState.PENDING, first.state());
        assertFalse(first.hasBody());
        assertEquals("notify:PENDING:1", next());
        assertEquals(200, notifyAnswer.get(10, TimeUnit.SECONDS).get(10, TimeUnit.SECONDS).getStatusCode());
    }

    @Test
    void duplicateAndReorderedNotifiesAreAnswered200ButNotDelivered() throws Exception {
        start();
        // the NOTIFYs come from a different To tag than the 2xx (RFC 6665, section 4.1.2.4: the NOTIFY
        // establishes the dialog), so that this peer can hand-make them after its 2xx
        peer.on("SUBSCRIBE", accept(200, "other", 600));
        Subscription s = engine.subscribe(presence().build(), recorder);
        CompletableFuture<Notification> first = s.start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        settle();
        List<Integer> codes = new java.util.ArrayList<>();
        for (long cseq : new long[] {5, 5, 4, 6}) {
            codes.add(peer.sendNotify(sub, "d1", cseq, "active;expires=600", "application/pidf+xml", PIDF)
                    .get(10, TimeUnit.SECONDS).getStatusCode());
        }
        assertEquals(5, first.get(10, TimeUnit.SECONDS).cseq());
        settle();
        assertEquals(List.of(200, 200, 200, 200), codes);
        assertEquals(List.of(5L, 6L), notes.stream().map(Notification::cseq).toList());
    }

    @ParameterizedTest
    @ValueSource(strings = {"deactivated", "timeout"})
    void deactivatedAndTimeoutResubscribeAtOnceOnANewDialog(String reason) throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        subscribed(presence().build(), "n1");
        Request first = peer.received("SUBSCRIBE").get(0);
        peer.sendNotify(callId(first), "presence", "terminated;reason=" + reason, null, null).get(10, TimeUnit.SECONDS);
        Request again = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertNotEquals(callId(first), callId(again));
        assertTrue(((ToHeader) again.getHeader(ToHeader.NAME)).getTag() == null);
    }

    @Test
    void probationWaitsForRetryAfter() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        subscribed(presence().build(), "n1");
        Request first = peer.received("SUBSCRIBE").get(0);
        peer.sendNotify(callId(first), "presence", "terminated;reason=probation;retry-after=120", null, null)
                .get(10, TimeUnit.SECONDS);
        assertEquals("notify:TERMINATED;probation:2", next().replaceAll(":\\d+$", ":2"));
        settle();
        time.advance(Duration.ofSeconds(119));
        settle();
        assertEquals(1, peer.received("SUBSCRIBE").size());
        time.advance(Duration.ofSeconds(1));
        assertNotEquals(callId(first), callId(peer.awaitRequest("SUBSCRIBE", WAIT)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"terminated;reason=giveup", "terminated;reason=something-new", "terminated"})
    void giveupUnknownAndMissingReasonsRetryAfterBackOff(String header) throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        subscribed(presence().build(), "n1");
        Request first = peer.received("SUBSCRIBE").get(0);
        peer.sendNotify(callId(first), "presence", header, null, null).get(10, TimeUnit.SECONDS);
        next();
        settle();
        time.advance(Duration.ofSeconds(6));
        settle();
        assertEquals(1, peer.received("SUBSCRIBE").size());
        time.advance(Duration.ofSeconds(1));
        assertNotEquals(callId(first), callId(peer.awaitRequest("SUBSCRIBE", WAIT)));
        if (header.contains("something-new")) {
            Notification n = notes.get(notes.size() - 1);
            assertEquals(SubscriptionReason.UNKNOWN, n.reason().orElseThrow());
            assertEquals("something-new", n.reasonText().orElseThrow());
        }
    }

    @ParameterizedTest
    @CsvSource({"rejected,REJECTED", "noresource,NORESOURCE", "invariant,INVARIANT"})
    void finalReasonsEndAndReport(String reason, SubscriptionEnd end) throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        Subscription s = subscribed(presence().build(), "n1");
        peer.sendNotify(callId(peer.received("SUBSCRIBE").get(0)), "presence", "terminated;reason=" + reason, null,
                null).get(10, TimeUnit.SECONDS);
        assertTrue(next().startsWith("notify:TERMINATED;" + reason));
        assertEquals("ended:" + end, next());
        s.end().get(10, TimeUnit.SECONDS);
        time.advance(Duration.ofHours(2));
        settle();
        assertEquals(1, peer.received("SUBSCRIBE").size());
        assertEquals(SubscriptionState.TERMINATED, s.state());
    }

    @Test
    void repeatedTerminationsAreCapped() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        subscribed(presence().build(), "n1");
        for (int i = 0; i < 3; i++) {
            Request last = peer.received("SUBSCRIBE").get(peer.received("SUBSCRIBE").size() - 1);
            peer.sendNotify(callId(last), "presence", "terminated;reason=giveup;retry-after=30", null, null)
                    .get(10, TimeUnit.SECONDS);
            next();
            settle();
            time.advance(Duration.ofSeconds(30));
            peer.awaitRequest("SUBSCRIBE", WAIT);
            settle();
        }
        Request last = peer.received("SUBSCRIBE").get(3);
        peer.sendNotify(callId(last), "presence", "terminated;reason=giveup;retry-after=30", null, null)
                .get(10, TimeUnit.SECONDS);
        next();
        assertEquals("ended:RETRIES_EXHAUSTED", next());
        time.advance(Duration.ofHours(1));
        settle();
        assertEquals(4, peer.received("SUBSCRIBE").size());
    }

    @Test
    void a481ToTheRefreshStartsANewDialog() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 120), Reply.status(481), accept(200, "n2", 120));
        subscribed(presence().build(), "n1");
        settle();
        time.advance(Duration.ofSeconds(90));
        Request refresh = peer.awaitRequest("SUBSCRIBE", WAIT);
        Request fresh = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(callId(peer.received("SUBSCRIBE").get(0)), callId(refresh));
        assertNotEquals(callId(refresh), callId(fresh));
        assertTrue(((ToHeader) fresh.getHeader(ToHeader.NAME)).getTag() == null);
    }

    @Test
    void intervalTooBriefAdoptsMinExpires() throws Exception {
        start();
        peer.on("SUBSCRIBE", Reply.status(423, "Min-Expires: 1800"), accept(200, "n1", 1800));
        engine.subscribe(presence().build(), recorder).start();
        Request a = peer.awaitRequest("SUBSCRIBE", WAIT);
        Request b = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(600, a.getExpires().getExpires());
        assertEquals(1800, b.getExpires().getExpires());
    }

    @ParameterizedTest
    @ValueSource(ints = {489, 405, 501})
    void unsupportedEndsAndReports(int status) throws Exception {
        start();
        peer.on("SUBSCRIBE", Reply.status(status));
        Subscription s = engine.subscribe(presence().build(), recorder);
        ExecutionException e = assertThrows(ExecutionException.class, () -> s.start().get(10, TimeUnit.SECONDS));
        assertInstanceOf(SipNotSupportedException.class, e.getCause());
        assertEquals("ended:UNSUPPORTED:" + status, next());
        time.advance(Duration.ofHours(2));
        settle();
        assertEquals(1, peer.received("SUBSCRIBE").size());
    }

    @Test
    void otherErrorsRetryAfterRetryAfterAndAreCapped() throws Exception {
        start();
        peer.on("SUBSCRIBE", Reply.status(503, "Retry-After: 90"));
        Subscription s = engine.subscribe(presence().build(), recorder);
        ExecutionException e = assertThrows(ExecutionException.class, () -> s.start().get(10, TimeUnit.SECONDS));
        peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(503, ((SipException) e.getCause()).status());
        assertEquals("failed:503:90", next());
        for (int i = 0; i < 2; i++) {
            settle();
            time.advance(Duration.ofSeconds(89));
            settle();
            assertEquals(i + 1, peer.received("SUBSCRIBE").size());
            time.advance(Duration.ofSeconds(1));
            peer.awaitRequest("SUBSCRIBE", WAIT);
            assertEquals("failed:503:90", next());
        }
        settle();
        time.advance(Duration.ofSeconds(90));
        peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals("failed:503:-1", next());
        assertEquals("ended:RETRIES_EXHAUSTED:503", next());
        time.advance(Duration.ofHours(2));
        settle();
        assertEquals(4, peer.received("SUBSCRIBE").size());
    }

    @Test
    void fetchSendsExpiresZeroAndCompletesWithTheNotify() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "f0", 0));
        CompletableFuture<Notification> f = engine.fetch(presence().expires(Duration.ofSeconds(600)).build());
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(0, sub.getExpires().getExpires());
        settle();
        assertEquals(200, peer.sendNotify(sub, "f1", 2, "terminated;reason=timeout", "application/pidf+xml", PIDF)
                .get(10, TimeUnit.SECONDS).getStatusCode());
        Notification n = f.get(10, TimeUnit.SECONDS);
        assertEquals(SubscriptionState.TERMINATED, n.state());
        assertEquals(PIDF, n.bodyText());
        time.advance(Duration.ofHours(2));
        settle();
        assertEquals(1, peer.received("SUBSCRIBE").size());
    }

    @Test
    void fetchWithoutNotifyTimesOut() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "f1", 0));
        CompletableFuture<Notification> f = engine.fetch(presence().build());
        peer.awaitRequest("SUBSCRIBE", WAIT);
        settle();
        time.advance(Duration.ofSeconds(32));
        ExecutionException e = assertThrows(ExecutionException.class, () -> f.get(10, TimeUnit.SECONDS));
        assertInstanceOf(SipTimeoutException.class, e.getCause());
    }

    @Test
    void neverResubscribesAfterEndingItselfEvenWhenToldTimeout() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        Subscription s = subscribed(presence().build(), "n1");
        CompletableFuture<Void> ended = s.end();
        Request unsub = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(0, unsub.getExpires().getExpires());
        assertEquals(callId(peer.received("SUBSCRIBE").get(0)), callId(unsub));
        peer.sendNotify(callId(unsub), "presence", "terminated;reason=timeout", null, null).get(10, TimeUnit.SECONDS);
        ended.get(10, TimeUnit.SECONDS);
        assertTrue(next().startsWith("notify:TERMINATED;timeout"));
        assertEquals("ended:ENDED_LOCALLY", next());
        time.advance(Duration.ofHours(2));
        settle();
        assertEquals(2, peer.received("SUBSCRIBE").size());
    }

    @Test
    void aListUnsubscribeWithoutFinalNotifyEndsAfterAShortWait() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        Subscription s = subscribed(presence().header("Supported", "eventlist").build(), "n1");
        CompletableFuture<Void> ended = s.end();
        peer.awaitRequest("SUBSCRIBE", WAIT);
        settle();
        assertFalse(ended.isDone());
        time.advance(Duration.ofSeconds(2));
        ended.get(10, TimeUnit.SECONDS);
        assertEquals("ended:ENDED_LOCALLY", next());
        time.advance(Duration.ofHours(2));
        settle();
        assertEquals(2, peer.received("SUBSCRIBE").size());
    }

    @Test
    void aTimedOutRefreshResubscribesEverySubscriptionOnNewDialogs() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 120), accept(200, "n2", 3600), Reply.silence(), accept(200, "n3", 3600));
        SubscriptionRequest shortOne = presence().build();
        SubscriptionRequest longOne = presence().target("sip:carol@example.com").expires(Duration.ofSeconds(3600))
                .build();
        subscribed(shortOne, "n1");
        subscribed(longOne, "n2");
        Request carol = peer.received("SUBSCRIBE").get(1);
        settle();
        time.advance(Duration.ofSeconds(90)); // bob's refresh: no answer
        peer.awaitRequest("SUBSCRIBE", WAIT);
        settle();
        time.advance(Duration.ofSeconds(40)); // past the request timeout
        settle();
        time.advance(Duration.ofSeconds(30)); // the widest recovery spread
        settle();
        time.advance(Duration.ofSeconds(7));
        List<Request> all = peer.received("SUBSCRIBE");
        long carolNew = all.stream().filter(r -> r.getRequestURI().toString().contains("carol")
                && !callId(r).equals(callId(carol))).count();
        long bobNew = all.stream().filter(r -> r.getRequestURI().toString().contains("bob")
                && !callId(r).equals(callId(all.get(0)))).count();
        assertTrue(carolNew >= 1, all.toString());
        assertTrue(bobNew >= 1, all.toString());
    }

    @Test
    void aLostConnectionResubscribesEveryLiveSubscriptionOnceOnNewDialogsButNotEndedOnes() throws Exception {
        start();
        peer.on("SUBSCRIBE", accept(200, "n1", 600));
        List<Subscription> subs = new java.util.ArrayList<>();
        for (String user : List.of("bob", "carol", "dave")) {
            subs.add(subscribed(presence().target("sip:" + user + "@example.com").build(), "n1"));
        }
        Subscription ended = subscribed(presence().target("sip:erin@example.com").build(), "n1");
        ended.end();
        peer.awaitRequest("SUBSCRIBE", WAIT);
        settle();
        time.advance(Duration.ofSeconds(3));
        ended.end().get(10, TimeUnit.SECONDS);
        int before = peer.received("SUBSCRIBE").size();
        engine.core().loop.execute(() -> engine.core().monitor.degraded("test: connection lost"));
        engine.core().loop.execute(() -> engine.core().monitor.degraded("test: still lost"));
        settle();
        time.advance(Duration.ofSeconds(30));
        for (int i = 0; i < 3; i++) {
            peer.awaitRequest("SUBSCRIBE", WAIT);
        }
        settle();
        List<Request> after = peer.received("SUBSCRIBE").subList(before, peer.received("SUBSCRIBE").size());
        assertEquals(3, after.size(), after.toString());
        List<String> oldIds = peer.received("SUBSCRIBE").subList(0, before).stream().map(SubscriptionTest::callId)
                .toList();
        for (Request r : after) {
            assertFalse(oldIds.contains(callId(r)), "a new dialog");
            assertFalse(r.getRequestURI().toString().contains("erin"));
        }
    }
}
