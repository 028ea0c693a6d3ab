package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.internal.SipCore;
import io.presencekit.sip.testing.PemTrust;
import io.presencekit.testing.Interop;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * RFC 5923 connection reuse against the project's Kamailio: the client has no server certificate,
 * so a NOTIFY can only reach it over the TLS connection it opened itself. The Via {@code ;alias}
 * plus {@code tcp_accept_aliases=yes} make Kamailio find that connection under our Contact.
 */
@Tag(Interop.TAG)
class ConnectionReuseInteropTest {
    private final Interop.Server server = Interop.server();
    @TempDir
    Path state;

    @Test
    void notifyComesBackOverTheClientsOwnTlsConnection() throws Exception {
        var hop = server.sipTls();
        SipAccount account = SipAccount.builder(server.aor("alice")).password(server.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=tls")
                .stateDirectory(state).build();
        SipSettings settings = SipSettings.builder().trustStore(PemTrust.keyStore(server.tlsCertificate()))
                .requestTimeout(Duration.ofSeconds(10)).build();
        try (SipEngine engine = new SipEngine(account, settings, null)) {
            engine.start().get(15, TimeUnit.SECONDS);
            SipCore core = engine.core();
            Request subscribe = core.newRequest(Request.SUBSCRIBE, server.aor("bob"), server.aor("bob"));
            subscribe.addHeader(core.runtime.headerFactory().createEventHeader("presence"));
            subscribe.addHeader(core.runtime.headerFactory().createExpiresHeader(60));
            subscribe.addHeader(core.runtime.headerFactory().createAcceptHeader("application", "pidf+xml"));
            String callId = ((CallIdHeader) subscribe.getHeader(CallIdHeader.NAME)).getCallId();
            String tag = ((FromHeader) subscribe.getHeader(FromHeader.NAME)).getTag();
            CompletableFuture<Request> notify = new CompletableFuture<>();
            CompletableFuture<Void> registered = new CompletableFuture<>();
            core.loop.execute(() -> {
                core.router.onDialog(callId, tag, in -> {
                    in.respond(200);
                    notify.complete(in.request());
                });
                registered.complete(null);
            });
            registered.get(5, TimeUnit.SECONDS);

            Response ok = core.sender.send(subscribe).get(15, TimeUnit.SECONDS);
            assertTrue(ok.getStatusCode() == 200 || ok.getStatusCode() == 202, ok.toString());
            Request n = notify.get(15, TimeUnit.SECONDS);
            assertEquals(Request.NOTIFY, n.getMethod());
            assertTrue(n.toString().startsWith("NOTIFY") && n.getHeader("Via").toString().contains("TLS"),
                    n.toString());
            assertTrue(n.getHeader(SubscriptionStateHeader.NAME) != null);
        }
    }
}
