package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.presencekit.sip.internal.SipCore;
import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two engines talking directly on loopback, no server between them: engine A subscribes to
 * engine B's presence notifier (RFC 6665) with a raw SUBSCRIBE routed straight to B; B accepts and
 * ends it. Both only register at a scripted registrar, which never sees the subscription.
 */
class PeerToPeerNotifierTest {
    private final ScriptedSipPeer registrar = ScriptedSipPeer.tcp();
    @TempDir
    Path stateA;
    @TempDir
    Path stateB;
    private SipEngine a;
    private SipEngine b;

    @AfterEach
    void close() {
        for (SipEngine e : new SipEngine[] {a, b}) {
            if (e != null) {
                e.closeNow();
            }
        }
        registrar.close();
    }

    private SipEngine engine(String aor, Path state) throws Exception {
        SipEngine e = new SipEngine(SipAccount.builder(aor).password("secret".toCharArray())
                .outboundProxy(registrar.proxyUri()).stateDirectory(state).build(), SipSettings.DEFAULT, null);
        e.start().get(10, TimeUnit.SECONDS);
        return e;
    }

    @Test
    void anEngineSubscribesToAnotherEnginesNotifierDirectly() throws Exception {
        registrar.on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        a = engine("sip:alice@example.com", stateA);
        b = engine("sip:bob@example.com", stateB);
        byte[] pidf = "<presence entity='sip:bob@example.com'/>".getBytes(StandardCharsets.UTF_8);
        LinkedBlockingQueue<IncomingSubscription> incoming = new LinkedBlockingQueue<>();
        b.acceptSubscriptions("presence", s -> {
            incoming.add(s);
            s.accept("application/pidf+xml", pidf);
        });

        String bContact = b.registration().info().orElseThrow().contact();
        String aContact = a.registration().info().orElseThrow().contact();
        SipCore core = a.core();
        HeaderFactory h = core.runtime.headerFactory();
        Request subscribe = core.newRequest(Request.SUBSCRIBE, bContact, "sip:bob@example.com");
        subscribe.addHeader(h.createEventHeader("presence"));
        subscribe.addHeader(h.createExpiresHeader(600));
        subscribe.addHeader(h.createAcceptHeader("application", "pidf+xml"));
        // straight to B, and B's NOTIFYs straight back to A: there is no proxy between them
        subscribe.addHeader(h.createHeader("Route", "<" + bContact + ";lr>"));
        subscribe.addHeader(h.createHeader("Record-Route", "<" + aContact + ";lr>"));
        String callId = ((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId();
        String tag = ((FromHeader) subscribe.getHeader(FromHeader.NAME)).getTag();
        LinkedBlockingQueue<Request> notifies = new LinkedBlockingQueue<>();
        CompletableFuture<Void> routed = new CompletableFuture<>();
        core.loop.execute(() -> {
            core.router.onDialog(callId, tag, in -> {
                in.respond(200);
                notifies.add(in.request());
            });
            routed.complete(null);
        });
        routed.get(5, TimeUnit.SECONDS);

        Response ok = core.sender.send(subscribe).get(10, TimeUnit.SECONDS);
        assertEquals(200, ok.getStatusCode());
        Request active = notifies.poll(10, TimeUnit.SECONDS);
        assertEquals("active", ((SubscriptionStateHeader) active.getHeader(SubscriptionStateHeader.NAME))
                .getState().toLowerCase());
        assertArrayEquals(pidf, active.getRawContent());

        IncomingSubscription s = incoming.poll(5, TimeUnit.SECONDS);
        assertEquals("sip:alice@example.com", s.subscriber());
        s.end("noresource").get(10, TimeUnit.SECONDS);
        Request end = notifies.poll(10, TimeUnit.SECONDS);
        SubscriptionStateHeader ss = (SubscriptionStateHeader) end.getHeader(SubscriptionStateHeader.NAME);
        assertEquals("terminated", ss.getState().toLowerCase());
        assertEquals("noresource", ss.getReasonCode());
        assertEquals(0, registrar.received("SUBSCRIBE").size() + registrar.received("NOTIFY").size());
    }
}
