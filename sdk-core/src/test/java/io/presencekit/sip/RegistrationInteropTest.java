package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.testing.PemTrust;
import io.presencekit.testing.Interop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Registration with GRUU against the project's Kamailio (interop/kamailio/NOTES.md, "Registrar"). */
@Tag(Interop.TAG)
class RegistrationInteropTest {
    private final Interop.Server server = Interop.server();
    @TempDir
    Path state;

    private SipEngine engine(String user, String password, Transport t) {
        var hop = t == Transport.TLS ? server.sipTls() : server.sip();
        SipAccount account = SipAccount.builder(server.aor(user)).password(password.toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=" + t.token())
                .stateDirectory(state).build();
        SipSettings settings = SipSettings.builder().trustStore(PemTrust.keyStore(server.tlsCertificate()))
                .requestTimeout(Duration.ofSeconds(10)).trace(true).build();
        return new SipEngine(account, settings, null);
    }

    @Test
    void registersWithGruuOverTcpAndUnregistersOnClose() throws Exception {
        SipEngine engine = engine("bob", server.password(), Transport.TCP);
        String contact;
        try {
            engine.start().get(15, TimeUnit.SECONDS);
            RegistrationInfo info = engine.registration().info().orElseThrow();
            assertTrue(info.publicGruu().orElseThrow().startsWith("sip:bob@example.com;gr=urn:uuid:"), info.toString());
            assertTrue(info.temporaryGruu().isPresent(), info.toString());
            assertTrue(info.publicGruu().get().contains(engine.account().instanceId().substring(9)));
            contact = info.contact();
            assertTrue(KamailioRpc.userLocations(server).contains(contact), "bound in usrloc");
        } finally {
            engine.close();
        }
        assertEquals(RegistrationState.UNREGISTERED, engine.registration().state());
        assertFalse(KamailioRpc.userLocations(server).contains(contact), "removed from usrloc");
    }

    @Test
    void registersWithGruuOverTlsWithHostnameVerification() throws Exception {
        try (SipEngine engine = engine("alice", server.password(), Transport.TLS)) {
            engine.start().get(15, TimeUnit.SECONDS);
            RegistrationInfo info = engine.registration().info().orElseThrow();
            assertTrue(info.publicGruu().isPresent() && info.temporaryGruu().isPresent(), info.toString());
            assertTrue(info.contact().endsWith(";transport=tls"), info.contact());
        }
    }

    @Test
    void wrongPasswordFailsWithAuthenticationException() {
        try (SipEngine engine = engine("carol", "not-the-password", Transport.TCP)) {
            CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
                    () -> engine.start().join());
            SipAuthenticationException auth = assertInstanceOf(SipAuthenticationException.class, e.getCause());
            assertEquals(401, auth.status());
            assertTrue(auth.getMessage().contains("rejected our credentials"), auth.getMessage());
            assertEquals(RegistrationState.AUTHENTICATION_FAILED, engine.registration().state());
        }
    }
}
