package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.testing.PemTrust;
import io.presencekit.testing.Interop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Recovery from a restarted server (interop/kamailio/NOTES.md, "Restart in place"): the engine
 * notices the dead flow by itself, reports it degraded, re-registers over a new connection and
 * reports it restored, with no request of the application failing first.
 *
 * <p>This class restarts the Kamailio given by the environment, so it needs a server the test run
 * owns ({@code Interop.Server.restart} refuses otherwise). Surefire runs test classes one after the
 * other, and every test here returns only once the server answers again, so the classes before
 * and after it see a working server; the registrations they leave in usrloc survive (db_mode 1).
 */
@Tag(Interop.TAG)
class ConnectionRecoveryInteropTest {
    private static final Duration RECOVERY = Duration.ofSeconds(20);
    private final Interop.Server server = Interop.server();
    private final List<String> events = new CopyOnWriteArrayList<>();
    @TempDir
    Path state;

    private SipEngine engine(Transport t) {
        var hop = t == Transport.TLS ? server.sipTls() : server.sip();
        SipAccount account = SipAccount.builder(server.aor("alice")).password(server.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=" + t.token())
                .stateDirectory(state).build();
        SipSettings settings = SipSettings.builder().trustStore(PemTrust.keyStore(server.tlsCertificate()))
                .requestTimeout(Duration.ofSeconds(10)).build();
        return new SipEngine(account, settings, new SipEngineListener() {
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
    }

    /** Waits until {@code event} follows the first "degraded", within {@link #RECOVERY} of the restart. */
    private void awaitAfterLoss(String event, long deadline) throws Exception {
        while (true) {
            int lost = events.indexOf("degraded");
            if (lost >= 0 && events.subList(lost, events.size()).contains(event)) {
                return;
            }
            if (System.nanoTime() > deadline) {
                throw new TimeoutException("no " + event + " after the loss within " + RECOVERY + ": " + events);
            }
            Thread.sleep(50);
        }
    }

    private void recoversFromRestart(Transport t, boolean crash) throws Exception {
        try (SipEngine engine = engine(t)) {
            engine.start().get(15, TimeUnit.SECONDS);
            String contact = engine.registration().info().orElseThrow().contact();
            Thread.sleep(1500); // the connection watch has seen the flow
            events.clear();

            server.restart(crash);
            long deadline = System.nanoTime() + RECOVERY.toNanos();
            awaitAfterLoss("degraded", deadline);
            awaitAfterLoss("REGISTERED", deadline);
            awaitAfterLoss("restored", deadline);
            assertEquals(RegistrationState.REGISTERED, engine.registration().state());
            assertTrue(KamailioRpc.userLocations(server).contains(contact), "alice bound in usrloc again");
        }
    }

    @Test
    void aCrashedServerIsNoticedAndAliceRegistersAgainOverTcp() throws Exception {
        recoversFromRestart(Transport.TCP, true);
    }

    @Test
    void aCrashedServerIsNoticedAndAliceRegistersAgainOverTls() throws Exception {
        recoversFromRestart(Transport.TLS, true);
    }

    @Test
    void aCleanRestartIsNoticedAndAliceRegistersAgain() throws Exception {
        recoversFromRestart(Transport.TCP, false);
    }

    @Test
    void keepAlivesDoNotDisturbARegisteredFlow() throws Exception {
        var hop = server.sip();
        SipAccount account = SipAccount.builder(server.aor("alice")).password(server.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=tcp")
                .stateDirectory(state).build();
        try (SipEngine engine = new SipEngine(account, SipSettings.builder().keepAliveInterval(Duration.ofSeconds(1))
                .build(), new SipEngineListener() {
                    @Override
                    public void connectionDegraded(String reason) {
                        events.add("degraded:" + reason);
                    }
                })) {
            engine.start().get(15, TimeUnit.SECONDS);
            Thread.sleep(5000); // about five double-CRLF keep-alives, each answered by Kamailio with a CRLF
            assertEquals(List.of(), events);
            assertEquals(RegistrationState.REGISTERED, engine.registration().state());
        }
    }
}
