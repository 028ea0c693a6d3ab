package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.sip.testing.VirtualScheduler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The registration usage against a scripted server, with virtual time. */
class RegistrationTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    private final VirtualScheduler time = new VirtualScheduler();
    private final List<String> events = new CopyOnWriteArrayList<>();
    @TempDir
    Path state;
    private SipEngine engine;

    private SipEngine engine(String password) {
        SipAccount account = SipAccount.builder("sip:bob@example.com").password(password.toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).build();
        SipSettings settings = SipSettings.builder().clock(time.clock()).scheduler(time).build();
        engine = new SipEngine(account, settings, new SipEngineListener() {
            @Override
            public void registrationChanged(RegistrationState s, RegistrationInfo info, SipException error) {
                events.add(s + (error == null ? "" : ":" + error.status()));
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

    @AfterEach
    void close() {
        if (engine != null) {
            engine.closeNow();
        }
        peer.close();
    }

    private void start(SipEngine e) throws Exception {
        e.start().get(10, TimeUnit.SECONDS);
    }

    @Test
    void registerAsksForGruuAndCapturesBothGruus() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        start(engine("secret"));
        Request reg = peer.received("REGISTER").get(0);
        assertTrue(reg.getHeader("Supported").toString().contains("gruu") || reg.toString().contains("Supported: gruu"));
        ContactHeader contact = (ContactHeader) reg.getHeader(ContactHeader.NAME);
        assertEquals("<" + engine.account().instanceId() + ">", contact.getParameter("+sip.instance").replace("\"", ""));
        assertTrue(reg.toString().contains("+sip.instance=\"<urn:uuid:"), reg.toString());
        assertTrue(contact.getAddress().getURI().toString().endsWith(";transport=tcp"));
        assertTrue(((ViaHeader) reg.getHeader(ViaHeader.NAME)).toString().contains(";alias"));
        RegistrationInfo info = engine.registration().info().orElseThrow();
        assertEquals("sip:bob@example.com;gr=" + engine.account().instanceId(), info.pubGruu());
        assertTrue(info.temporaryGruu().orElseThrow().endsWith(";gr"));
        assertEquals(Duration.ofSeconds(600), info.expires());
        assertEquals(List.of("REGISTERING", "REGISTERED"), events);
    }

    @Test
    void refreshFiresThirtySecondsBeforeExpiry() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        start(engine("secret"));
        assertEquals(Duration.ofSeconds(570), time.nextDue());
        time.advance(Duration.ofSeconds(569));
        assertEquals(1, peer.received("REGISTER").size());
        time.advance(Duration.ofSeconds(1));
        peer.awaitRequest("REGISTER", WAIT);
        peer.awaitRequest("REGISTER", WAIT);
    }

    @Test
    void intervalTooBriefAdoptsMinExpires() throws Exception {
        peer.on("REGISTER", Reply.status(423, "Min-Expires: 1200"), Reply.registrar(Duration.ofSeconds(1200)));
        start(engine("secret"));
        List<Request> regs = peer.received("REGISTER");
        assertEquals(600, regs.get(0).getExpires().getExpires());
        assertEquals(1200, regs.get(1).getExpires().getExpires());
        assertEquals(Duration.ofSeconds(1200), engine.registration().info().orElseThrow().expires());
    }

    @Test
    void answers401WithMd5AndReusesTheNonceWithIncrementingCount() throws Exception {
        peer.requireDigest("bob", "secret", "example.com", "MD5", false)
                .on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        start(engine("secret"));
        time.advance(Duration.ofSeconds(570));
        peer.awaitRequest("REGISTER", WAIT);
        peer.awaitRequest("REGISTER", WAIT);
        peer.awaitRequest("REGISTER", WAIT);
        List<Request> regs = peer.received("REGISTER");
        assertNull(regs.get(0).getHeader(AuthorizationHeader.NAME));
        AuthorizationHeader first = (AuthorizationHeader) regs.get(1).getHeader(AuthorizationHeader.NAME);
        AuthorizationHeader refresh = (AuthorizationHeader) regs.get(2).getHeader(AuthorizationHeader.NAME);
        assertEquals("auth", first.getQop());
        assertEquals(1, first.getNonceCount());
        assertEquals(first.getNonce(), refresh.getNonce());
        assertEquals(2, refresh.getNonceCount());
        assertTrue(regs.get(1).getHeader("CSeq").toString().contains("2 REGISTER")
                || !regs.get(0).getHeader("CSeq").equals(regs.get(1).getHeader("CSeq")));
        assertFalse(((ViaHeader) regs.get(0).getHeader(ViaHeader.NAME)).getBranch()
                .equals(((ViaHeader) regs.get(1).getHeader(ViaHeader.NAME)).getBranch()));
    }

    @Test
    void answers407WithSha256() throws Exception {
        peer.requireDigest("bob", "secret", "example.com", "SHA-256", true)
                .on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        start(engine("secret"));
        ProxyAuthorizationHeader h = (ProxyAuthorizationHeader) peer.received("REGISTER").get(1)
                .getHeader(ProxyAuthorizationHeader.NAME);
        assertEquals("SHA-256", h.getAlgorithm());
        assertEquals(64, h.getResponse().length());
    }

    @Test
    void staleNonceIsRetriedWithoutFailing() throws Exception {
        peer.requireDigest("bob", "secret", "example.com", "MD5", false)
                .on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        start(engine("secret"));
        peer.rotateNonce();
        time.advance(Duration.ofSeconds(570));
        for (int i = 0; i < 4; i++) {
            peer.awaitRequest("REGISTER", WAIT);
        }
        awaitState(RegistrationState.REGISTERED, 2);
        List<Request> regs = peer.received("REGISTER");
        String oldNonce = ((AuthorizationHeader) regs.get(2).getHeader(AuthorizationHeader.NAME)).getNonce();
        String newNonce = ((AuthorizationHeader) regs.get(3).getHeader(AuthorizationHeader.NAME)).getNonce();
        assertFalse(oldNonce.equals(newNonce), "the retry uses the new nonce");
        assertFalse(events.stream().anyMatch(e -> e.startsWith("FAILED") || e.startsWith("AUTH")), events.toString());
    }

    @Test
    void wrongPasswordFailsWithAuthenticationException() {
        peer.requireDigest("bob", "secret", "example.com", "MD5", false);
        ExecutionException e = assertThrows(ExecutionException.class, () -> start(engine("wrong")));
        SipAuthenticationException auth = assertInstanceOf(SipAuthenticationException.class, e.getCause());
        assertEquals(401, auth.status());
        assertEquals(RegistrationState.AUTHENTICATION_FAILED, engine.registration().state());
        assertNull(time.nextDue(), "no retry after an authentication failure");
    }

    @Test
    void serviceUnavailableWithRetryAfterRetriesAfterThatDelay() throws Exception {
        peer.on("REGISTER", Reply.status(503, "Retry-After: 120"), Reply.registrar(Duration.ofSeconds(600)));
        ExecutionException e = assertThrows(ExecutionException.class, () -> start(engine("secret")));
        SipException failure = assertInstanceOf(SipException.class, e.getCause());
        assertEquals(503, failure.status());
        assertEquals(Duration.ofSeconds(120), failure.retryAfter().orElseThrow());
        time.awaitPending(1, WAIT);
        assertEquals(Duration.ofSeconds(120), time.nextDue());
        time.advance(Duration.ofSeconds(120));
        awaitState(RegistrationState.REGISTERED, 1);
        assertEquals(2, peer.received("REGISTER").size());
    }

    @Test
    void requestTimeoutFailsWithTimeoutException() throws Exception {
        peer.on("REGISTER", Reply.silence());
        var started = engine("secret").start();
        peer.awaitRequest("REGISTER", WAIT);
        time.awaitPending(1, WAIT);
        time.advance(Duration.ofSeconds(32));
        ExecutionException e = assertThrows(ExecutionException.class, () -> started.get(10, TimeUnit.SECONDS));
        assertInstanceOf(SipTimeoutException.class, e.getCause());
    }

    @Test
    void closeUnregisters() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
        start(engine("secret"));
        engine.close();
        Request last = peer.received("REGISTER").get(peer.received("REGISTER").size() - 1);
        assertEquals(0, last.getExpires().getExpires());
        assertEquals(RegistrationState.UNREGISTERED, engine.registration().state());
    }

    private void awaitState(RegistrationState s, int count) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (events.stream().filter(e -> e.equals(s.name())).count() < count && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(events.stream().filter(e -> e.equals(s.name())).count() >= count, events.toString());
    }

    @Test
    void unansweredRefreshIsReportedAndRegistrationComesBack() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(600)), Reply.silence(),
                Reply.registrar(Duration.ofSeconds(600)));
        start(engine("secret"));
        time.advance(Duration.ofSeconds(570));
        peer.awaitRequest("REGISTER", WAIT);
        peer.awaitRequest("REGISTER", WAIT);
        time.awaitPending(1, WAIT);
        time.advance(Duration.ofSeconds(32));
        awaitEvent("FAILED:0");
        assertTrue(events.contains("degraded"), events.toString());
        time.awaitPending(1, WAIT);
        time.advance(time.nextDue());
        awaitState(RegistrationState.REGISTERED, 2);
        awaitEvent("restored");
        assertEquals(3, peer.received("REGISTER").size());
    }

    private void awaitEvent(String event) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!events.contains(event) && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertTrue(events.contains(event), events.toString());
    }
}
