package io.presencekit.sip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.internal.Backoff;
import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.sip.testing.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The publication usage (RFC 3903) against a scripted server, with virtual time. */
class PublicationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final byte[] ONE = "<presence>one</presence>".getBytes(UTF_8);
    private static final byte[] TWO = "<presence>two</presence>".getBytes(UTF_8);
    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    private final VirtualScheduler time = new VirtualScheduler();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final List<Duration> retries = new CopyOnWriteArrayList<>();
    private final AtomicInteger etags = new AtomicInteger();
    @TempDir
    Path state;
    private SipEngine engine;

    private final PublicationListener listener = new PublicationListener() {
        @Override
        public void published(PublicationResult result) {
            events.add("published:" + result.etag() + ":" + result.expires().toSeconds());
        }

        @Override
        public void failed(SipException error, Optional<Duration> retryIn) {
            events.add("failed:" + error.status() + ":" + retryIn.map(d -> String.valueOf(d.toMillis())).orElse("none"));
            retryIn.ifPresent(retries::add);
        }

        @Override
        public void unsupported(SipNotSupportedException error) {
            events.add("unsupported:" + error.status());
        }

        @Override
        public void ended() {
            events.add("ended");
        }
    };

    /** A presence server's 200: a new SIP-ETag each time and the asked Expires, at most {@code max}. */
    private Reply ok(int max) {
        return (req, p) -> {
            int asked = req.getExpires() == null ? 3600 : req.getExpires().getExpires();
            if (asked == 0) {
                return p.response(req, 200, "Expires: 0");
            }
            return p.response(req, 200, "SIP-ETag: e" + etags.incrementAndGet(), "Expires: " + Math.min(asked, max));
        };
    }

    private Reply ok() {
        return ok(3600);
    }

    private void start() throws Exception {
        start(Reply.registrar(Duration.ofSeconds(3600)));
    }

    private void start(Reply... register) throws Exception {
        peer.on("REGISTER", register);
        SipAccount account = SipAccount.builder("sip:bob@example.com").password("secret".toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).registerInterval(Duration.ofSeconds(3600))
                .build();
        SipSettings settings = SipSettings.builder().clock(time.clock()).scheduler(time).build();
        engine = new SipEngine(account, settings, null);
        engine.start().get(10, TimeUnit.SECONDS);
    }

    private Publication publish() {
        return publish(PublicationRequest.builder().build());
    }

    private Publication publish(PublicationRequest request) {
        return engine.publish(request, listener);
    }

    private static PublicationRetryPolicy seeded(long seed) {
        return PublicationRetryPolicy.exponential(Duration.ofSeconds(2), Duration.ofSeconds(20), new Random(seed));
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.closeNow();
        }
        peer.close();
    }

    private static <T> T get(CompletableFuture<T> f) throws Exception {
        return f.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private static Throwable failure(CompletableFuture<?> f) throws Exception {
        try {
            get(f);
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (CancellationException e) {
            return e;
        }
        throw new AssertionError("the future succeeded");
    }

    private List<Request> publishes() {
        return peer.received("PUBLISH");
    }

    private Request publishNo(int n) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (publishes().size() <= n && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(publishes().size() > n, "PUBLISH #" + n + " never came: " + publishes().size());
        return publishes().get(n);
    }

    private void awaitEvent(String event) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!events.contains(event) && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(events.contains(event), "no " + event + " in " + events);
    }

    private void awaitEvents(int count) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (events.size() < count && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(events.size() >= count, events.toString());
    }

    private static String ifMatch(Request r) {
        var h = r.getHeader("SIP-If-Match");
        return h == null ? null : h.toString().substring(h.toString().indexOf(':') + 1).trim();
    }

    private static byte[] body(Request r) {
        return r.getRawContent() == null ? new byte[0] : r.getRawContent();
    }

    /** Registration's refresh timer plus ours. */
    private void awaitRefreshTimer() throws Exception {
        time.awaitPending(2, WAIT);
    }

    @Test
    void initialPublishCarriesTheBodyAndTheEtagOfThe2xxIsKept() throws Exception {
        peer.on("PUBLISH", ok());
        start();
        Publication p = publish();
        assertEquals(PublicationState.IDLE, p.state());
        PublicationResult r = get(p.update(ONE));
        assertEquals("e1", r.etag());
        assertEquals(Duration.ofSeconds(600), r.expires());
        assertEquals(Optional.of("e1"), p.etag());
        assertEquals(PublicationState.PUBLISHED, p.state());
        Request req = publishNo(0);
        assertEquals("presence", ((javax.sip.header.EventHeader) req.getHeader("Event")).getEventType());
        assertEquals(600, req.getExpires().getExpires());
        assertEquals("application/pidf+xml", req.getHeader("Content-Type").toString()
                .substring("Content-Type:".length()).trim());
        assertArrayEquals(ONE, body(req));
        assertNull(ifMatch(req));
        assertNull(req.getHeader("Contact"), "PUBLISH carries no Contact");
        assertEquals("sip:bob@example.com", req.getRequestURI().toString());
        awaitEvent("published:e1:600");
    }

    @Test
    void aBodyInTheRequestIsPublishedAtOnceToTheTarget() throws Exception {
        peer.on("PUBLISH", ok());
        start();
        publish(PublicationRequest.builder().body(ONE).target("sip:bob-status@example.com")
                .expires(Duration.ofSeconds(120)).build());
        Request req = publishNo(0);
        assertArrayEquals(ONE, body(req));
        assertEquals("sip:bob-status@example.com", req.getRequestURI().toString());
        assertEquals(120, req.getExpires().getExpires());
        awaitEvent("published:e1:120");
    }

    @Test
    void refreshIsBodylessWithIfMatchBeforeExpiryAndAdoptsTheNewEtag() throws Exception {
        peer.on("PUBLISH", ok());
        start();
        Publication p = publish();
        get(p.update(ONE));
        awaitRefreshTimer();
        assertEquals(Duration.ofSeconds(570), time.nextDue());
        time.advance(Duration.ofSeconds(569));
        assertEquals(1, publishes().size());
        time.advance(Duration.ofSeconds(1));
        Request refresh = publishNo(1);
        assertEquals(0, body(refresh).length);
        assertNull(refresh.getHeader("Content-Type"));
        assertEquals("e1", ifMatch(refresh));
        assertEquals(600, refresh.getExpires().getExpires());
        awaitEvent("published:e2:600");
        assertEquals(Optional.of("e2"), p.etag());
        awaitRefreshTimer();
        time.advance(Duration.ofSeconds(570));
        assertEquals("e2", ifMatch(publishNo(2)), "the latest tag is used");
    }

    @Test
    void aLowerExpiresInThe2xxIsHonoured() throws Exception {
        peer.on("PUBLISH", ok(120));
        start();
        Publication p = publish();
        assertEquals(Duration.ofSeconds(120), get(p.update(ONE)).expires());
        awaitRefreshTimer();
        assertEquals(Duration.ofSeconds(90), time.nextDue());
        time.advance(Duration.ofSeconds(90));
        assertEquals("e1", ifMatch(publishNo(1)));
    }

    @Test
    void explicitRefreshSendsABodylessPublishNow() throws Exception {
        peer.on("PUBLISH", ok());
        start();
        Publication p = publish();
        get(p.update(ONE));
        PublicationResult r = get(p.refresh());
        assertEquals("e2", r.etag());
        assertEquals(0, body(publishNo(1)).length);
        assertEquals("e1", ifMatch(publishNo(1)));
    }

    @Test
    void refreshBeforeAnythingWasPublishedFails() throws Exception {
        start();
        assertInstanceOf(IllegalStateException.class, failure(publish().refresh()));
        assertThrows(IllegalArgumentException.class, () -> publish().update(new byte[0]));
    }

    @Test
    void modifySendsTheNewBodyWithIfMatch() throws Exception {
        peer.on("PUBLISH", ok());
        start();
        Publication p = publish();
        get(p.update(ONE));
        PublicationResult r = get(p.update(TWO));
        assertEquals("e2", r.etag());
        Request modify = publishNo(1);
        assertArrayEquals(TWO, body(modify));
        assertEquals("e1", ifMatch(modify));
    }

    @Test
    void conditionalRequestFailedForgetsTheEtagAndPublishesTheFullStateAtOnce() throws Exception {
        peer.on("PUBLISH", ok(), Reply.status(412), ok());
        start();
        Publication p = publish();
        get(p.update(ONE));
        PublicationResult r = get(p.update(TWO));
        assertEquals(3, publishes().size());
        Request fresh = publishNo(2);
        assertNull(ifMatch(fresh), "a fresh publication carries no SIP-If-Match");
        assertArrayEquals(TWO, body(fresh));
        assertEquals("e2", r.etag());
        assertFalse(events.stream().anyMatch(e -> e.startsWith("failed")), events.toString());
    }

    @Test
    void refreshAnswered412BecomesAFullPublish() throws Exception {
        peer.on("PUBLISH", ok(), Reply.status(412), ok());
        start();
        Publication p = publish();
        get(p.update(ONE));
        awaitRefreshTimer();
        time.advance(Duration.ofSeconds(570));
        Request fresh = publishNo(2);
        assertNull(ifMatch(fresh));
        assertArrayEquals(ONE, body(fresh));
        awaitEvent("published:e2:600");
    }

    @Test
    void intervalTooBriefAdoptsMinExpiresAndRetriesAtOnce() throws Exception {
        peer.on("PUBLISH", Reply.status(423, "Min-Expires: 1800"), ok());
        start();
        Publication p = publish();
        PublicationResult r = get(p.update(ONE));
        assertEquals(600, publishNo(0).getExpires().getExpires());
        assertEquals(1800, publishNo(1).getExpires().getExpires());
        assertArrayEquals(ONE, body(publishNo(1)));
        assertEquals(Duration.ofSeconds(1800), r.expires());
        awaitRefreshTimer();
        time.advance(Duration.ofSeconds(1770));
        assertEquals(1800, publishNo(2).getExpires().getExpires(), "refreshes keep the adopted expiry");
    }

    @Test
    void intervalTooBriefWithoutALargerMinExpiresIsAFailureNotALoop() throws Exception {
        peer.on("PUBLISH", Reply.status(423, "Min-Expires: 60"));
        start();
        Publication p = publish();
        Throwable e = failure(p.update(ONE));
        assertEquals(423, assertInstanceOf(SipException.class, e).status());
        assertEquals(1, publishes().size());
        assertEquals(PublicationState.FAILED, p.state());
    }

    @Test
    void serverErrorIsRetriedAfterBackoffKeepingTheLatestState() throws Exception {
        peer.on("PUBLISH", Reply.status(500), ok());
        start();
        Publication p = publish(PublicationRequest.builder().retryPolicy(seeded(1)).build());
        CompletableFuture<PublicationResult> first = p.update(ONE);
        awaitEvents(1);
        Duration expected = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(1),
                new Random(1)).delay(0);
        assertEquals("failed:500:" + expected.toMillis(), events.get(0));
        assertEquals(PublicationState.RETRYING, p.state());
        assertFalse(first.isDone(), "a retried state is not failed");
        CompletableFuture<PublicationResult> second = p.update(TWO);
        time.awaitPending(2, WAIT);
        assertEquals(expected, time.nextDue());
        time.advance(expected);
        PublicationResult r = get(second);
        assertEquals(r, get(first), "the superseded update completes with the later state");
        assertEquals(2, publishes().size());
        assertArrayEquals(TWO, body(publishNo(1)));
    }

    @Test
    void serviceUnavailableIsRetriedAfterRetryAfter() throws Exception {
        peer.on("PUBLISH", Reply.status(503, "Retry-After: 120"), ok());
        start();
        Publication p = publish();
        CompletableFuture<PublicationResult> f = p.update(ONE);
        awaitEvent("failed:503:120000");
        time.awaitPending(2, WAIT);
        assertEquals(Duration.ofSeconds(120), time.nextDue());
        time.advance(Duration.ofSeconds(119));
        assertEquals(1, publishes().size());
        time.advance(Duration.ofSeconds(1));
        assertEquals("e1", get(f).etag());
        assertArrayEquals(ONE, body(publishNo(1)));
    }

    @Test
    void backoffGrowsWithEachFailureUpToTheCap() throws Exception {
        peer.on("PUBLISH", Reply.status(500));
        start();
        Publication p = publish(PublicationRequest.builder().retryPolicy(seeded(42)).build());
        p.update(ONE);
        Backoff reference = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(20), Duration.ofSeconds(1),
                new Random(42));
        int rounds = 8;
        for (int i = 0; i < rounds; i++) {
            long end = System.nanoTime() + WAIT.toNanos();
            while (retries.size() <= i && System.nanoTime() < end) {
                Thread.sleep(5);
            }
            assertEquals(i + 1, retries.size(), events.toString());
            Duration d = retries.get(i);
            assertEquals(reference.delay(i), d, "retry " + i);
            long ceiling = Math.min(20_000, 2_000L << i);
            assertTrue(d.toMillis() <= ceiling && d.toMillis() >= 1_000, "retry " + i + ": " + d);
            time.awaitPending(2, WAIT);
            time.advance(d);
        }
        assertTrue(retries.stream().skip(4).anyMatch(d -> d.toMillis() > 8_000), "later delays exceed the "
                + "early ceilings: " + retries);
        assertTrue(retries.stream().allMatch(d -> d.toMillis() <= 20_000), "capped: " + retries);
        assertEquals(rounds + 1, publishNo(rounds) != null ? publishes().size() : -1);
    }

    @ParameterizedTest
    @ValueSource(ints = {405, 489, 501})
    void unsupportedIsReportedAndNeverRetried(int status) throws Exception {
        peer.on("PUBLISH", Reply.status(status));
        start();
        Publication p = publish();
        Throwable e = failure(p.update(ONE));
        assertEquals(status, assertInstanceOf(SipNotSupportedException.class, e).status());
        awaitEvent("unsupported:" + status);
        assertEquals(PublicationState.UNSUPPORTED, p.state());
        assertEquals(1, time.pending(), "only the registration's timer is left");
        time.advance(Duration.ofHours(2));
        assertInstanceOf(IllegalStateException.class, failure(p.update(TWO)));
        assertEquals(1, publishes().size());
        assertFalse(events.stream().anyMatch(x -> x.startsWith("failed")), events.toString());
    }

    @Test
    void otherClientErrorsGiveUpUntilTheNextUpdate() throws Exception {
        peer.on("PUBLISH", Reply.status(415), ok());
        start();
        Publication p = publish();
        assertEquals(415, assertInstanceOf(SipException.class, failure(p.update(ONE))).status());
        awaitEvent("failed:415:none");
        assertEquals(PublicationState.FAILED, p.state());
        assertEquals(1, time.pending());
        assertEquals("e1", get(p.update(TWO)).etag());
        assertArrayEquals(TWO, body(publishNo(1)));
    }

    @Test
    void proxyChallengeOnPublishIsAnswered() throws Exception {
        peer.on("PUBLISH", ok());
        start();
        peer.requireDigest("bob", "secret", "example.com", "MD5", true);
        Publication p = publish();
        assertEquals("e1", get(p.update(ONE)).etag());
        assertEquals(2, publishes().size());
        assertNull(publishNo(0).getHeader(ProxyAuthorizationHeader.NAME));
        ProxyAuthorizationHeader auth = (ProxyAuthorizationHeader) publishNo(1)
                .getHeader(ProxyAuthorizationHeader.NAME);
        assertNotNull(auth);
        assertEquals("example.com", auth.getRealm());
        assertEquals("sip:bob@example.com", auth.getURI().toString());
        assertArrayEquals(ONE, body(publishNo(1)));
    }

    @Test
    void updatesWhileOneIsInFlightCollapseIntoOnePublishOfTheLatest() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        Reply held = (req, p) -> {
            arrived.countDown();
            hold.await(10, TimeUnit.SECONDS);
            return ok().answer(req, p);
        };
        peer.on("PUBLISH", held, ok());
        start();
        Publication p = publish();
        CompletableFuture<PublicationResult> f1 = p.update(ONE);
        assertTrue(arrived.await(10, TimeUnit.SECONDS));
        List<CompletableFuture<PublicationResult>> later = new ArrayList<>();
        for (int i = 2; i <= 4; i++) {
            later.add(p.update(("<presence>" + i + "</presence>").getBytes(UTF_8)));
        }
        // the updates are queued on the loop before the held answer can arrive
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        engine.core().loop.execute(() -> barrier.complete(null));
        get(barrier);
        hold.countDown();
        assertEquals("e1", get(f1).etag());
        for (CompletableFuture<PublicationResult> f : later) {
            assertEquals("e2", get(f).etag());
        }
        get(p.end());
        List<Request> all = publishes();
        assertEquals(3, all.size(), "initial, one modify with the last body, removal");
        assertArrayEquals("<presence>4</presence>".getBytes(UTF_8), body(all.get(1)));
        assertEquals("e1", ifMatch(all.get(1)));
        assertEquals(0, all.get(2).getExpires().getExpires());
    }

    @Test
    void endRemovesWithExpiresZeroAndIfMatch() throws Exception {
        peer.on("PUBLISH", ok());
        start();
        Publication p = publish();
        get(p.update(ONE));
        get(p.end());
        Request remove = publishNo(1);
        assertEquals(0, remove.getExpires().getExpires());
        assertEquals("e1", ifMatch(remove));
        assertEquals(0, body(remove).length);
        assertEquals(PublicationState.ENDED, p.state());
        assertEquals(Optional.empty(), p.etag());
        awaitEvent("ended");
        assertEquals(1, time.pending(), "no refresh after end");
        assertInstanceOf(IllegalStateException.class, failure(p.update(TWO)));
        time.advance(Duration.ofHours(2));
        assertEquals(2, publishes().size());
    }

    @Test
    void endWhileAPublishIsInFlightWaitsForItThenRemoves() throws Exception {
        CountDownLatch hold = new CountDownLatch(1);
        CountDownLatch arrived = new CountDownLatch(1);
        peer.on("PUBLISH", (req, p) -> {
            arrived.countDown();
            hold.await(10, TimeUnit.SECONDS);
            return ok().answer(req, p);
        }, ok());
        start();
        Publication p = publish();
        CompletableFuture<PublicationResult> f = p.update(ONE);
        assertTrue(arrived.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> ended = p.end();
        CompletableFuture<Void> barrier = new CompletableFuture<>();
        engine.core().loop.execute(() -> barrier.complete(null));
        get(barrier);
        assertEquals(PublicationState.ENDING, p.state());
        assertEquals(1, publishes().size(), "nothing sent while the first is in flight");
        hold.countDown();
        get(ended);
        assertEquals("e1", get(f).etag(), "the in-flight state was published before the removal");
        assertEquals("e1", ifMatch(publishNo(1)));
        assertEquals(0, publishNo(1).getExpires().getExpires());
    }

    @Test
    void endDuringARetryWaitCancelsTheRetry() throws Exception {
        peer.on("PUBLISH", ok(), Reply.status(503, "Retry-After: 120"), ok());
        start();
        Publication p = publish();
        get(p.update(ONE));
        CompletableFuture<PublicationResult> modify = p.update(TWO);
        awaitEvent("failed:503:120000");
        get(p.end());
        assertInstanceOf(CancellationException.class, failure(modify));
        assertEquals(3, publishes().size());
        Request remove = publishNo(2);
        assertEquals(0, remove.getExpires().getExpires());
        assertEquals("e1", ifMatch(remove));
        assertEquals(1, time.pending(), "the retry timer is gone");
        time.advance(Duration.ofHours(2));
        assertEquals(3, publishes().size());
    }

    @Test
    void endBeforeAnythingWasPublishedSendsNothing() throws Exception {
        peer.on("PUBLISH", Reply.status(503, "Retry-After: 120"));
        start();
        Publication p = publish();
        CompletableFuture<PublicationResult> f = p.update(ONE);
        awaitEvent("failed:503:120000");
        get(p.end());
        assertInstanceOf(CancellationException.class, failure(f));
        time.advance(Duration.ofHours(2));
        assertEquals(1, publishes().size());
        assertEquals(PublicationState.ENDED, p.state());
    }

    @Test
    void silenceTimesOutAndIsRetried() throws Exception {
        peer.on("PUBLISH", Reply.silence(), ok());
        start();
        Publication p = publish(PublicationRequest.builder().retryPolicy(seeded(3)).build());
        CompletableFuture<PublicationResult> f = p.update(ONE);
        publishNo(0);
        time.awaitPending(2, WAIT);
        time.advance(Duration.ofSeconds(32));
        long end = System.nanoTime() + WAIT.toNanos();
        while (retries.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(events.get(0).startsWith("failed:0:"), events.toString());
        time.advance(retries.get(0));
        assertEquals("e1", get(f).etag());
        assertArrayEquals(ONE, body(publishNo(1)));
    }

    @Test
    void aRefreshThatTimesOutIsFollowedByTheFullState() throws Exception {
        peer.on("PUBLISH", ok(), Reply.silence(), ok());
        start();
        Publication p = publish(PublicationRequest.builder().retryPolicy(seeded(5)).build());
        get(p.update(ONE));
        awaitRefreshTimer();
        time.advance(Duration.ofSeconds(570));
        assertEquals(0, body(publishNo(1)).length);
        time.awaitPending(2, WAIT);
        time.advance(Duration.ofSeconds(32));
        long end = System.nanoTime() + WAIT.toNanos();
        while (retries.isEmpty() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertFalse(retries.isEmpty(), events.toString());
        time.advance(retries.get(0));
        Request again = publishNo(2);
        assertArrayEquals(ONE, body(again), "the full state");
        assertEquals("e1", ifMatch(again));
        awaitEvent("published:e2:600");
    }

    @Test
    void restoredConnectionRepublishesTheFullState() throws Exception {
        peer.on("PUBLISH", ok());
        // the registration's refresh goes unanswered: the connection is reported lost; its retry
        // is answered: the connection is back
        start(Reply.registrar(Duration.ofSeconds(3600)), Reply.silence(), Reply.registrar(Duration.ofSeconds(3600)));
        Publication p = publish();
        get(p.update(ONE));
        awaitRefreshTimer();
        engine.registration().register();
        long end = System.nanoTime() + WAIT.toNanos();
        while (peer.received("REGISTER").size() < 2 && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        time.awaitPending(2, WAIT);
        time.advance(Duration.ofSeconds(32));
        end = System.nanoTime() + WAIT.toNanos();
        while (!engine.core().monitor.isDegraded() && System.nanoTime() < end) {
            Thread.sleep(5);
        }
        assertTrue(engine.core().monitor.isDegraded());
        assertEquals(1, publishes().size(), "nothing is sent while the connection is down");
        time.advance(Duration.ofMinutes(5));
        Request again = publishNo(1);
        assertArrayEquals(ONE, body(again));
        assertEquals("e1", ifMatch(again));
        awaitEvent("published:e2:600");
        assertEquals(Optional.of("e2"), p.etag());
    }

    @Test
    void closeEndsThePublication() throws Exception {
        peer.on("PUBLISH", ok());
        start();
        Publication p = publish();
        get(p.update(ONE));
        engine.close();
        Request remove = publishNo(1);
        assertEquals(0, remove.getExpires().getExpires());
        assertEquals(PublicationState.ENDED, p.state());
    }
}
