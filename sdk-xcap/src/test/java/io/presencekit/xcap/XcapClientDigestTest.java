package io.presencekit.xcap;

import static io.presencekit.xcap.Futures.await;
import static io.presencekit.xcap.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.testing.XcapTestServer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** HTTP Digest (RFC 7616, MD5 with qop=auth) against a server that verifies every response. */
class XcapClientDigestTest {
    private static final String REALM = "example.com";
    private static final String USER = "alice";
    private static final String PASSWORD = "wonder-land-42";
    private static final String DOC = "<?xml version=\"1.0\"?><ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"/>";

    private XcapTestServer server;
    private XcapClient client;

    @BeforeEach
    void start() throws Exception {
        server = XcapTestServer.start(XcapTestServer.Flavor.RFC).requireDigest(REALM, USER, PASSWORD);
    }

    @AfterEach
    void stop() {
        if (client != null) {
            client.close();
        }
        server.close();
    }

    private XcapClient client(String password) {
        client = XcapClient.builder(server.root()).credentials(USER, password.toCharArray()).build();
        return client;
    }

    private XcapUri doc(String auid) {
        return XcapUri.builder(server.root()).auid(auid).user("sip:alice@example.com").document("index").build();
    }

    @Test
    void answersTheChallengeOnceAndReusesItOnOtherPaths() {
        XcapClient c = client(PASSWORD);
        server.store("pres-rules/users/sip:alice@example.com/index", "application/auth-policy+xml", DOC);
        assertEquals(200, await(c.get(doc("pres-rules"))).status());
        assertEquals(1, server.challenges());
        // a sibling path and another method: no second 401
        assertEquals(201, await(c.put(doc("pidf-manipulation"), "application/pidf+xml",
                "<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:alice@example.com'/>"
                        .getBytes(StandardCharsets.UTF_8))).status());
        assertEquals(200, await(c.get(doc("pres-rules"))).status());
        assertEquals(200, await(c.delete(doc("pidf-manipulation"))).status());
        assertEquals(1, server.challenges(), "one challenge for the whole session");
        assertEquals(4, server.authorized());
        assertEquals(5, server.requests().size());
    }

    @Test
    void theBodyOfAChallengedPutIsSentAgain() {
        XcapClient c = client(PASSWORD);
        byte[] body = DOC.getBytes(StandardCharsets.UTF_8);
        assertEquals(201, await(c.put(doc("pres-rules"), "application/auth-policy+xml", body)).status());
        List<XcapTestServer.Recorded> seen = server.requests();
        assertEquals(401, seen.get(0).status());
        assertNull(seen.get(0).header("Authorization"));
        assertEquals(201, seen.get(1).status());
        assertTrue(seen.get(1).header("Authorization").startsWith("Digest "));
        assertEquals(DOC, server.document("pres-rules/users/sip:alice@example.com/index"));
    }

    @Test
    void aWrongPasswordGivesAClearAuthenticationError() {
        XcapClient c = client("not-the-password");
        XcapAuthenticationException e = failure(c.get(doc("pres-rules")), XcapAuthenticationException.class);
        assertEquals(401, e.status());
        assertTrue(e.getMessage().contains("refused the credentials of user 'alice'"), e.getMessage());
        assertTrue(e.getMessage().contains(REALM), e.getMessage());
        assertFalse(e.getMessage().contains("not-the-password"));
        assertEquals(2, server.requests().size(), "one challenge, one attempt, no loop");
    }

    @Test
    void withoutCredentialsTheErrorSaysSo() {
        client = XcapClient.builder(server.root()).build();
        XcapAuthenticationException e = failure(client.get(doc("pres-rules")), XcapAuthenticationException.class);
        assertTrue(e.getMessage().contains("no credentials are configured"), e.getMessage());
    }

    @Test
    void aStaleNonceIsRenewedWithoutTheCaller() {
        XcapClient c = client(PASSWORD);
        server.store("pres-rules/users/sip:alice@example.com/index", "application/auth-policy+xml", DOC);
        await(c.get(doc("pres-rules")));
        server.expireNonces();
        assertEquals(200, await(c.get(doc("pres-rules"))).status());
        assertEquals(200, await(c.get(doc("pres-rules"))).status());
        assertEquals(2, server.challenges());
        assertTrue(server.requests().get(2).status() == 401, "the stale nonce was refused once");
    }

    @Test
    void concurrentRequestsShareTheDigestStateWithoutReplays() {
        XcapClient c = client(PASSWORD);
        server.store("pres-rules/users/sip:alice@example.com/index", "application/auth-policy+xml", DOC);
        await(c.get(doc("pres-rules")));
        List<CompletableFuture<XcapResponse>> all = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            all.add(c.get(doc("pres-rules")));
        }
        for (CompletableFuture<XcapResponse> f : all) {
            assertEquals(200, await(f).status());
        }
        assertEquals(1, server.challenges(), "every request reused the nonce with its own count");
        assertEquals(25, server.authorized());
    }

    @Test
    void aServerAskingForBasicNeverGetsThePassword() throws Exception {
        server.close();
        server = XcapTestServer.start(XcapTestServer.Flavor.RFC).requireBasicOnly(REALM);
        XcapClient c = client(PASSWORD);
        XcapAuthenticationException e = failure(c.get(doc("pres-rules")), XcapAuthenticationException.class);
        assertTrue(e.getMessage().contains("Basic"), e.getMessage());
        assertTrue(e.getMessage().contains("never Basic"), e.getMessage());
        for (XcapTestServer.Recorded r : server.requests()) {
            assertNull(r.header("Authorization"), "no Authorization header of any kind");
        }
        assertEquals(1, server.requests().size());
    }
}
