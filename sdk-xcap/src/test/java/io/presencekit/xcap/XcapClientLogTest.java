package io.presencekit.xcap;

import static io.presencekit.xcap.Futures.await;
import static io.presencekit.xcap.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.testing.XcapTestServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The client's logging, at DEBUG, never shows the password or what is derived from it. */
class XcapClientLogTest {
    private static final String PASSWORD = "Pw-never-logged-7731";

    @Test
    void debugLogsNameRequestsButNoCredentials() throws Exception {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream original = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try (XcapTestServer server = XcapTestServer.start(XcapTestServer.Flavor.RFC)
                .requireDigest("example.com", "alice", PASSWORD)) {
            try (XcapClient good = XcapClient.builder(server.root()).credentials("alice", PASSWORD.toCharArray())
                    .build()) {
                XcapUri uri = good.uri().auid("pres-rules").user("sip:alice@example.com").document("index").build();
                await(good.put(uri, "application/auth-policy+xml",
                        "<ruleset xmlns='urn:ietf:params:xml:ns:common-policy'/>".getBytes(StandardCharsets.UTF_8)));
                await(good.get(uri));
            }
            try (XcapClient bad = XcapClient.builder(server.root())
                    .credentials("alice", (PASSWORD + "-typo").toCharArray()).build()) {
                failure(bad.get(bad.uri().auid("pres-rules").user("sip:alice@example.com").document("index").build()),
                        XcapAuthenticationException.class);
            }
        } finally {
            System.setErr(original);
        }
        String log = captured.toString(StandardCharsets.UTF_8);
        assertTrue(log.contains("PUT http://127.0.0.1:") && log.contains("-> 201"), "the DEBUG lines were captured:\n" + log);
        assertTrue(log.contains("-> 401"), log);
        assertFalse(log.contains(PASSWORD), log);
        assertFalse(log.contains("Authorization"), log);
        assertFalse(log.contains("response=\""), log);
        assertFalse(log.contains("cnonce"), log);
    }
}
