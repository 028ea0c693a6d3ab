package io.presencekit.xcap.directory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class XcapDirectoryCodecTest {
    /** Shaped like Kamailio's answer for directory.xml (interop/kamailio/NOTES.md: ETags without quotes). */
    private static final String KAMAILIO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xcap-directory xmlns="urn:oma:xml:xdm:xcap-directory">
            <folder auid="rls-services">
               <entry uri="http://127.0.0.1:5060/xcap-root/rls-services/users/sip:alice@example.com/index" etag="sr-1700000000-123-4"/>
            </folder>
            <folder auid="resource-lists">
               <entry uri="http://127.0.0.1:5060/xcap-root/resource-lists/users/sip:alice@example.com/index" etag="sr-1700000000-123-2"/>
            </folder>
            <folder auid="org.openmobilealliance.pres-rules">
               <entry uri="http://127.0.0.1:5060/xcap-root/org.openmobilealliance.pres-rules/users/sip:alice@example.com/pres-rules" etag="sr-1700000000-123-7"/>
            </folder>
            <folder auid="pidf-manipulation"/>
            </xcap-directory>
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void findsTheExistingPresRulesDocument() {
        XcapDirectory dir = XcapDirectoryCodec.strict().read(bytes(KAMAILIO));
        List<DirectoryEntry> rules = dir.documents("org.openmobilealliance.pres-rules");
        assertEquals(1, rules.size());
        assertTrue(rules.get(0).uri().endsWith("/users/sip:alice@example.com/pres-rules"));
        assertEquals("\"sr-1700000000-123-7\"", rules.get(0).quotedEtag());
        assertTrue(dir.documents("pidf-manipulation").isEmpty());
        assertTrue(dir.documents("org.openmobilealliance.pres-content").isEmpty());
        assertEquals(4, dir.folders().size());
        assertEquals(dir, XcapDirectoryCodec.standard().read(XcapDirectoryCodec.standard().write(dir)));
    }

    @Test
    void readsEveryAttributeAndErrorCodes() {
        XcapDirectory dir = XcapDirectoryCodec.strict().read(bytes("""
                <xcap-directory xmlns="urn:oma:xml:xdm:xcap-directory" xmlns:x="urn:example:x">
                  <folder auid="resource-lists">
                    <entry uri="https://xcap.example.com/resource-lists/users/sip:bob@example.com/index"
                        etag="&quot;abc&quot;" last-modified="2024-05-01T10:00:00Z" size="1234" x:owner="bob"/>
                  </folder>
                  <folder auid="org.openmobilealliance.pres-content"><error-code>500</error-code></folder>
                </xcap-directory>
                """));
        DirectoryEntry e = dir.documents("resource-lists").get(0);
        assertEquals("\"abc\"", e.quotedEtag());
        assertEquals(OffsetDateTime.parse("2024-05-01T10:00:00Z"), e.lastModified().orElseThrow());
        assertEquals(1234, e.size().getAsLong());
        assertEquals("bob", e.attributes().get(new QName("urn:example:x", "owner")));
        assertEquals("500", dir.folder("org.openmobilealliance.pres-content").orElseThrow().error().orElseThrow());
        assertEquals(dir, XcapDirectoryCodec.standard().read(XcapDirectoryCodec.standard().write(dir)));
    }

    @Test
    void aBadDateIsKeptAsWrittenWithAWarning() {
        String xml = "<xcap-directory xmlns=\"urn:oma:xml:xdm:xcap-directory\"><folder auid=\"a\">"
                + "<entry uri=\"http://x/a\" etag=\"1\" last-modified=\"yesterday\" size=\"-3\"/></folder></xcap-directory>";
        XcapDirectory dir = XcapDirectoryCodec.standard().read(bytes(xml));
        DirectoryEntry e = dir.documents("a").get(0);
        assertEquals("yesterday", e.lastModifiedText());
        assertTrue(e.lastModified().isEmpty());
        assertTrue(e.size().isEmpty());
        assertEquals(2, dir.warnings().size());
        assertEquals(dir, XcapDirectoryCodec.standard().read(XcapDirectoryCodec.standard().write(dir)));
        assertThrows(DocumentParseException.class, () -> XcapDirectoryCodec.strict().read(bytes(xml)));
    }

    @Test
    void writesBuiltDirectories() {
        XcapDirectory dir = XcapDirectory.of(Folder.of("resource-lists",
                DirectoryEntry.of("http://x/rl", "e1", OffsetDateTime.parse("2024-01-02T03:04:05+01:00"), 10)),
                Folder.error("rls-services", "404"));
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xcap-directory xmlns="urn:oma:xml:xdm:xcap-directory"><folder auid="resource-lists">\
                <entry uri="http://x/rl" etag="e1" last-modified="2024-01-02T03:04:05+01:00" size="10"/></folder>\
                <folder auid="rls-services"><error-code>404</error-code></folder></xcap-directory>""",
                new String(XcapDirectoryCodec.standard().write(dir), StandardCharsets.UTF_8));
    }
}
