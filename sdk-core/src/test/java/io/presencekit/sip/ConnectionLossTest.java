package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gov.nist.javax.sip.message.SIPMessage;
import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A dead flow to the next hop is noticed without any request failing (RFC 5626, section 4.4.1
 * keep-alives and the connection watch), and the registration comes back over a new connection.
 * Real time: the flow checks measure the network.
 */
class ConnectionLossTest {
    private static final Duration WAIT = Duration.ofSeconds(15);
    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    private final List<String> events = new CopyOnWriteArrayList<>();
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

    private SipEngine engine(SipSettings settings) {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        SipAccount account = SipAccount.builder("sip:bob@example.com").password("secret".toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).build();
        engine = new SipEngine(account, settings, new SipEngineListener() {
            @Override
            public void registrationChanged(RegistrationState s, RegistrationInfo info, SipException error) {
                events.add(s.toString());
            }

            @Override
            public void connectionDegraded(String reason) {
                events.add("degraded");
            }

            @Override
            public void connectionRestored() {
                events.add("restored");
            }
        });
        return engine;
    }

    private void await(String event, int count) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (events.stream().filter(event::equals).count() < count) {
            if (System.nanoTime() > end) {
                throw new TimeoutException("no " + event + " #" + count + " in " + events);
            }
            Thread.sleep(20);
        }
    }

    @Test
    void aConnectionClosedByTheServerIsNoticedAndTheRegistrationReturnsOverANewOne() throws Exception {
        engine(SipSettings.builder().keepAliveInterval(Duration.ZERO).build()).start().get(10, TimeUnit.SECONDS);
        Request first = peer.awaitRequest("REGISTER", WAIT);
        Thread.sleep(1500); // the once-a-second watch has seen the flow
        peer.closeConnection();

        await("degraded", 1);
        Request again = peer.awaitRequest("REGISTER", WAIT);
        await("restored", 1);
        assertNotEquals(((SIPMessage) first).getPeerPacketSourcePort(), ((SIPMessage) again).getPeerPacketSourcePort(),
                "the new REGISTER comes over a new connection");
        assertEquals(RegistrationState.REGISTERED, engine.registration().state());
    }

    @Test
    void keepAlivesKeepTheFlowAndAPeerThatWentAwayIsALoss() throws Exception {
        engine(SipSettings.builder().keepAliveInterval(Duration.ofSeconds(1)).build()).start().get(10, TimeUnit.SECONDS);
        // several keep-alives go out over the registration's flow, which stays
        Thread.sleep(4000);
        assertTrue(events.stream().noneMatch("degraded"::equals), events.toString());
        assertEquals(1, peer.received("REGISTER").size());

        peer.close(); // the peer goes away with its connection
        await("degraded", 1);
        assertTrue(engine.core().monitor.isDegraded() || events.contains("restored"));
    }
}
