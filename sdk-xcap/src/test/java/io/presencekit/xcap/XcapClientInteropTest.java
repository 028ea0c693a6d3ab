package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.testing.Interop;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The XCAP client against the project's Kamailio XCAP server (interop/kamailio/NOTES.md lists its quirks). */
@Tag(Interop.TAG)
class XcapClientInteropTest {
    private static final String RESOURCE_LISTS = "application/resource-lists+xml";
    private static final String LISTS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
              <list name="friends"><entry uri="sip:bob@example.com"><display-name>Bob</display-name></entry></list>
            </resource-lists>
            """;

    private final Interop.Server server = Interop.server();
    private final XcapClient alice = client("alice", server.password());
    private final XcapClient bob = client("bob", server.password());
    private final String doc = "interop-" + UUID.randomUUID() + ".xml";

    private XcapClient client(String user, String password) {
        return XcapClient.builder(server.xcapRoot()).credentials(user, password.toCharArray())
                .compatibility(XcapCompatibility.KAMAILIO).responseTimeout(Duration.ofSeconds(10)).build();
    }

    @AfterEach
    void close() {
        try {
            alice.delete(aliceDoc("resource-lists", doc)).exceptionally(e -> null).join();
        } finally {
            alice.close();
            bob.close();
        }
    }

    private XcapUri aliceDoc(String auid, String document) {
        return alice.uri().auid(auid).user(server.aor("alice")).document(document).build();
    }

    private static <T> T join(CompletableFuture<T> f) {
        return f.join();
    }

    private static XcapException failure(CompletableFuture<?> f) {
        CompletionException e = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class, f::join);
        return assertInstanceOf(XcapException.class, e.getCause());
    }

    @Test
    void capabilitiesNeedNoCredentials() {
        try (XcapClient anonymous = XcapClient.builder(server.xcapRoot()).build()) {
            XcapResponse r = join(anonymous.get(anonymous.uri().auid("xcap-caps").global().document("index").build()));
            assertEquals(200, r.status());
            assertEquals(XcapMediaTypes.CAPABILITIES, r.contentType().orElseThrow());
            assertTrue(r.bodyAsString().contains("resource-lists"), r.bodyAsString());
        }
    }

    @Test
    void documentLifecycleFollowsEtags() {
        XcapUri uri = aliceDoc("resource-lists", doc);
        byte[] body = LISTS.getBytes(StandardCharsets.UTF_8);

        XcapResponse created = join(alice.put(uri, RESOURCE_LISTS, body, Precondition.createOnly()));
        String etag = created.etag().orElseThrow();
        // create-only again: refused, the document stays (Kamailio needs the quoted wildcard for this)
        assertInstanceOf(XcapPreconditionFailedException.class,
                failure(alice.put(uri, RESOURCE_LISTS, body, Precondition.createOnly())));

        XcapResponse fetched = join(alice.get(uri));
        assertEquals(etag, fetched.etag().orElseThrow());
        assertTrue(fetched.bodyAsString().contains("sip:bob@example.com"));
        assertTrue(join(alice.get(uri, Precondition.ifNoneMatch(etag))).isNotModified());

        XcapResponse replaced = join(alice.put(uri, RESOURCE_LISTS, body, Precondition.ifMatch(etag)));
        String newEtag = replaced.etag().orElseThrow();
        assertNotEquals(etag, newEtag);
        XcapException stale = failure(alice.put(uri, RESOURCE_LISTS, body, Precondition.ifMatch(etag)));
        assertEquals(412, stale.status());

        join(alice.delete(uri, Precondition.ifMatch(newEtag)));
        assertEquals(404, failure(alice.get(uri)).status());
    }

    @Test
    void elementsAreReadWrittenAndDeletedThroughNodeSelectors() {
        XcapUri uri = aliceDoc("resource-lists", doc);
        join(alice.put(uri, RESOURCE_LISTS, LISTS.getBytes(StandardCharsets.UTF_8)));
        XcapUri friends = uri.withNodeSelector(NodeSelector.parse("resource-lists/list[@name=\"friends\"]"));

        XcapResponse list = join(alice.get(friends));
        assertTrue(list.bodyAsString().startsWith("<list"), list.bodyAsString());

        XcapUri carol = uri.withNodeSelector(NodeSelector.parse(
                "resource-lists/list[@name=\"friends\"]/entry[@uri=\"sip:carol@example.com\"]"));
        join(alice.putElement(carol, "<entry uri=\"sip:carol@example.com\"/>".getBytes(StandardCharsets.UTF_8),
                Precondition.none()));
        assertTrue(join(alice.get(uri)).bodyAsString().contains("sip:carol@example.com"));

        XcapUri name = uri.withNodeSelector(NodeSelector.parse(
                "resource-lists/list[@name=\"friends\"]/entry[@uri=\"sip:bob@example.com\"]/display-name"));
        assertTrue(join(alice.get(name)).bodyAsString().contains("Bob"));

        join(alice.delete(carol));
        assertFalse(join(alice.get(uri)).bodyAsString().contains("sip:carol@example.com"));
    }

    @Test
    void anotherUserReadsTheStatusIconButCannotWriteIt() {
        XcapUri icon = aliceDoc("org.openmobilealliance.pres-content", "oma_status-icon/index");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        String content = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<content xmlns=\"urn:oma:xml:prs:pres-content\"><mime-type>image/png</mime-type>"
                + "<encoding>base64</encoding><data>" + Base64.getEncoder().encodeToString(png) + "</data></content>";
        join(alice.put(icon, "application/vnd.oma.pres-content+xml", content.getBytes(StandardCharsets.UTF_8)));
        try {
            XcapResponse seen = join(bob.get(bob.uri().auid("org.openmobilealliance.pres-content")
                    .user(server.aor("alice")).document("oma_status-icon", "index").build()));
            String xml = seen.bodyAsString();
            String data = xml.substring(xml.indexOf("<data>") + 6, xml.indexOf("</data>"));
            assertArrayEquals(png, Base64.getDecoder().decode(data));

            XcapException refused = failure(bob.put(icon, "application/vnd.oma.pres-content+xml",
                    content.getBytes(StandardCharsets.UTF_8)));
            assertEquals(403, refused.status());
        } finally {
            join(alice.delete(icon));
        }
    }

    @Test
    void offlineStatusIsSetAndClearedThroughPidfManipulation() {
        XcapUri uri = aliceDoc("pidf-manipulation", "index");
        PresenceDocument offline = PresenceDocument.builder(server.aor("alice"))
                .tuple(Tuple.builder("SID-offline").basic(Basic.CLOSED).note("On holiday until Monday").build())
                .build();
        join(alice.put(uri, PidfCodec.CONTENT_TYPE, PidfCodec.standard().write(offline)));
        XcapResponse r = join(alice.get(uri));
        assertEquals(offline, PidfCodec.standard().read(r.body()));

        join(alice.delete(uri));
        assertEquals(404, failure(alice.get(uri)).status());
    }

    @Test
    void directoryListsTheUsersDocumentsWithTheirEtags() {
        XcapUri uri = aliceDoc("resource-lists", doc);
        String etag = join(alice.put(uri, RESOURCE_LISTS, LISTS.getBytes(StandardCharsets.UTF_8))).etag().orElseThrow();
        XcapResponse dir = join(alice.get(aliceDoc("org.openmobilealliance.xcap-directory", "directory.xml")));
        String xml = dir.bodyAsString();
        assertTrue(xml.contains(doc), xml);
        // the directory gives ETags without quotes
        assertTrue(xml.contains(etag.replace("\"", "")), xml);
    }

    @Test
    void wrongPasswordIsAnAuthenticationError() {
        try (XcapClient wrong = client("alice", "not-the-password")) {
            XcapException e = failure(wrong.get(aliceDoc("resource-lists", doc)));
            assertInstanceOf(XcapAuthenticationException.class, e);
            assertEquals(401, e.status());
        }
    }

    @Test
    void unquotedWildcardIsIgnoredByKamailioSoTheCompatibilitySettingMatters() {
        XcapUri uri = aliceDoc("resource-lists", doc);
        byte[] body = LISTS.getBytes(StandardCharsets.UTF_8);
        join(alice.put(uri, RESOURCE_LISTS, body));
        try (XcapClient standard = XcapClient.builder(server.xcapRoot())
                .credentials("alice", server.password().toCharArray())
                .compatibility(XcapCompatibility.KAMAILIO.copy().quotedWildcard(false).build()).build()) {
            // RFC 7232's unquoted If-None-Match: * is ignored here: the PUT silently overwrites
            XcapResponse overwritten = join(standard.put(uri, RESOURCE_LISTS, body, Precondition.createOnly()));
            assertTrue(overwritten.status() / 100 == 2, overwritten.toString());
        }
    }
}
