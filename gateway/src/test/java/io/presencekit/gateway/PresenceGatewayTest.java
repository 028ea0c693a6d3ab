package io.presencekit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.gateway.xmpp.FakeXmppServer;
import io.presencekit.gateway.xmpp.XmppComponentConfig;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.testing.ScriptedSipPeer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway with its real SIP engine and XMPP component: a scripted SIP proxy and presence agent
 * (a second JAIN-SIP stack) on one side and an in-JVM XMPP server on the other. An XMPP user's
 * {@code subscribe} becomes a SIP subscription From its SIP URI, the first active NOTIFY a
 * {@code subscribed} and the PIDF a presence stanza, and {@code unsubscribe} an un-SUBSCRIBE.
 */
class PresenceGatewayTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String SECRET = "s3cret";
    private static final String PIDF = "<?xml version='1.0' encoding='UTF-8'?>"
            + "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:alice@example.com'>"
            + "<tuple id='t1'><status><basic>open</basic></status><note>In Verona</note></tuple></presence>";

    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    @TempDir
    Path state;
    private SipEngine engine;
    private PresenceGateway gateway;

    @AfterEach
    void close() {
        if (gateway != null) {
            gateway.close(Duration.ofSeconds(2));
        }
        if (engine != null) {
            engine.closeNow();
        }
        peer.close();
    }

    @Test
    void anXmppSubscribeBecomesOneSipSubscriptionAndItsNotifiesBecomePresence() throws Exception {
        peer.on("SUBSCRIBE", (req, p) -> {
            ExpiresHeader e = req.getExpires();
            Response r = p.response(req, 200, "Expires: " + (e == null ? 600 : e.getExpires()),
                    "Contact: <sip:pa@127.0.0.1:" + p.port() + ";transport=tcp>");
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("pa1");
            return r;
        });
        BlockingQueue<String> fromGateway = new LinkedBlockingQueue<>();
        CompletableFuture<Void> unsubscribe = new CompletableFuture<>();
        try (FakeXmppServer xmpp = new FakeXmppServer(conn -> {
            conn.accept("s1", SECRET);
            conn.send("<presence type='subscribe' from='romeo@xmpp.example.org/phone' to='alice@example.com'/>");
            fromGateway.add(conn.readUntil("subscribed"));
            fromGateway.add(conn.readUntil("In Verona"));
            unsubscribe.get(10, TimeUnit.SECONDS);
            conn.send("<presence type='unsubscribe' from='romeo@xmpp.example.org' to='alice@example.com'/>");
            conn.readUntil("</stream:stream>");
            conn.send("</stream:stream>");
        })) {
            engine = new SipEngine(SipAccount.builder("sip:gateway@xmpp.example.org").outboundProxy(peer.proxyUri())
                    .stateDirectory(state).build(), SipSettings.builder().requestTimeout(WAIT).build(), null);
            engine.startUnregistered();
            gateway = PresenceGateway.create(engine, PresenceGatewayConfig.builder(XmppComponentConfig.builder()
                    .host("127.0.0.1").port(xmpp.port()).domain("example.com").secret(SECRET).build(),
                    "xmpp.example.org").build());
            gateway.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);

            Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
            assertEquals("sip:romeo@xmpp.example.org",
                    ((FromHeader) sub.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
            assertEquals("sip:alice@example.com", sub.getRequestURI().toString());
            String callId = ((CallIdHeader) sub.getHeader(CallIdHeader.NAME)).getCallId();
            assertEquals("", poll(fromGateway), "the XMPP side hears nothing before the SIP side is active");

            peer.sendNotify(callId, "presence", "active;expires=600", "application/pidf+xml", PIDF)
                    .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            String subscribed = fromGateway.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(subscribed.contains("to=\"romeo@xmpp.example.org\"") || subscribed.contains("to='romeo@xmpp.example.org'"),
                    subscribed);
            String available = fromGateway.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(available.contains("alice@example.com/"), available);
            List<VirtualSubscription> subs = gateway.subscriptions().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals(List.of(new VirtualSubscription(VirtualSubscription.Direction.XMPP_TO_SIP,
                    "sip:alice@example.com", io.presencekit.pidf.xmpp.Jid.parse("romeo@xmpp.example.org"), 1, true)),
                    subs);

            unsubscribe.complete(null);
            Request unsub = awaitSubscribe(2);
            assertEquals(0, unsub.getExpires().getExpires(), "un-SUBSCRIBE");
            gateway.close(Duration.ofSeconds(5));
        }
    }

    private Request awaitSubscribe(int n) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            List<Request> all = peer.received("SUBSCRIBE");
            if (all.size() >= n) {
                return all.get(n - 1);
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no SUBSCRIBE #" + n);
    }

    private static String poll(BlockingQueue<String> q) {
        return q.isEmpty() ? "" : "unexpected: " + q.peek();
    }
}
