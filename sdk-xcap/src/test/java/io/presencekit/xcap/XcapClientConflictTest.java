package io.presencekit.xcap;

import static io.presencekit.xcap.Futures.await;
import static io.presencekit.xcap.Futures.failure;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.error.XcapError;
import io.presencekit.xcap.error.XcapErrorCondition;
import io.presencekit.xcap.error.XcapErrorType;
import io.presencekit.xcap.testing.XcapTestServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 409 answers with their application/xcap-error+xml reports (RFC 4825, sections 8.2.5 and 11). */
class XcapClientConflictTest {
    private static final String RLS = "rls-services/users/sip:bill@example.com/index";
    private static final String RLS_DOC = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\">"
            + "<service uri=\"sip:good-friends@example.com\"><resource-list>http://xcap.example.com/x</resource-list>"
            + "<packages><package>presence</package></packages></service></rls-services>";

    private XcapTestServer server;
    private XcapClient client;

    @BeforeEach
    void start() throws Exception {
        server = XcapTestServer.start(XcapTestServer.Flavor.RFC);
        client = XcapClient.builder(server.root()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private XcapUri rls(String selector) {
        XcapUri.Builder b = client.uri().auid("rls-services").user("sip:bill@example.com").document("index");
        return (selector == null ? b : b.nodeSelector(selector)).build();
    }

    @Test
    void aDocumentThatIsNotWellFormedIsRefusedWithATypedReport() {
        XcapConflictException e = failure(client.put(rls(null), "application/rls-services+xml",
                "<rls-services xmlns='urn:ietf:params:xml:ns:rls-services'>".getBytes(StandardCharsets.UTF_8)),
                XcapConflictException.class);
        assertEquals(409, e.status());
        assertTrue(e.isConflict());
        XcapError report = e.xcapError().orElseThrow();
        assertEquals(XcapErrorType.NOT_WELL_FORMED, report.type());
        assertEquals(Optional.of("application/xcap-error+xml"), e.response().orElseThrow().contentType());
        assertTrue(e.getMessage().contains("not-well-formed"), e.getMessage());
    }

    @Test
    void aNonIdempotentElementPutIsRefusedAsCannotInsert() {
        // RFC 4825, section 7.4: the selector names sip:good-friends, the body sip:mybuddies
        server.store(RLS, "application/rls-services+xml", RLS_DOC);
        byte[] body = ("<service uri=\"sip:mybuddies@example.com\"><resource-list>http://xcap.example.com/y"
                + "</resource-list><packages><package>presence</package></packages></service>")
                .getBytes(StandardCharsets.UTF_8);
        XcapConflictException e = failure(client.putElement(
                rls("rls-services/service[@uri=\"sip:good-friends@example.com\"]"), body, Precondition.none()),
                XcapConflictException.class);
        assertEquals(XcapErrorType.CANNOT_INSERT, e.xcapError().orElseThrow().type());
        assertTrue(server.document(RLS).contains("sip:good-friends@example.com"));
    }

    @Test
    void aNonIdempotentAttributePutIsRefusedAsCannotInsert() {
        // RFC 4825, section 7.7
        server.store(RLS, "application/rls-services+xml", RLS_DOC);
        XcapConflictException e = failure(client.putAttribute(
                rls("rls-services/service[@uri=\"sip:good-friends@example.com\"]/@uri"),
                "sip:bad-friends@example.com", Precondition.none()), XcapConflictException.class);
        assertEquals(XcapErrorType.CANNOT_INSERT, e.xcapError().orElseThrow().type());
        XcapTestServer.Recorded put = server.lastRequest();
        assertEquals("application/xcap-att+xml", put.header("Content-Type"));
        assertEquals("\"sip:bad-friends@example.com\"", put.body());
    }

    @Test
    void aMissingParentNamesTheClosestExistingAncestor() {
        server.store(RLS, "application/rls-services+xml", RLS_DOC);
        XcapConflictException e = failure(client.putElement(
                rls("rls-services/service[@uri=\"sip:nobody@example.com\"]/packages/package"),
                "<package>presence</package>".getBytes(StandardCharsets.UTF_8), Precondition.none()),
                XcapConflictException.class);
        XcapErrorCondition.NoParent np = assertInstanceOf(XcapErrorCondition.NoParent.class,
                e.xcapError().orElseThrow().condition());
        String ancestor = np.ancestorUri().orElseThrow();
        assertEquals(rls("rls-services").toString(), ancestor);
        assertEquals(rls("rls-services"), XcapUri.parse(server.root(), ancestor));
    }

    @Test
    void aDuplicateServiceUriIsAUniquenessFailureWithAnAlternative() {
        server.store(RLS, "application/rls-services+xml", RLS_DOC);
        byte[] twin = ("<service uri=\"sip:good-friends@example.com\"><resource-list>http://xcap.example.com/z"
                + "</resource-list><packages><package>presence</package></packages></service>")
                .getBytes(StandardCharsets.UTF_8);
        XcapConflictException e = failure(client.putElement(rls("rls-services/service[2]"), twin,
                Precondition.none()), XcapConflictException.class);
        XcapErrorCondition.UniquenessFailure uf = assertInstanceOf(XcapErrorCondition.UniquenessFailure.class,
                e.xcapError().orElseThrow().condition());
        assertEquals("rls-services/service/@uri", uf.exists().get(0).field());
        assertEquals(List.of("sip:good-friends2@example.com"), uf.exists().get(0).altValues());
    }

    @Test
    void aBodyThatIsNotAnElementIsNotAnXmlFragment() {
        server.store(RLS, "application/rls-services+xml", RLS_DOC);
        XcapConflictException e = failure(client.putElement(rls("rls-services/service[2]"),
                "<a/><b/>".getBytes(StandardCharsets.UTF_8), Precondition.none()), XcapConflictException.class);
        assertEquals(XcapErrorType.NOT_XML_FRAG, e.xcapError().orElseThrow().type());
    }

    @Test
    void deletingOneOfSeveralEqualElementsIsRefusedAsCannotDelete() {
        server.store("resource-lists/users/sip:bill@example.com/index", "application/resource-lists+xml",
                "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"><list name=\"a\"/><list name=\"b\"/>"
                        + "</resource-lists>");
        XcapUri first = client.uri().auid("resource-lists").user("sip:bill@example.com").document("index")
                .nodeSelector("resource-lists/list[1]").build();
        XcapConflictException e = failure(client.delete(first), XcapConflictException.class);
        assertEquals(XcapErrorType.CANNOT_DELETE, e.xcapError().orElseThrow().type());
        XcapUri named = first.withNodeSelector(NodeSelector.parse("resource-lists/list[@name=\"a\"]"));
        assertEquals(200, await(client.delete(named)).status());
    }
}
