package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.testing.Interop;
import io.presencekit.xcap.store.DocumentFormat;
import io.presencekit.xcap.store.XcapDocumentStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Two devices of one account change the same document on Kamailio at the same time: nothing is lost. */
@Tag(Interop.TAG)
class XcapDocumentStoreInteropTest {
    private static final DocumentFormat<String> TEXT = DocumentFormat.utf8("application/resource-lists+xml");

    private final Interop.Server server = Interop.server();

    private XcapClient client() {
        return XcapClient.builder(server.xcapRoot()).credentials("alice", server.password().toCharArray())
                .compatibility(XcapCompatibility.KAMAILIO).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private static Optional<String> addEntry(Optional<String> doc, String entry) {
        String current = doc.orElse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"l\"></list>"
                + "</resource-lists>");
        return current.contains("\"" + entry + "\"") ? Optional.of(current)
                : Optional.of(current.replace("</list>", "<entry uri=\"" + entry + "\"/></list>"));
    }

    @Test
    void twoDevicesAddingAtOnceEndWithEveryEntry() {
        try (XcapClient phone = client(); XcapClient laptop = client()) {
            XcapUri uri = phone.uri().auid("resource-lists").user(server.aor("alice"))
                    .document("store-" + UUID.randomUUID() + ".xml").build();
            XcapDocumentStore a = XcapDocumentStore.builder(phone).maxConflictRetries(20).build();
            XcapDocumentStore b = XcapDocumentStore.builder(laptop).maxConflictRetries(20).build();
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                String x = "sip:contact" + i + "@example.com";
                all.add((i % 2 == 0 ? a : b).update(uri, TEXT, d -> addEntry(d, x)));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
            String onServer = phone.get(uri).join().bodyAsString();
            for (int i = 0; i < 6; i++) {
                assertTrue(onServer.contains("sip:contact" + i + "@example.com"), onServer);
            }
            phone.delete(uri).join();
        }
    }
}
