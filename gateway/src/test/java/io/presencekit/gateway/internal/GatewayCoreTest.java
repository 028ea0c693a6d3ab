package io.presencekit.gateway.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.gateway.VirtualSubscription;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.xmpp.Jid;
import io.presencekit.pidf.xmpp.XmppPresence;
import io.presencekit.pidf.xmpp.XmppPresenceTranslator;
import io.presencekit.sip.IncomingSubscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * The virtual subscription bookkeeping of the gateway, with the SIP and XMPP sides replaced by
 * recording fakes and the executor running each task at once (the test is the only thread).
 */
class GatewayCoreTest {
    private static final Jid ALICE = Jid.parse("alice@example.com");
    private static final Jid JULIET = Jid.parse("juliet@xmpp.example.org");
    private static final Jid ROMEO = Jid.parse("romeo@xmpp.example.org");

    private final List<XmppPresence> sent = new ArrayList<>();
    private final List<FakeOutgoing> outgoing = new ArrayList<>();
    private final GatewayCore core = new GatewayCore(Runnable::run, sent::add, (from, to, l) -> {
        FakeOutgoing o = new FakeOutgoing(from, to, l);
        outgoing.add(o);
        return o;
    }, "example.com", "xmpp.example.org", XmppPresenceTranslator.standard());

    @Test
    void severalSipSubscriptionsShareOneXmppSubscriptionAndAllGetEachUpdate() {
        FakeIncoming phone = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        FakeIncoming desk = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(phone);
        core.sipSubscription(desk);

        assertEquals(List.of(XmppPresence.Type.SUBSCRIBE), types());
        assertEquals(ALICE, sent.get(0).from().orElseThrow());
        assertEquals(JULIET, sent.get(0).to().orElseThrow());
        assertEquals("pending", phone.state);
        assertEquals("pending", desk.state);
        VirtualSubscription v = only();
        assertEquals(2, v.sipSubscriptions());
        assertEquals(VirtualSubscription.Direction.SIP_TO_XMPP, v.direction());

        core.xmppPresence(XmppPresence.builder().from(JULIET.withResource("balcony")).to(ALICE)
                .show(XmppPresence.Show.AWAY).status("moonlight", null).build());
        for (FakeIncoming s : List.of(phone, desk)) {
            assertEquals("active", s.state);
            assertTrue(s.lastBody().contains("moonlight"), s.lastBody());
            assertTrue(s.lastBody().contains("away"), s.lastBody());
        }
        core.xmppPresence(XmppPresence.builder().from(JULIET.withResource("garden")).to(ALICE)
                .status("roses", null).build());
        for (FakeIncoming s : List.of(phone, desk)) {
            PresenceDocument doc = PidfCodec.standard().read(s.bodies.get(s.bodies.size() - 1));
            assertEquals(2, doc.tuples().size(), "one tuple per resource");
        }
        assertTrue(only().active());
    }

    @Test
    void aSipSubscriptionArrivingAfterActivationIsAcceptedAtOnceWithTheCurrentState() {
        core.sipSubscription(new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org"));
        core.xmppPresence(XmppPresence.builder().from(JULIET).to(ALICE).type(XmppPresence.Type.SUBSCRIBED).build());
        core.xmppPresence(XmppPresence.builder().from(JULIET.withResource("r")).to(ALICE).status("here", null).build());
        sent.clear();
        FakeIncoming late = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(late);
        assertEquals("active", late.state);
        assertTrue(late.lastBody().contains("here"));
        assertEquals(List.of(), sent, "no second XMPP subscription");
    }

    @Test
    void theProbeWaitsUntilTheXmppUserAnsweredSubscribed() {
        FakeIncoming a = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(a);
        assertEquals(List.of(XmppPresence.Type.SUBSCRIBE), types(), "no probe before the subscription is approved");
        core.xmppConnected();
        assertEquals(List.of(XmppPresence.Type.SUBSCRIBE, XmppPresence.Type.SUBSCRIBE), types(),
                "after a reconnect an unapproved subscription is asked for again");
        sent.clear();
        core.xmppPresence(XmppPresence.builder().from(JULIET).to(ALICE).type(XmppPresence.Type.SUBSCRIBED).build());
        assertEquals(List.of(XmppPresence.Type.PROBE), types());
        assertEquals("active", a.state);
        core.xmppPresence(XmppPresence.builder().from(JULIET).to(ALICE).type(XmppPresence.Type.SUBSCRIBED).build());
        assertEquals(1, sent.size(), "a repeated subscribed probes no more");
        sent.clear();
        core.xmppConnected();
        assertEquals(List.of(XmppPresence.Type.PROBE), types(), "after a reconnect an approved subscription is probed");
    }

    @Test
    void unsubscribingOneSipSubscriptionKeepsTheOthersAndTheLastOneEndsTheXmppSide() {
        FakeIncoming a = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        FakeIncoming b = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(a);
        core.sipSubscription(b);
        sent.clear();

        core.sipSubscriptionEnded(a);
        assertEquals(List.of(), sent);
        assertEquals(1, only().sipSubscriptions());
        core.xmppPresence(XmppPresence.builder().from(JULIET.withResource("r")).to(ALICE).status("x", null).build());
        assertEquals(0, a.bodies.size(), "an ended subscription gets nothing");
        assertEquals(1, b.bodies.size());

        core.sipSubscriptionEnded(b);
        assertEquals(List.of(XmppPresence.Type.UNSUBSCRIBE), types());
        assertEquals(List.of(), snapshot());
        core.sipSubscriptionEnded(b);
        assertEquals(1, sent.size(), "ending twice sends nothing more");
    }

    @Test
    void anExpiredSipSubscriptionEndsTheXmppSideAndANewOneStartsOver() {
        FakeIncoming a = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(a);
        core.sipSubscriptionEnded(a); // the notifier's expiry timer reports through ended()
        assertEquals(List.of(XmppPresence.Type.SUBSCRIBE, XmppPresence.Type.UNSUBSCRIBE), types());
        FakeIncoming again = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(again);
        assertEquals(XmppPresence.Type.SUBSCRIBE, sent.get(2).type());
        assertEquals("pending", again.state);
    }

    @Test
    void theXmppUsersRefusalEndsEverySipSubscription() {
        FakeIncoming a = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        FakeIncoming b = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(a);
        core.sipSubscription(b);
        core.xmppPresence(XmppPresence.builder().from(JULIET).to(ALICE).type(XmppPresence.Type.UNSUBSCRIBED).build());
        assertEquals("terminated:rejected", a.state);
        assertEquals("terminated:rejected", b.state);
        assertEquals(List.of(), snapshot());
    }

    @Test
    void subscriptionsOfDifferentSipUsersAreSeparate() {
        core.sipSubscription(new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org"));
        core.sipSubscription(new FakeIncoming("sip:bob@example.com", "sip:juliet@xmpp.example.org"));
        assertEquals(2, snapshot().size());
        assertEquals(2, sent.size());
    }

    @Test
    void foreignTargetsAndWatchersAreRefused() {
        FakeIncoming other = new FakeIncoming("sip:alice@example.com", "sip:juliet@elsewhere.net");
        FakeIncoming foreign = new FakeIncoming("sip:mallory@evil.example", "sip:juliet@xmpp.example.org");
        FakeIncoming broken = new FakeIncoming("mailto:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(other);
        core.sipSubscription(foreign);
        core.sipSubscription(broken);
        assertEquals("rejected:404", other.state);
        assertEquals("rejected:403", foreign.state);
        assertEquals("rejected:400", broken.state);
        assertEquals(List.of(), sent);
    }

    @Test
    void anXmppSubscribeOpensOneSipSubscriptionAnsweredSubscribedWhenActive() {
        core.xmppPresence(XmppPresence.builder().from(ROMEO.withResource("phone")).to(ALICE)
                .type(XmppPresence.Type.SUBSCRIBE).build());
        core.xmppPresence(XmppPresence.builder().from(ROMEO).to(ALICE).type(XmppPresence.Type.PROBE).build());
        assertEquals(1, outgoing.size());
        FakeOutgoing o = outgoing.get(0);
        assertEquals("sip:romeo@xmpp.example.org", o.from);
        assertEquals("sip:alice@example.com", o.to);
        assertTrue(o.started);
        assertEquals(List.of(), sent, "nothing before the SIP side is active");

        o.listener.active(PresenceDocument.builder("sip:alice@example.com")
                .tuple(Tuple.builder("t1").basic(io.presencekit.pidf.Basic.OPEN).note("at work").build())
                .tuple(Tuple.builder("t2").basic(io.presencekit.pidf.Basic.CLOSED).build()).build());
        assertEquals(List.of(XmppPresence.Type.SUBSCRIBED, XmppPresence.Type.AVAILABLE,
                XmppPresence.Type.UNAVAILABLE), types());
        assertEquals(ROMEO, sent.get(0).to().orElseThrow());
        assertEquals(Optional.of("at work"), sent.get(1).status(null));
        assertEquals(ALICE, sent.get(1).from().orElseThrow().bare());

        sent.clear();
        core.xmppPresence(XmppPresence.builder().from(ROMEO).to(ALICE).type(XmppPresence.Type.SUBSCRIBE).build());
        assertEquals(List.of(XmppPresence.Type.SUBSCRIBED, XmppPresence.Type.AVAILABLE,
                XmppPresence.Type.UNAVAILABLE), types(), "a repeated subscribe is answered again");
        assertEquals(1, outgoing.size());

        core.xmppPresence(XmppPresence.builder().from(ROMEO).to(ALICE).type(XmppPresence.Type.UNSUBSCRIBE).build());
        assertTrue(o.ended);
        assertEquals(List.of(), snapshot());
    }

    @Test
    void aSipRefusalAnswersUnsubscribedAndOtherEndsMakeTheSipUserUnavailable() {
        core.xmppPresence(XmppPresence.builder().from(ROMEO).to(ALICE).type(XmppPresence.Type.SUBSCRIBE).build());
        outgoing.get(0).listener.ended(true);
        assertEquals(List.of(XmppPresence.Type.UNSUBSCRIBED), types());

        sent.clear();
        core.xmppPresence(XmppPresence.builder().from(ROMEO).to(ALICE).type(XmppPresence.Type.PROBE).build());
        assertEquals(2, outgoing.size(), "a probe after the end starts over");
        outgoing.get(1).listener.active(null);
        outgoing.get(1).listener.ended(false);
        assertEquals(List.of(XmppPresence.Type.SUBSCRIBED, XmppPresence.Type.UNAVAILABLE), types());
    }

    @Test
    void closeEndsBothDirections() {
        FakeIncoming a = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(a);
        core.xmppPresence(XmppPresence.builder().from(ROMEO).to(ALICE).type(XmppPresence.Type.SUBSCRIBE).build());
        core.close().join();
        assertEquals("terminated:deactivated", a.state);
        assertTrue(outgoing.get(0).ended);
        assertEquals(List.of(), snapshot());
        FakeIncoming late = new FakeIncoming("sip:alice@example.com", "sip:juliet@xmpp.example.org");
        core.sipSubscription(late);
        assertEquals("rejected:480", late.state);
    }

    private List<XmppPresence.Type> types() {
        return sent.stream().map(XmppPresence::type).toList();
    }

    private List<VirtualSubscription> snapshot() {
        return core.snapshot().join();
    }

    private VirtualSubscription only() {
        List<VirtualSubscription> all = snapshot();
        assertEquals(1, all.size(), all::toString);
        return all.get(0);
    }

    private static final class FakeOutgoing implements GatewayCore.OutgoingSubscription {
        final String from;
        final String to;
        final GatewayCore.OutgoingListener listener;
        boolean started;
        boolean ended;

        FakeOutgoing(String from, String to, GatewayCore.OutgoingListener listener) {
            this.from = from;
            this.to = to;
            this.listener = listener;
        }

        @Override
        public void start() {
            started = true;
        }

        @Override
        public CompletableFuture<Void> end() {
            ended = true;
            return CompletableFuture.completedFuture(null);
        }
    }

    /** Records what the gateway does with an incoming subscription. */
    private static final class FakeIncoming implements IncomingSubscription {
        final String subscriber;
        final String target;
        final List<byte[]> bodies = new ArrayList<>();
        String state = "new";

        FakeIncoming(String subscriber, String target) {
            this.subscriber = subscriber;
            this.target = target;
        }

        String lastBody() {
            assertTrue(!bodies.isEmpty(), "no body notified");
            return new String(bodies.get(bodies.size() - 1), StandardCharsets.UTF_8);
        }

        @Override
        public String subscriber() {
            return subscriber;
        }

        @Override
        public String subscriberDisplayName() {
            return null;
        }

        @Override
        public String target() {
            return target;
        }

        @Override
        public String requestUri() {
            return target;
        }

        @Override
        public String event() {
            return "presence";
        }

        @Override
        public String eventId() {
            return null;
        }

        @Override
        public List<String> accept() {
            return List.of(PidfCodec.CONTENT_TYPE);
        }

        @Override
        public Optional<Duration> requestedExpires() {
            return Optional.of(Duration.ofSeconds(600));
        }

        @Override
        public Duration expires() {
            return Duration.ofSeconds(600);
        }

        @Override
        public String contentType() {
            return null;
        }

        @Override
        public byte[] body() {
            return new byte[0];
        }

        @Override
        public String callId() {
            return Integer.toHexString(System.identityHashCode(this));
        }

        @Override
        public State state() {
            return state.startsWith("active") ? State.ACTIVE : state.startsWith("pending") ? State.PENDING
                    : state.equals("new") ? State.NEW : State.TERMINATED;
        }

        @Override
        public CompletableFuture<Void> accept(String contentType, byte[] body) {
            state = "active";
            if (body != null) {
                bodies.add(body);
            }
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> acceptPending() {
            state = "pending";
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> reject(int status) {
            state = "rejected:" + status;
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> notify(String contentType, byte[] body) {
            assertNull(state.startsWith("terminated") ? "notified after the end" : null);
            bodies.add(body);
            return CompletableFuture.completedFuture(null);
        }

        @Override
        public CompletableFuture<Void> end(String reason) {
            state = "terminated:" + reason;
            return CompletableFuture.completedFuture(null);
        }
    }
}
