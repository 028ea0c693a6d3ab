package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.internal.SipCore;
import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Engine lifecycle and incoming request routing against a scripted server. */
class SipEngineTest {
    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    @TempDir
    Path state;

    @AfterEach
    void close() {
        peer.close();
    }

    private SipEngine engine() {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        return new SipEngine(SipAccount.builder("sip:alice@example.com").password("secret".toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).build(), SipSettings.DEFAULT, null);
    }

    @Test
    void closeLeavesNoThreadOfTheEngine() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        SipEngine engine = engine();
        engine.start().get(10, TimeUnit.SECONDS);
        assertTrue(Thread.getAllStackTraces().keySet().stream().anyMatch(t -> !before.contains(t)));
        engine.close();
        Set<String> left = Set.of();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < end) {
            left = Thread.getAllStackTraces().keySet().stream().filter(t -> !before.contains(t) && t.isAlive())
                    .map(Thread::getName).collect(Collectors.toSet());
            if (left.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        }
        assertEquals(Set.of(), left);
    }

    @Test
    void notifyIsRoutedToItsDialogHandlerAndOtherwiseAnswered481() throws Exception {
        peer.on("SUBSCRIBE", Reply.status(200, "Expires: 600"));
        try (SipEngine engine = engine()) {
            engine.start().get(10, TimeUnit.SECONDS);
            SipCore core = engine.core();
            Request subscribe = core.newRequest(Request.SUBSCRIBE, "sip:bob@example.com", "sip:bob@example.com");
            subscribe.addHeader(core.runtime.headerFactory().createEventHeader("presence"));
            subscribe.addHeader(core.runtime.headerFactory().createExpiresHeader(600));
            String callId = ((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId();
            String tag = ((FromHeader) subscribe.getHeader(FromHeader.NAME)).getTag();
            CompletableFuture<Request> notified = new CompletableFuture<>();
            Response ok = core.sender.send(subscribe).get(10, TimeUnit.SECONDS);
            assertEquals(200, ok.getStatusCode());

            Response unhandled = peer.sendNotify(callId, "presence", "active;expires=600", null, null)
                    .get(10, TimeUnit.SECONDS);
            assertEquals(481, unhandled.getStatusCode());

            core.loop.execute(() -> core.router.onDialog(callId, tag, in -> {
                in.respond(200);
                notified.complete(in.request());
            }));
            Response handled = peer.sendNotify(callId, "presence", "active;expires=600", "application/pidf+xml",
                    "<presence/>").get(10, TimeUnit.SECONDS);
            assertEquals(200, handled.getStatusCode());
            assertEquals("<presence/>", new String(notified.get(10, TimeUnit.SECONDS).getRawContent()));
        }
    }

    @Test
    void unhandledRequestsAreAnsweredByTheirKind() throws Exception {
        try (SipEngine engine = engine()) {
            engine.start().get(10, TimeUnit.SECONDS);
            String contact = engine.registration().info().orElseThrow().contact();
            assertEquals(405, peer.sendRequest("MESSAGE", contact).get(10, TimeUnit.SECONDS).getStatusCode());
            assertEquals(501, peer.sendRequest("FROBNICATE", contact).get(10, TimeUnit.SECONDS).getStatusCode());
            assertEquals(481, peer.sendRequest("NOTIFY", contact, "Event: presence",
                    "Subscription-State: active;expires=60").get(10, TimeUnit.SECONDS).getStatusCode());

            SipCore core = engine.core();
            CompletableFuture<Void> added = new CompletableFuture<>();
            core.loop.execute(() -> {
                core.router.onMethod("MESSAGE", null, in -> in.respond(202));
                added.complete(null);
            });
            added.get(5, TimeUnit.SECONDS);
            assertEquals(202, peer.sendRequest("MESSAGE", contact).get(10, TimeUnit.SECONDS).getStatusCode());
        }
    }
}
