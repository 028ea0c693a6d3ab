package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.store.DocumentFormat;
import io.presencekit.xcap.store.FileDocumentCache;
import io.presencekit.xcap.store.StoredDocument;
import io.presencekit.xcap.store.XcapDocumentStore;
import io.presencekit.xcap.testing.XcapTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class XcapDocumentStoreTest {
    private static final String TYPE = "application/resource-lists+xml";
    private static final String PATH = "resource-lists/users/sip:alice@example.com/index";
    private static final DocumentFormat<String> TEXT = DocumentFormat.utf8(TYPE);

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

    private static String lists(String... uris) {
        StringBuilder sb = new StringBuilder("<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\">"
                + "<list name=\"l\">");
        for (String u : uris) {
            sb.append("<entry uri=\"").append(u).append("\"/>");
        }
        return sb.append("</list></resource-lists>").toString();
    }

    /** The operation a client applies: add one entry to whatever the document holds now. */
    private static Optional<String> addEntry(Optional<String> doc, String entry) {
        String current = doc.orElse(lists());
        if (current.contains("\"" + entry + "\"")) {
            return Optional.of(current);
        }
        return Optional.of(current.replace("</list>", "<entry uri=\"" + entry + "\"/></list>"));
    }

    private List<XcapTestServer.Recorded> requests(String method) {
        return server.requests().stream().filter(r -> r.method().equals(method)).toList();
    }

    @Test
    void fetchCachesAndRevalidatesWithTheEtag() {
        String etag = server.store(PATH, TYPE, lists("sip:bob@example.com"));
        XcapDocumentStore store = XcapDocumentStore.builder(client).build();

        StoredDocument<String> first = store.fetch(uri, TEXT).join();
        assertEquals(Optional.of(etag), first.etag());
        StoredDocument<String> second = store.fetch(uri, TEXT).join();
        assertEquals(first, second);
        List<XcapTestServer.Recorded> gets = requests("GET");
        assertEquals(etag, gets.get(1).header("If-None-Match"));
        assertEquals(304, gets.get(1).status());
    }

    @Test
    void missingDocumentIsAbsentAndCreatedOnlyIfStillMissing() {
        XcapDocumentStore store = XcapDocumentStore.builder(client).build();
        assertFalse(store.fetch(uri, TEXT).join().exists());

        StoredDocument<String> created = store.update(uri, TEXT, d -> addEntry(d, "sip:bob@example.com")).join();
        assertTrue(created.exists());
        assertEquals("*", requests("PUT").get(0).header("If-None-Match"));
        assertTrue(server.document(PATH).contains("sip:bob@example.com"));
    }

    @Test
    void anotherClientsChangeIsKeptWhenBothUpdate() {
        server.store(PATH, TYPE, lists("sip:bob@example.com"));
        XcapDocumentStore store = XcapDocumentStore.builder(client).build();
        AtomicInteger calls = new AtomicInteger();

        StoredDocument<String> written = store.update(uri, TEXT, d -> {
            if (calls.incrementAndGet() == 1) {
                // another device of the same account adds carol after we read, before we write
                server.store(PATH, TYPE, lists("sip:bob@example.com", "sip:carol@example.com"));
            }
            return addEntry(d, "sip:dave@example.com");
        }).join();

        String onServer = server.document(PATH);
        assertTrue(onServer.contains("sip:carol@example.com"), onServer);
        assertTrue(onServer.contains("sip:dave@example.com"), onServer);
        assertEquals(onServer, written.value().orElseThrow());
        assertEquals(412, requests("PUT").get(0).status());
        assertEquals(2, calls.get(), "the operation is applied again to the new version");
    }

    @Test
    void concurrentUpdatesFromTwoStoresBothLand() {
        server.store(PATH, TYPE, lists());
        XcapDocumentStore a = XcapDocumentStore.builder(client).build();
        XcapDocumentStore b = XcapDocumentStore.builder(client).build();
        List<CompletableFuture<StoredDocument<String>>> all = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String x = "sip:user" + i + "@example.com";
            all.add((i % 2 == 0 ? a : b).update(uri, TEXT, d -> addEntry(d, x)));
        }
        all.forEach(CompletableFuture::join);
        for (int i = 0; i < 8; i++) {
            assertTrue(server.document(PATH).contains("sip:user" + i + "@example.com"), server.document(PATH));
        }
    }

    @Test
    void unchangedDocumentIsNotWritten() {
        server.store(PATH, TYPE, lists("sip:bob@example.com"));
        XcapDocumentStore store = XcapDocumentStore.builder(client).build();
        store.update(uri, TEXT, d -> addEntry(d, "sip:bob@example.com")).join();
        assertTrue(requests("PUT").isEmpty());
    }

    @Test
    void emptyResultDeletesTheDocumentConditionally() {
        String etag = server.store(PATH, TYPE, lists("sip:bob@example.com"));
        XcapDocumentStore store = XcapDocumentStore.builder(client).build();
        assertFalse(store.update(uri, TEXT, d -> Optional.empty()).join().exists());
        assertNull(server.document(PATH));
        assertEquals(etag, requests("DELETE").get(0).header("If-Match"));
    }

    @Test
    void conflictsBeyondTheLimitFailTheUpdate() {
        server.store(PATH, TYPE, lists());
        XcapDocumentStore store = XcapDocumentStore.builder(client).maxConflictRetries(2).build();
        AtomicInteger n = new AtomicInteger();
        CompletionException e = assertThrows(CompletionException.class, () -> store.update(uri, TEXT, d -> {
            // somebody else writes every time before we do
            server.store(PATH, TYPE, lists("sip:other" + n.incrementAndGet() + "@example.com"));
            return addEntry(d, "sip:me@example.com");
        }).join());
        assertInstanceOf(XcapPreconditionFailedException.class, e.getCause());
        assertEquals(3, requests("PUT").size());
    }

    @Test
    void fileCacheAnswersOfflineAfterARestart(@TempDir Path dir) {
        server.store(PATH, TYPE, lists("sip:bob@example.com"));
        XcapDocumentStore before = XcapDocumentStore.builder(client).cache(new FileDocumentCache(dir)).build();
        StoredDocument<String> seen = before.fetch(uri, TEXT).join();
        server.close();

        XcapDocumentStore after = XcapDocumentStore.builder(client).cacheIn(dir).build();
        assertEquals(Optional.of(seen), after.cached(uri, TEXT));
        assertTrue(after.cached(uri.toBuilder().document("other").build(), TEXT).isEmpty());
    }

    @Test
    void invalidateForgetsTheCachedVersion() {
        server.store(PATH, TYPE, lists("sip:bob@example.com"));
        XcapDocumentStore store = XcapDocumentStore.builder(client).build();
        store.fetch(uri, TEXT).join();
        store.invalidate(uri);
        assertTrue(store.cached(uri, TEXT).isEmpty());
        store.fetch(uri, TEXT).join();
        assertNull(requests("GET").get(1).header("If-None-Match"));
    }

    @Test
    void documentsOfTheStoreAreUtf8() {
        server.store(PATH, TYPE, lists("sip:zoë@example.com"));
        String text = XcapDocumentStore.builder(client).build().fetch(uri, TEXT).join().value().orElseThrow();
        assertTrue(text.contains("zoë"));
        assertEquals(text, new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }

    @Test
    void defaultCacheIsAFileCacheThatSurvivesANewStore() {
        server.store(PATH, TYPE, lists("sip:bob@example.com"));
        XcapDocumentStore first = XcapDocumentStore.builder(client).build();
        assertInstanceOf(FileDocumentCache.class, first.cache());
        StoredDocument<String> seen = first.fetch(uri, TEXT).join();
        assertEquals(Optional.of(seen), XcapDocumentStore.builder(client).build().cached(uri, TEXT));
        // under the folder the build configures for tests, never the user's home
        assertTrue(((FileDocumentCache) first.cache()).folder().startsWith(
                Path.of(System.getProperty(XcapDocumentStore.CACHE_DIR_PROPERTY))));
    }
}
