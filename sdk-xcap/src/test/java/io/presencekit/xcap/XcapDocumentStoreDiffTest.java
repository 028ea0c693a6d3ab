package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.diff.DocumentChange;
import io.presencekit.xcap.diff.XcapDiff;
import io.presencekit.xcap.store.DocumentFormat;
import io.presencekit.xcap.store.MemoryDocumentCache;
import io.presencekit.xcap.store.XcapDocumentStore;
import io.presencekit.xcap.testing.XcapTestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link XcapDocumentStore#apply(XcapDiff)}: an xcap-diff notification refetches exactly what changed. */
class XcapDocumentStoreDiffTest {
    private static final String TYPE = "application/resource-lists+xml";
    private static final DocumentFormat<String> TEXT = DocumentFormat.utf8(TYPE);
    private static final String USER = "sip:alice@example.com";

    private XcapTestServer server;
    private XcapClient client;
    private XcapDocumentStore store;

    @BeforeEach
    void start() throws Exception {
        server = XcapTestServer.start(XcapTestServer.Flavor.RFC);
        client = XcapClient.builder(server.root()).build();
        store = XcapDocumentStore.builder(client).cache(new MemoryDocumentCache()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String path(String doc) {
        return "resource-lists/users/" + USER + "/" + doc;
    }

    private XcapUri uri(String doc) {
        return client.uri().auid("resource-lists").user(USER).document(doc).build();
    }

    private static String lists(String entry) {
        return "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"l\"><entry uri=\""
                + entry + "\"/></list></resource-lists>";
    }

    private static String bare(String etag) {
        return etag.replace("\"", "");
    }

    private long gets(String doc) {
        return server.requests().stream().filter(r -> r.method().equals("GET") && r.target().endsWith("/" + doc))
                .count();
    }

    @Test
    void refetchesChangedDropsRemovedAndSkipsEchoesAndUncachedDocuments() {
        server.store(path("changed"), TYPE, lists("sip:a@example.com"));
        String echoEtag = server.store(path("echo"), TYPE, lists("sip:b@example.com"));
        String goneEtag = server.store(path("gone"), TYPE, lists("sip:c@example.com"));
        server.store(path("uncached"), TYPE, lists("sip:d@example.com"));
        for (String doc : List.of("changed", "echo", "gone")) {
            store.fetch(uri(doc), TEXT).join();
        }
        String newEtag = server.store(path("changed"), TYPE, lists("sip:z@example.com"));
        long before = server.requests().size();

        XcapDiff diff = XcapDiff.builder(server.root().toString())
                .item(DocumentChange.of(path("changed"), bare(newEtag)))
                .item(DocumentChange.of(path("echo"), bare(echoEtag)))
                .item(new DocumentChange(path("gone"), null, bare(goneEtag), false, List.of(), Map.of()))
                .item(DocumentChange.of(path("uncached"), "\"whatever\""))
                .build();
        List<XcapUri> refreshed = store.apply(diff).join();

        assertEquals(List.of(uri("changed"), uri("gone")), refreshed);
        assertEquals(before + 1, server.requests().size(), "one GET, for the changed document only");
        assertEquals(2, gets("changed"));
        assertEquals(1, gets("echo"));
        assertEquals(0, gets("uncached"));
        assertArrayEquals(lists("sip:z@example.com").getBytes(StandardCharsets.UTF_8),
                store.cache().load(uri("changed")).orElseThrow().body());
        assertEquals(bare(newEtag), bare(store.cache().load(uri("changed")).orElseThrow().etag()));
        assertTrue(store.cache().load(uri("gone")).isEmpty());
        assertTrue(store.cached(uri("echo"), TEXT).isPresent());
    }

    @Test
    void selectorsOutsideTheRootOrMalformedAreSkipped() {
        XcapDiff diff = XcapDiff.builder(server.root().toString())
                .item(DocumentChange.of("resource-lists", "\"x\""))
                .item(DocumentChange.of("resource-lists/elsewhere/doc", "\"x\""))
                .build();
        assertEquals(List.of(), store.apply(diff).join());
        assertEquals(0, server.requests().size());
    }
}
