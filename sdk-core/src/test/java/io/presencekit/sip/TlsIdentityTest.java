package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.sip.testing.TestCertificates;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The TLS server identity check of RFC 5922, section 7, against a scripted TLS peer. */
class TlsIdentityTest {
    @TempDir
    Path dir;

    private void register(TestCertificates cert, SipSettings.Builder settings) throws Exception {
        try (ScriptedSipPeer peer = ScriptedSipPeer.tls(cert.keyStore(), cert.password());
                SipEngine engine = new SipEngine(SipAccount.builder("sip:bob@example.com")
                        .password("secret".toCharArray()).outboundProxy(peer.proxyUri()).stateDirectory(dir).build(),
                        settings.trustStore(cert.trustStore()).requestTimeout(Duration.ofSeconds(10)).build(), null)) {
            peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
            engine.start().get(15, TimeUnit.SECONDS);
            assertEquals(RegistrationState.REGISTERED, engine.registration().state());
        }
    }

    @Test
    void certificateNamingTheIpAddressIsAccepted() throws Exception {
        register(TestCertificates.generate(dir, "CN=example.com", "SAN=ip:127.0.0.1,dns:localhost"),
                SipSettings.builder());
    }

    @Test
    void certificateForAnotherHostFailsTheRequest() {
        TestCertificates other = TestCertificates.generate(dir, "CN=127.0.0.1", "SAN=dns:other.example.org");
        ExecutionException e = assertThrows(ExecutionException.class, () -> register(other, SipSettings.builder()));
        SipTransportException t = assertInstanceOf(SipTransportException.class, e.getCause());
        assertTrue(t.getMessage().contains("identity"), t.getMessage());
    }

    @Test
    void commonNameCountsOnlyWithoutSubjectAltNames() throws Exception {
        register(TestCertificates.generate(dir, "CN=127.0.0.1", null), SipSettings.builder());
    }

    @Test
    void verificationCanBeTurnedOffExplicitly() throws Exception {
        register(TestCertificates.generate(dir, "CN=x", "SAN=dns:other.example.org"),
                SipSettings.builder().disableHostnameVerificationInsecure());
    }
}
