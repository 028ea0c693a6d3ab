package io.presencekit.sip.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.rls.Instance;
import io.presencekit.rls.MimePart;
import io.presencekit.rls.Multipart;
import io.presencekit.rls.MultipartCodec;
import io.presencekit.rls.Resource;
import io.presencekit.rls.RlmiCodec;
import io.presencekit.rls.RlmiList;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.event.ContactPresenceWatcher.Mode;
import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.sip.testing.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
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

/** The contact presence watcher against a scripted list server (RFC 4662) and presence agent, with virtual time. */
class ContactPresenceWatcherTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String LIST = "sip:alice+presence@example.com";
    private static final String RLMI_URI = "sip:alice-buddies@example.com";
    private static final String BOB = "sip:bob@example.com";
    private static final String CAROL = "sip:carol@example.com";
    private static final String DAVE = "sip:dave@example.com";

    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    private final VirtualScheduler time = new VirtualScheduler();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    @TempDir
    Path state;
    private SipEngine engine;
    private ContactPresenceWatcher watcher;

    private final ContactPresenceWatcher.Listener recorder = new ContactPresenceWatcher.Listener() {
        @Override
        public void presenceChanged(String uri, ContactPresence presence, List<PresenceDocument> documents) {
            events.add("presence:" + uri + ":" + (presence.isOnline() ? "open" : "closed") + ":" + documents.size());
        }

        @Override
        public void subscriptionStateChanged(String uri, SubscriptionState st, String reason) {
            events.add("state:" + uri + ":" + st + (reason != null ? ";" + reason : ""));
        }

        @Override
        public void modeChanged(Mode mode, String why) {
            events.add("mode:" + mode);
        }

        @Override
        public void error(io.presencekit.error.PresenceKitException error) {
            events.add("error:" + error.getMessage());
        }
    };

    @AfterEach
    void close() {
        if (engine != null) {
            engine.closeNow();
        }
        peer.close();
    }

    private void startEngine() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(3600)));
        SipAccount account = SipAccount.builder("sip:alice@example.com").password("secret".toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).build();
        engine = new SipEngine(account, SipSettings.builder().clock(time.clock()).scheduler(time).build(), null);
        engine.start().get(10, TimeUnit.SECONDS);
    }

    /** A 2xx with a To tag, Expires and Contact, plus {@code extra} header lines. */
    private static Reply accept(String... extra) {
        return (req, p) -> {
            int granted = req.getExpires() == null ? 600 : Math.min(600, req.getExpires().getExpires());
            List<String> lines = new ArrayList<>(List.of("Expires: " + granted, "Contact: <sip:rls@127.0.0.1:" + p.port()
                    + ";transport=tcp>"));
            lines.addAll(List.of(extra));
            Response r = p.response(req, 200, lines.toArray(String[]::new));
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("n" + Math.abs(callId(req).hashCode()));
            return r;
        };
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String target(Request r) {
        return r.getRequestURI().toString();
    }

    private String next() throws Exception {
        String e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new TimeoutException("no event");
        }
        return e;
    }

    private List<String> next(int n) throws Exception {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(next());
        }
        return out;
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

    /** An RLMI multipart/related NOTIFY body, as a list server builds it. */
    private static final class Body {
        private final RlmiList.Builder list;
        private final List<MimePart> parts = new ArrayList<>();

        Body(long version, boolean full) {
            list = RlmiList.builder(RLMI_URI, version, full);
        }

        Body active(String uri, boolean open) {
            String cid = "c" + parts.size() + "." + Math.abs(uri.hashCode()) + "@example.com";
            list.resource(Resource.builder(uri).instance(Instance.builder("Scf8UhwQ", Instance.State.ACTIVE).cid(cid)
                    .build()).build());
            PresenceDocument doc = PresenceDocument.builder(uri).tuple(Tuple.builder("t1")
                    .status(Status.builder().basic(open ? Basic.OPEN : Basic.CLOSED).build()).build()).build();
            parts.add(MimePart.builder().contentType(PidfCodec.CONTENT_TYPE).contentId(cid)
                    .header("Content-Transfer-Encoding", "binary").body(PidfCodec.standard().write(doc)).build());
            return this;
        }

        Body bare(String uri) {
            list.resource(Resource.builder(uri).build());
            return this;
        }

        Body terminated(String uri, String reason) {
            list.resource(Resource.builder(uri).instance(Instance.builder("Scf8UhwQ", Instance.State.TERMINATED)
                    .reason(reason).build()).build());
            return this;
        }

        CompletableFuture<Response> send(ScriptedSipPeer p, String callId) {
            Multipart.Builder m = Multipart.related(RlmiCodec.CONTENT_TYPE).start("root@example.com")
                    .part(MimePart.builder().contentType("application/rlmi+xml;charset=\"UTF-8\"")
                            .contentId("root@example.com").header("Content-Transfer-Encoding", "binary")
                            .body(RlmiCodec.standard().write(list.build())).build());
            parts.forEach(m::part);
            Multipart mp = m.build();
            return p.sendNotify(callId, "presence", "active;expires=600", mp.contentType().toString(),
                    MultipartCodec.standard().write(mp), "Require: eventlist");
        }
    }

    private ContactPresenceWatcher watcher(String listUri, List<String> contacts) {
        watcher = ContactPresenceWatcher.builder(engine).listUri(listUri).contacts(contacts).listener(recorder).build();
        return watcher;
    }

    /** Starts a watcher in list mode and returns the list SUBSCRIBE. */
    private Request listMode() throws Exception {
        startEngine();
        peer.on("SUBSCRIBE", accept("Require: eventlist"));
        CompletableFuture<Mode> started = watcher(LIST, List.of(BOB, CAROL)).start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(Mode.LIST, started.get(10, TimeUnit.SECONDS));
        assertEquals("mode:LIST", next());
        return sub;
    }

    @Test
    void theListSubscribeAsksForAnEventList() throws Exception {
        Request sub = listMode();
        assertEquals(LIST, target(sub));
        assertEquals("presence", ((javax.sip.header.EventHeader) sub.getHeader("Event")).getEventType());
        assertTrue(sub.toString().contains("Supported: eventlist"), sub.toString());
        String accept = sub.toString().lines().filter(l -> l.startsWith("Accept:")).reduce("", (a, b) -> a + b);
        assertTrue(accept.contains("multipart/related") && accept.contains("application/rlmi+xml")
                && accept.contains("application/pidf+xml"), accept);
    }

    @Test
    void fullStateThenPartialStateReportsOnlyTheChangedContacts() throws Exception {
        Request sub = listMode();
        new Body(0, true).active(BOB, true).active(CAROL, false).bare(DAVE).send(peer, callId(sub))
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of("state:" + BOB + ":ACTIVE", "presence:" + BOB + ":open:1",
                "state:" + CAROL + ":ACTIVE", "presence:" + CAROL + ":closed:1",
                "state:" + DAVE + ":PENDING"), next(5));
        settle();
        assertEquals(List.of(BOB, CAROL, DAVE), List.copyOf(watcher.snapshot().keySet()));
        assertFalse(watcher.snapshot().get(DAVE).isOnline());

        new Body(1, false).active(CAROL, true).send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        assertEquals("presence:" + CAROL + ":open:1", next());
        new Body(2, false).terminated(BOB, "rejected").send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        assertEquals(List.of("state:" + BOB + ":TERMINATED;rejected", "presence:" + BOB + ":closed:0"), next(2));
        settle();
        assertTrue(watcher.snapshot().get(CAROL).isOnline());
        assertTrue(events.isEmpty(), events.toString());
        assertEquals(1, peer.received("SUBSCRIBE").size());
    }

    @Test
    void aStaleNotificationIsDropped() throws Exception {
        Request sub = listMode();
        new Body(0, true).active(BOB, true).send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        next(2);
        new Body(1, false).active(BOB, false).send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        assertEquals("presence:" + BOB + ":closed:1", next());
        new Body(1, false).active(BOB, true).send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        settle();
        assertTrue(events.isEmpty(), events.toString());
        assertFalse(watcher.snapshot().get(BOB).isOnline());
        assertEquals(1, peer.received("SUBSCRIBE").size());
    }

    @Test
    void aVersionGapRefreshesTheListSubscriptionWithEventlistAndTheUnsubscribeCarriesItToo() throws Exception {
        Request sub = listMode();
        new Body(0, true).active(BOB, true).send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        next(2);
        new Body(3, false).active(BOB, false).send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        assertEquals("presence:" + BOB + ":closed:1", next()); // the newest state there is, merged all the same
        Request refresh = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(callId(sub), callId(refresh));
        assertTrue(refresh.toString().contains("Supported: eventlist"), refresh.toString());
        assertTrue(refresh.getExpires().getExpires() > 0);
        settle();

        CompletableFuture<Void> closed = watcher.close();
        Request unsubscribe = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(callId(sub), callId(unsubscribe));
        assertEquals(0, unsubscribe.getExpires().getExpires());
        assertTrue(unsubscribe.toString().contains("Supported: eventlist"), unsubscribe.toString());
        for (int i = 0; i < 20 && !closed.isDone(); i++) {
            settle();
            time.advance(Duration.ofSeconds(1)); // no final NOTIFY from a list server: its 200 is the end
        }
        closed.get(10, TimeUnit.SECONDS);
        time.advance(Duration.ofHours(2));
        settle();
        assertEquals(3, peer.received("SUBSCRIBE").size());
        assertTrue(peer.errors().isEmpty(), peer.errors().toString());
    }

    @Test
    void aFirstNotificationWithoutFullStateRefreshes() throws Exception {
        Request sub = listMode();
        new Body(4, false).active(BOB, true).send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        next(2);
        Request refresh = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(callId(sub), callId(refresh));
        assertTrue(refresh.toString().contains("Supported: eventlist"));
    }

    @Test
    void anUnusableBodyIsReportedAndRefreshes() throws Exception {
        Request sub = listMode();
        peer.sendNotify(callId(sub), "presence", "active", "multipart/related;type=\"application/rlmi+xml\";"
                + "boundary=x", "not a multipart body".getBytes(), "Require: eventlist").get(10, TimeUnit.SECONDS);
        assertTrue(next().startsWith("error:unusable resource list NOTIFY"));
        assertEquals(callId(sub), callId(peer.awaitRequest("SUBSCRIBE", WAIT)));
    }

    private void assertFallsBack(Reply listReply) throws Exception {
        startEngine();
        peer.on("SUBSCRIBE", (req, p) -> (target(req).equals(LIST) ? listReply : accept()).answer(req, p));
        CompletableFuture<Mode> started = watcher(LIST, List.of(BOB, CAROL)).start();
        assertEquals(LIST, target(peer.awaitRequest("SUBSCRIBE", WAIT)));
        assertEquals(Mode.PER_CONTACT, started.get(10, TimeUnit.SECONDS));
        assertEquals("mode:PER_CONTACT", next());
        assertEquals(Mode.PER_CONTACT, watcher.mode());
        List<String> targets = List.of(target(peer.awaitRequest("SUBSCRIBE", WAIT)),
                target(peer.awaitRequest("SUBSCRIBE", WAIT)));
        assertEquals(List.of(BOB, CAROL), targets);
        settle();
        time.advance(Duration.ofMinutes(5));
        settle();
        assertEquals(1, peer.received("SUBSCRIBE").stream().filter(r -> target(r).equals(LIST)
                && r.getExpires().getExpires() > 0).count(), "the list is not tried again");
        assertEquals(List.of(BOB, CAROL), List.copyOf(watcher.snapshot().keySet()));
    }

    @Test
    void fallsBackToOneSubscriptionPerContactOn404() throws Exception {
        assertFallsBack(Reply.status(404));
    }

    @Test
    void fallsBackToOneSubscriptionPerContactOn489() throws Exception {
        assertFallsBack(Reply.status(489));
    }

    @Test
    void fallsBackWhenTheServerAcceptsWithoutRequireEventlist() throws Exception {
        assertFallsBack(accept());
    }

    @Test
    void withoutAListUriEveryContactIsSubscribedAndSetContactsAddsAndRemoves() throws Exception {
        startEngine();
        peer.on("SUBSCRIBE", accept());
        CompletableFuture<Mode> started = watcher(null, List.of(BOB, CAROL)).start();
        assertEquals(Mode.PER_CONTACT, started.get(10, TimeUnit.SECONDS));
        assertEquals("mode:PER_CONTACT", next());
        Request bob = peer.awaitRequest("SUBSCRIBE", WAIT);
        Request carol = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(List.of(BOB, CAROL), List.of(target(bob), target(carol)));
        assertNull(bob.getHeader("Supported"));
        String pidf = new String(PidfCodec.standard().write(PresenceDocument.builder(BOB).tuple(Tuple.builder("t")
                .status(Status.builder().basic(Basic.OPEN).build()).build()).build()));
        peer.sendNotify(callId(bob), "presence", "active;expires=600", "application/pidf+xml", pidf)
                .get(10, TimeUnit.SECONDS);
        assertEquals(List.of("state:" + BOB + ":ACTIVE", "presence:" + BOB + ":open:1"), next(2));
        settle();

        watcher.setContacts(List.of(CAROL, DAVE));
        List<Request> two = List.of(peer.awaitRequest("SUBSCRIBE", WAIT), peer.awaitRequest("SUBSCRIBE", WAIT));
        Request unsubscribe = two.stream().filter(r -> callId(r).equals(callId(bob))).findFirst().orElseThrow();
        assertEquals(callId(bob), callId(unsubscribe));
        assertEquals(0, unsubscribe.getExpires().getExpires());
        Request dave = two.stream().filter(r -> target(r).equals(DAVE)).findFirst().orElseThrow();
        assertTrue(dave.getExpires().getExpires() > 0);
        settle();
        assertEquals(List.of(CAROL, DAVE), List.copyOf(watcher.snapshot().keySet()));
        assertEquals(4, peer.received("SUBSCRIBE").size());
    }

    @Test
    void setContactsInListModeSubscribesToTheListAnew() throws Exception {
        Request sub = listMode();
        new Body(0, true).active(BOB, true).send(peer, callId(sub)).get(10, TimeUnit.SECONDS);
        next(2);
        settle();
        watcher.setContacts(List.of(BOB, CAROL, DAVE));
        List<Request> two = List.of(peer.awaitRequest("SUBSCRIBE", WAIT), peer.awaitRequest("SUBSCRIBE", WAIT));
        Request unsubscribe = two.stream().filter(r -> callId(r).equals(callId(sub))).findFirst().orElseThrow();
        assertEquals(0, unsubscribe.getExpires().getExpires());
        Request again = two.stream().filter(r -> !callId(r).equals(callId(sub))).findFirst().orElseThrow();
        assertEquals(LIST, target(again));
        assertTrue(again.toString().contains("Supported: eventlist"));
        new Body(0, true).active(BOB, true).bare(DAVE).send(peer, callId(again)).get(10, TimeUnit.SECONDS);
        assertEquals("state:" + DAVE + ":PENDING", next());
        settle();
        assertEquals(List.of(BOB, DAVE), List.copyOf(watcher.snapshot().keySet()));
    }
}
