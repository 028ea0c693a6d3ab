package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An engine a proxy reaches at a fixed address, as a gateway is: it listens on the port it is
 * given, starts without registering, and subscribes on behalf of other identities (From).
 */
class UnregisteredEngineTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    @TempDir
    Path state;
    private SipEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.closeNow();
        }
        peer.close();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void listensOnTheGivenPortWithoutRegisteringAndSubscribesAsAnotherIdentity() throws Exception {
        peer.on("SUBSCRIBE", (req, p) -> {
            Response r = p.response(req, 200, "Expires: 600", "Contact: <sip:pa@127.0.0.1:" + p.port()
                    + ";transport=tcp>");
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("n1");
            return r;
        });
        int port = freePort();
        engine = new SipEngine(SipAccount.builder("sip:gateway@xmpp.example.org").outboundProxy(peer.proxyUri())
                .stateDirectory(state).build(), SipSettings.builder().listenPort(port).build(), null);
        engine.startUnregistered();
        engine.startUnregistered(); // idempotent

        Subscription s = engine.subscribe(SubscriptionRequest.builder("sip:alice@example.com", "presence")
                .from("sip:romeo@xmpp.example.org").build(), null);
        s.start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals("sip:romeo@xmpp.example.org",
                ((FromHeader) sub.getHeader(FromHeader.NAME)).getAddress().getURI().toString());
        assertEquals("sip:alice@example.com", ((ToHeader) sub.getHeader(ToHeader.NAME)).getAddress().getURI().toString());
        assertEquals(port, ((ViaHeader) sub.getHeader(ViaHeader.NAME)).getPort());
        assertTrue(peer.received("REGISTER").isEmpty(), "no REGISTER");
        assertEquals(RegistrationState.UNREGISTERED, engine.registration().state());
        s.end().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aTakenPortFailsTheStart() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            engine = new SipEngine(SipAccount.builder("sip:gateway@xmpp.example.org").outboundProxy(peer.proxyUri())
                    .stateDirectory(state).build(), SipSettings.builder().listenPort(taken.getLocalPort()).build(), null);
            assertThrows(SipTransportException.class, engine::startUnregistered);
        }
    }

    @Test
    void theFromIdentityMustBeASipUri() {
        SubscriptionRequest.Builder b = SubscriptionRequest.builder("sip:alice@example.com", "presence");
        assertThrows(IllegalArgumentException.class, () -> b.from("xmpp:romeo@xmpp.example.org"));
        assertEquals("sip:romeo@xmpp.example.org", b.from("sip:romeo@xmpp.example.org").build().from().orElseThrow());
        assertEquals("sip:romeo@xmpp.example.org",
                b.build().toBuilder().build().from().orElseThrow(), "toBuilder keeps it");
        assertThrows(IllegalArgumentException.class, () -> SipSettings.builder().listenPort(70000));
    }
}
