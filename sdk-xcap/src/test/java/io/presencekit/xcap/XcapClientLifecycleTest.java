package io.presencekit.xcap;

import static io.presencekit.xcap.Futures.await;
import static io.presencekit.xcap.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.testing.XcapTestServer;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class XcapClientLifecycleTest {
    @Test
    void anUnreachableServerIsATransportFailure() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        try (XcapClient c = XcapClient.builder("http://127.0.0.1:" + port + "/xcap-root")
                .connectTimeout(Duration.ofSeconds(2)).build()) {
            XcapTransportException e = failure(c.get(c.uri().auid("xcap-caps").global().document("index").build()),
                    XcapTransportException.class);
            assertEquals(0, e.status());
            assertTrue(e.response().isEmpty());
            assertTrue(e.getMessage().contains("connection to 127.0.0.1:" + port), e.getMessage());
        }
    }

    @Test
    void aSilentServerTimesOut() throws Exception {
        try (ServerSocket silent = new ServerSocket(0);
                XcapClient c = XcapClient.builder("http://127.0.0.1:" + silent.getLocalPort())
                        .responseTimeout(Duration.ofMillis(300)).build()) {
            XcapTransportException e = failure(c.get(c.uri().auid("a").global().document("d").build()),
                    XcapTransportException.class);
            assertTrue(e.getMessage().contains("in time"), e.getMessage());
        }
    }

    @Test
    void cancellingAFutureAbortsItsRequestAndFreesItsThread() throws Exception {
        try (ServerSocket silent = new ServerSocket(0);
                XcapTestServer live = XcapTestServer.start(XcapTestServer.Flavor.RFC);
                XcapClient c = XcapClient.builder("http://127.0.0.1:" + silent.getLocalPort())
                        .maxConcurrentRequests(1).responseTimeout(Duration.ofSeconds(60)).build()) {
            live.store("a/global/d", "application/xml", "<d/>");
            CompletableFuture<XcapResponse> stuck = c.get(c.uri().auid("a").global().document("d").build());
            Thread.sleep(200);
            assertTrue(stuck.cancel(true));
            // the client's only thread must be free again long before the 60 s response timeout
            XcapUri elsewhere = XcapUri.builder(live.root()).auid("a").global().document("d").build();
            assertEquals(200, c.get(elsewhere).get(10, TimeUnit.SECONDS).status());
        }
    }

    @Test
    void aClosedClientRefusesNewRequests() throws Exception {
        try (XcapTestServer server = XcapTestServer.start(XcapTestServer.Flavor.RFC)) {
            XcapClient c = XcapClient.builder(server.root()).build();
            XcapUri caps = c.uri().auid("xcap-caps").global().document("index").build();
            server.store("xcap-caps/global/index", "application/xcap-caps+xml", "<xcap-caps/>");
            assertEquals(200, await(c.get(caps)).status());
            c.close();
            failure(c.get(caps), IllegalStateException.class);
            c.close();
        }
    }

    @Test
    void requestsRunOnTheGivenExecutorWhichCloseLeavesAlone() throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor(r -> new Thread(r, "caller-pool"));
        try (XcapTestServer server = XcapTestServer.start(XcapTestServer.Flavor.RFC)) {
            server.store("xcap-caps/global/index", "application/xcap-caps+xml", "<xcap-caps/>");
            try (XcapClient c = XcapClient.builder(server.root()).executor(pool).build()) {
                CompletableFuture<String> thread = c.get(c.uri().auid("xcap-caps").global().document("index").build())
                        .thenApply(r -> Thread.currentThread().getName());
                assertEquals("caller-pool", await(thread));
            }
            assertTrue(!pool.isShutdown());
        } finally {
            pool.shutdown();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void elementAndAttributeHelpersCheckTheSelector() throws Exception {
        try (XcapClient c = XcapClient.builder("http://127.0.0.1:9/xcap-root").build()) {
            XcapUri document = c.uri().auid("resource-lists").user("sip:a@b").document("index").build();
            byte[] body = "<entry/>".getBytes(StandardCharsets.UTF_8);
            assertThrows(IllegalArgumentException.class, () -> c.putElement(document, body, Precondition.none()));
            assertThrows(IllegalArgumentException.class, () -> c.putAttribute(
                    document.withNodeSelector(NodeSelector.parse("resource-lists/list")), "x", Precondition.none()));
            assertThrows(IllegalArgumentException.class, () -> c.putElement(
                    document.withNodeSelector(NodeSelector.parse("resource-lists/list/@name")), body,
                    Precondition.none()));
        }
    }

    @Test
    void preconditionsRefuseWhatIsNotAnEntityTag() {
        assertThrows(IllegalArgumentException.class, () -> Precondition.ifMatch("*"));
        assertThrows(IllegalArgumentException.class, () -> Precondition.ifMatch(""));
        assertThrows(IllegalArgumentException.class, () -> Precondition.ifMatch("\"a\"\r\nX-Evil: 1"));
        assertThrows(IllegalArgumentException.class, () -> Precondition.ifNoneMatch("a\"b"));
        assertEquals("\"abc\"", Precondition.ifMatch("abc").etag().orElseThrow());
        assertEquals("W/\"abc\"", Precondition.ifMatch("W/\"abc\"").etag().orElseThrow());
        assertEquals("*", Precondition.createOnly().headerValue(XcapCompatibility.STANDARD).orElseThrow());
        assertEquals("\"*\"", Precondition.createOnly().headerValue(XcapCompatibility.KAMAILIO).orElseThrow());
    }
}
