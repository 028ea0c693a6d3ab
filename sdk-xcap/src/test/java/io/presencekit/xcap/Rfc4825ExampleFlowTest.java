package io.presencekit.xcap;

import static io.presencekit.xcap.Futures.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.testing.Vectors;
import io.presencekit.xcap.testing.XcapTestServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example of RFC 4825 section 13 (figures 24 to 32) played against the test server, whose
 * XCAP root is the host's root as in the RFC: every request is built with the URI API and must
 * put on the wire exactly the request target of the RFC's figure.
 */
class Rfc4825ExampleFlowTest {
    private XcapTestServer server;
    private XcapClient client;

    @BeforeEach
    void start() throws Exception {
        server = XcapTestServer.start(XcapTestServer.Flavor.RFC, "");
        client = XcapClient.builder(server.root()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private static String requestTarget(String vector) {
        String line = new String(Vectors.bytes(vector), StandardCharsets.UTF_8).lines().findFirst().orElseThrow();
        return line.split(" ")[1];
    }

    private static byte[] body(String vector) {
        String text = new String(Vectors.bytes(vector), StandardCharsets.UTF_8);
        return text.substring(text.indexOf("\n\n") + 2).getBytes(StandardCharsets.UTF_8);
    }

    private void assertWire(String vector) {
        assertEquals(requestTarget(vector), server.lastRequest().target(), vector);
    }

    @Test
    void playsFigures24To32() {
        XcapUri lists = client.uri().auid("resource-lists").user("sip:bill@example.com").document("index").build();
        XcapUri rls = client.uri().auid("rls-services").user("sip:bill@example.com").document("index").build();

        assertEquals(201, await(client.put(lists, "application/resource-lists+xml",
                body("rfc4825-fig24-put.txt"))).status());
        assertWire("rfc4825-fig24-put.txt");

        assertEquals(201, await(client.put(rls, "application/rls-services+xml", body("rfc4825-fig25-put.txt")))
                .status());
        assertWire("rfc4825-fig25-put.txt");

        XcapUri entry = lists.withNodeSelector(NodeSelector.builder().element("resource-lists")
                .element("list", "name", "friends").element("entry").build());
        assertEquals(201, await(client.putElement(entry, body("rfc4825-fig26-put.txt"), Precondition.none()))
                .status());
        assertWire("rfc4825-fig26-put.txt");
        assertEquals(XcapMediaTypes.ELEMENT, server.lastRequest().header("Content-Type"));

        XcapResponse got = await(client.get(lists));
        assertWire("rfc4825-fig27-get.txt");
        assertEquals(200, got.status());
        assertTrue(got.etag().isPresent());
        String document = got.bodyAsString();
        assertTrue(document.contains("sip:bob@example.com") && document.contains("Bob Jones"), document);

        XcapUri closeFriends = lists.withNodeSelector(NodeSelector.builder().element("resource-lists")
                .element("list", "name", "friends").element("list", "name", "close-friends").build());
        assertEquals(201, await(client.putElement(closeFriends, body("rfc4825-fig29-put.txt"),
                Precondition.ifMatch(got.etag().orElseThrow()))).status());
        assertWire("rfc4825-fig29-put.txt");

        XcapUri petri = lists.withNodeSelector(NodeSelector.builder().element("resource-lists").element("list")
                .element("list").element("entry", "uri", "sip:petri@example.com").build());
        assertEquals(200, await(client.delete(petri)).status());
        assertWire("rfc4825-fig30-delete.txt");

        XcapUri secondUri = lists.withNodeSelector(NodeSelector.builder().element("resource-lists").element("list")
                .element("list").element("entry", 2).attribute("uri").build());
        XcapResponse attribute = await(client.get(secondUri));
        assertWire("rfc4825-fig31-get.txt");
        assertEquals(XcapMediaTypes.ATTRIBUTE, attribute.contentType().orElseThrow());
        assertEquals(new String(body("rfc4825-fig32-200ok.txt"), StandardCharsets.UTF_8).strip(),
                attribute.bodyAsString());
        assertEquals("sip:nancy@example.com", attribute.attributeValue());
    }
}
