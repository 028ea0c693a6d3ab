package io.presencekit.xcap;

import static io.presencekit.xcap.Futures.await;
import static io.presencekit.xcap.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.testing.XcapTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** ETags and preconditions (RFC 4825, section 7.11; RFC 7232) against the RFC-faithful test server. */
class XcapClientConditionalRequestTest {
    private static final String PATH = "resource-lists/users/sip:alice@example.com/index";
    private static final String LISTS = "application/resource-lists+xml";
    private static final String DOC = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"friends\"/></resource-lists>";

    private XcapTestServer server;
    private XcapClient client;
    private XcapUri uri;

    @BeforeEach
    void start() throws Exception {
        server = XcapTestServer.start(XcapTestServer.Flavor.RFC);
        client = XcapClient.builder(server.root()).build();
        uri = client.uri().auid("resource-lists").user("sip:alice@example.com").document("index").build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    @Test
    void getReturnsBodyEntityTagAndContentTypeExactlyAsSent() {
        String etag = server.store(PATH, LISTS, DOC);
        XcapResponse r = await(client.get(uri));
        assertEquals(200, r.status());
        assertEquals(Optional.of(etag), r.etag());
        assertEquals(Optional.of(LISTS), r.contentType());
        assertArrayEquals(DOC.getBytes(StandardCharsets.UTF_8), r.body());
        assertEquals("/xcap-root/resource-lists/users/sip:alice@example.com/index", server.lastRequest().target());
    }

    @Test
    void ifNoneMatchWithTheCurrentTagAnswers304AsANormalResult() {
        String etag = server.store(PATH, LISTS, DOC);
        XcapResponse r = await(client.get(uri, Precondition.ifNoneMatch(etag)));
        assertTrue(r.isNotModified());
        assertEquals(304, r.status());
        assertEquals(0, r.bodyLength());
        assertEquals(etag, server.lastRequest().header("If-None-Match"));

        XcapResponse changed = await(client.get(uri, Precondition.ifNoneMatch("\"something-older\"")));
        assertEquals(200, changed.status());
    }

    @Test
    void weakEntityTagsAreKeptAndSentBackUnchanged() {
        server.weakEtags();
        String etag = server.store(PATH, LISTS, DOC);
        assertTrue(etag.startsWith("W/\""));
        XcapResponse r = await(client.get(uri));
        assertEquals(Optional.of(etag), r.etag());
        assertEquals(304, await(client.get(uri, Precondition.ifNoneMatch(r.etag().orElseThrow()))).status());
        assertEquals(etag, server.lastRequest().header("If-None-Match"));
    }

    @Test
    void ifMatchWithTheCurrentTagReplacesAndYieldsTheNewTag() {
        String etag = server.store(PATH, LISTS, DOC);
        byte[] changed = DOC.replace("friends", "family").getBytes(StandardCharsets.UTF_8);
        XcapResponse r = await(client.put(uri, LISTS, changed, Precondition.ifMatch(etag)));
        assertEquals(200, r.status());
        assertNotEquals(Optional.of(etag), r.etag());
        assertEquals(server.etag(PATH), r.etag().orElseThrow());
        assertTrue(server.document(PATH).contains("family"));
    }

    @Test
    void staleIfMatchFailsWith412AndChangesNothing() {
        String old = server.store(PATH, LISTS, DOC);
        server.store(PATH, LISTS, DOC.replace("friends", "colleagues"));
        XcapPreconditionFailedException e = failure(
                client.put(uri, LISTS, DOC.getBytes(StandardCharsets.UTF_8), Precondition.ifMatch(old)),
                XcapPreconditionFailedException.class);
        assertEquals(412, e.status());
        assertTrue(e.isPreconditionFailed());
        assertEquals("PUT", e.method());
        assertEquals(uri.toString(), e.uri());
        assertTrue(server.document(PATH).contains("colleagues"));
        assertEquals(old, server.lastRequest().header("If-Match"));
    }

    @Test
    void bareEntityTagsFromDirectoryListingsAreQuoted() {
        String etag = server.store(PATH, LISTS, DOC);
        String bare = etag.substring(1, etag.length() - 1);
        XcapResponse r = await(client.get(uri, Precondition.ifNoneMatch(bare)));
        assertEquals(304, r.status());
        assertEquals(etag, server.lastRequest().header("If-None-Match"));
    }

    @Test
    void createOnlyCreatesOnceWithTheUnquotedWildcardThenFails412() {
        byte[] body = DOC.getBytes(StandardCharsets.UTF_8);
        XcapResponse created = await(client.put(uri, LISTS, body, Precondition.createOnly()));
        assertEquals(201, created.status());
        assertEquals("*", server.lastRequest().header("If-None-Match"));
        XcapPreconditionFailedException again = failure(client.put(uri, LISTS, body, Precondition.createOnly()),
                XcapPreconditionFailedException.class);
        assertEquals(412, again.status());
    }

    @Test
    void ifExistsOnlyTouchesAnExistingDocument() {
        byte[] body = DOC.getBytes(StandardCharsets.UTF_8);
        failure(client.put(uri, LISTS, body, Precondition.ifExists()), XcapPreconditionFailedException.class);
        assertNull(server.document(PATH));
        assertEquals("*", server.lastRequest().header("If-Match"));
        server.store(PATH, LISTS, DOC);
        assertEquals(200, await(client.put(uri, LISTS, body, Precondition.ifExists())).status());
    }

    @Test
    void conditionalDeleteAndMissingDocuments() {
        String etag = server.store(PATH, LISTS, DOC);
        failure(client.delete(uri, Precondition.ifMatch("\"not-it\"")), XcapPreconditionFailedException.class);
        assertEquals(200, await(client.delete(uri, Precondition.ifMatch(etag))).status());
        XcapException missing = failure(client.get(uri), XcapException.class);
        assertEquals(404, missing.status());
        assertEquals(XcapException.class, missing.getClass());
        assertTrue(missing.getMessage().contains("404"), missing.getMessage());
    }
}
