package io.presencekit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The interop server answers XCAP as the later interop tests expect (see interop/kamailio/NOTES.md). */
@Tag(Interop.TAG)
class InteropServerTest {
    private static final String RESOURCE_LISTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
              <list name="smoke">
                <entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry>
              </list>
            </resource-lists>
            """;

    private final Interop.Server server = Interop.server();
    private final HttpClient http = server.httpClient();

    @Test
    void xcapCapsIsAnXcapCapsDocument() throws Exception {
        HttpResponse<byte[]> r = server.send(http, HttpRequest.newBuilder(URI.create(server.xcapRoot()
                + "/xcap-caps/global/index")).GET().build());

        assertEquals(200, r.statusCode());
        assertEquals("application/xcap-caps+xml", r.headers().firstValue("Content-Type").orElse(""));
        Element root = parse(r.body()).getDocumentElement();
        assertEquals("urn:ietf:params:xml:ns:xcap-caps", root.getNamespaceURI());
        assertEquals("xcap-caps", root.getLocalName());
        assertTrue(root.getElementsByTagNameNS("urn:ietf:params:xml:ns:xcap-caps", "auid").getLength() > 0);
    }

    @Test
    void putThenGetRoundTripsAResourceListWithItsEtag() {
        URI uri = server.xcapUri("resource-lists", "alice", "smoke-" + UUID.randomUUID() + ".xml");
        byte[] document = RESOURCE_LISTS.getBytes(StandardCharsets.UTF_8);
        try {
            HttpResponse<byte[]> put = server.send(http, HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/resource-lists+xml")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(document)).build(), "alice");
            // Kamailio answers 200 also when the PUT creates the document (RFC 4825: 201)
            assertTrue(put.statusCode() == 200 || put.statusCode() == 201, "PUT status " + put.statusCode());
            String etag = put.headers().firstValue("ETag").orElseThrow(() -> new AssertionError("PUT without ETag"));
            assertTrue(etag.startsWith("\"") && etag.endsWith("\"") && etag.length() > 2, "ETag " + etag);

            HttpResponse<byte[]> get = server.send(http, HttpRequest.newBuilder(uri).GET().build(), "alice");
            assertEquals(200, get.statusCode());
            assertEquals(etag, get.headers().firstValue("ETag").orElse(null));
            assertEquals("application/resource-lists+xml", get.headers().firstValue("Content-Type").orElse(""));
            assertEquals(RESOURCE_LISTS, new String(get.body(), StandardCharsets.UTF_8));

            HttpResponse<byte[]> unauthenticated = server.send(http, HttpRequest.newBuilder(uri).GET().build());
            assertEquals(401, unauthenticated.statusCode());
            HttpResponse<byte[]> otherUser = server.send(http, HttpRequest.newBuilder(uri).GET().build(), "bob");
            assertEquals(403, otherUser.statusCode());
        } finally {
            server.send(http, HttpRequest.newBuilder(uri).DELETE().build(), "alice");
        }
    }

    @Test
    void aRestartAfterACrashKeepsTheDocumentsAndTheAddress() {
        URI uri = server.xcapUri("resource-lists", "bob", "restart-" + UUID.randomUUID() + ".xml");
        try {
            HttpResponse<byte[]> put = server.send(http, HttpRequest.newBuilder(uri)
                    .PUT(HttpRequest.BodyPublishers.ofString(RESOURCE_LISTS)).build(), "bob");
            assertEquals(200, put.statusCode());

            server.restart(true);

            HttpResponse<byte[]> get = server.send(server.httpClient(), HttpRequest.newBuilder(uri).GET().build(),
                    "bob");
            assertEquals(200, get.statusCode());
            assertEquals(put.headers().firstValue("ETag"), get.headers().firstValue("ETag"));
        } finally {
            server.send(http, HttpRequest.newBuilder(uri).DELETE().build(), "bob");
        }
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }
}
