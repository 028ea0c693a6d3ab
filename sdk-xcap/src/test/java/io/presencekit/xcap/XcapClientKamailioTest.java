package io.presencekit.xcap;

import static io.presencekit.xcap.Futures.await;
import static io.presencekit.xcap.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.testing.XcapTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Talking to a server that behaves as Kamailio's xcap_server does (see the harness notes). */
class XcapClientKamailioTest {
    private static final String PATH = "resource-lists/users/sip:alice@example.com/index";
    private static final String LISTS = "application/resource-lists+xml";
    private static final byte[] DOC = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"friends\"/></resource-lists>")
            .getBytes(StandardCharsets.UTF_8);

    private XcapTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = XcapTestServer.start(XcapTestServer.Flavor.KAMAILIO).requireDigest("example.com", "alice", "pw");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private XcapClient client(XcapCompatibility compatibility) {
        return XcapClient.builder(server.root()).credentials("alice", "pw".toCharArray())
                .compatibility(compatibility).build();
    }

    private XcapUri lists(XcapClient c) {
        return c.uri().auid("resource-lists").user("sip:alice@example.com").document("index").build();
    }

    @Test
    void createOnlyIsWrittenQuotedForKamailioAndHolds() {
        try (XcapClient c = client(XcapCompatibility.KAMAILIO)) {
            XcapResponse created = await(c.put(lists(c), LISTS, DOC, Precondition.createOnly()));
            assertEquals(200, created.status(), "Kamailio answers 200 to a create");
            assertEquals("\"*\"", server.lastRequest().header("If-None-Match"));
            XcapPreconditionFailedException e = failure(c.put(lists(c), LISTS, DOC, Precondition.createOnly()),
                    XcapPreconditionFailedException.class);
            assertEquals(412, e.status());
            assertEquals(200, await(c.put(lists(c), LISTS, DOC, Precondition.ifExists())).status());
            assertEquals("\"*\"", server.lastRequest().header("If-Match"));
        }
    }

    @Test
    void theUnquotedWildcardIsIgnoredByKamailioWhichIsWhyTheSettingExists() {
        try (XcapClient c = client(XcapCompatibility.STANDARD)) {
            server.store(PATH, LISTS, "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"/>");
            XcapResponse overwritten = await(c.put(lists(c), LISTS, DOC, Precondition.createOnly()));
            assertEquals(200, overwritten.status());
            assertEquals("*", server.lastRequest().header("If-None-Match"));
            assertTrue(server.document(PATH).contains("friends"), "the create-only PUT overwrote the document");
            failure(c.put(lists(c), LISTS, DOC, Precondition.ifExists()), XcapPreconditionFailedException.class);
        }
    }

    @Test
    void strayHeadersAndClosedConnectionsAreHandled() {
        try (XcapClient c = client(XcapCompatibility.KAMAILIO)) {
            String etag = null;
            for (int i = 0; i < 5; i++) {
                XcapResponse r = await(c.put(lists(c), LISTS, DOC, etag == null ? Precondition.none()
                        : Precondition.ifMatch(etag)));
                etag = r.etag().orElseThrow();
                assertTrue(etag.startsWith("\"sr-"), etag);
                assertEquals(Optional.of("SIP/2.0/TCP 127.0.0.1:5060"), r.header("Sia"));
                assertEquals(Optional.of("close"), r.header("Connection"));
            }
            assertEquals(1, server.challenges(), "the Digest state outlives the connections");
            for (XcapTestServer.Recorded r : server.requests()) {
                if (r.method().equals("PUT")) {
                    assertEquals(String.valueOf(DOC.length), r.header("Content-Length"));
                }
            }
        }
    }

    @Test
    void aBodyThatIsNotWellFormedIsA500WithoutReport() {
        try (XcapClient c = client(XcapCompatibility.KAMAILIO)) {
            XcapException e = failure(c.put(lists(c), LISTS, "<resource-lists".getBytes(StandardCharsets.UTF_8)),
                    XcapException.class);
            assertEquals(500, e.status());
            assertEquals(XcapException.class, e.getClass());
            assertEquals(Optional.empty(), e.xcapError());
        }
    }
}
