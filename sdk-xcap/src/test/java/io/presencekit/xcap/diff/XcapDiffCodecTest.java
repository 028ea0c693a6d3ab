package io.presencekit.xcap.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.XmlText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class XcapDiffCodecTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static XcapDiff roundTrip(XcapDiff doc) {
        byte[] written = XcapDiffCodec.standard().write(doc);
        XcapDiff again = XcapDiffCodec.standard().read(written);
        assertEquals(doc, again, () -> new String(written, StandardCharsets.UTF_8));
        return again;
    }

    @Test
    void readsWhatKamailiosEmulationSends() {
        XcapDiff diff = XcapDiffCodec.strict().read(bytes("<xcap-diff xmlns=\"urn:ietf:params:xml:ns:xcap-diff\" "
                + "xcap-root=\"http://127.0.0.1:5060/xcap-root/\"><document "
                + "sel=\"resource-lists/users/sip:alice@example.com/index\" new-etag=\"sr-1700000000-123-9\"/>"
                + "</xcap-diff>"));
        assertEquals("http://127.0.0.1:5060/xcap-root/", diff.xcapRoot());
        DocumentChange d = diff.documentChanges().get(0);
        assertEquals("resource-lists", d.auid());
        assertEquals("sr-1700000000-123-9", d.newEtagValue().orElseThrow());
        assertTrue(d.isCreated());
        assertFalse(d.isRemoved());
        assertEquals(d, diff.documentChange("resource-lists/users/sip:alice@example.com/index").orElseThrow());
        roundTrip(diff);
    }

    @Test
    void keepsPatchOperationsWithTheirContent() {
        XcapDiff diff = XcapDiffCodec.strict().read(bytes("""
                <d:xcap-diff xmlns:d="urn:ietf:params:xml:ns:xcap-diff" xcap-root="http://xcap.example.com/">
                 <d:document previous-etag="7ahggs3" sel="tests/users/sip:joe@example.com/index" new-etag="63hjjsll">
                  <d:add sel="*" pos="prepend"><foo>new</foo><bar>bar text</bar></d:add>
                  <d:replace sel="doc/note/text()">replaced</d:replace>
                  <d:remove sel="doc/@id" ws="after"/>
                 </d:document>
                 <d:document previous-etag="a" sel="tests/users/sip:joe@example.com/other" new-etag="b">
                  <d:body-not-changed/>
                 </d:document>
                 <d:document previous-etag="huwiias" sel="tests/users/sip:joe@example.com/gone"/>
                </d:xcap-diff>
                """));
        DocumentChange changed = diff.documentChanges().get(0);
        List<PatchOperation> ops = changed.patchOperations();
        assertEquals(List.of(PatchOperation.Kind.ADD, PatchOperation.Kind.REPLACE, PatchOperation.Kind.REMOVE),
                ops.stream().map(PatchOperation::kind).toList());
        assertEquals("prepend", ops.get(0).pos());
        assertEquals(List.of("foo", "bar"), ops.get(0).elements().stream().map(e -> e.qname().getLocalPart()).toList());
        assertEquals(List.of(new XmlText("replaced")), ops.get(1).content());
        assertEquals("after", ops.get(2).ws());
        assertTrue(diff.documentChanges().get(1).bodyNotChanged());
        assertTrue(diff.documentChanges().get(2).isRemoved());
        roundTrip(diff);
    }

    @Test
    void readsElementAndAttributeChanges() {
        XcapDiff diff = XcapDiffCodec.strict().read(bytes("""
                <xcap-diff xmlns="urn:ietf:params:xml:ns:xcap-diff" xcap-root="http://xcap.example.com/root/"
                    xmlns:s="urn:ietf:params:xml:ns:rls-services">
                 <element sel="rls-services/users/sip:joe@example.com/index/~~/*/service%5b@uri='sip:marketing@example.com'%5d"
                  ><s:service uri="sip:marketing@example.com"><s:packages><s:package>presence</s:package></s:packages>
                  </s:service></element>
                 <element sel="rls-services/users/sip:joe@example.com/index/~~/*/service%5b2%5d" exists="0"/>
                 <attribute sel="tests/users/sip:joe@example.com/index/~~/doc/@id">bar</attribute>
                 <attribute sel="tests/users/sip:joe@example.com/index/~~/doc/@x" exists="false"/>
                </xcap-diff>
                """));
        ElementChange service = diff.elementChanges().get(0);
        GenericElement element = service.element().orElseThrow();
        assertEquals(new QName("urn:ietf:params:xml:ns:rls-services", "service"), element.qname());
        assertTrue(diff.elementChanges().get(1).isRemoved());
        assertEquals("bar", diff.attributeChanges().get(0).value());
        assertTrue(diff.attributeChanges().get(1).isRemoved());
        XcapDiff again = roundTrip(diff);
        String xml = new String(XcapDiffCodec.standard().write(again), StandardCharsets.UTF_8);
        assertTrue(xml.contains("xmlns:rls=\"urn:ietf:params:xml:ns:rls-services\""), xml);
        assertTrue(xml.contains("exists=\"0\""), xml);
    }

    @Test
    void keepsAttributesAndElementsOfAnyNamespace() {
        XcapDiff diff = XcapDiffCodec.strict().read(bytes("""
                <xcap-diff xmlns="urn:ietf:params:xml:ns:xcap-diff" xmlns:x="urn:example:x"
                    xcap-root="http://xcap.example.com/" x:seq="7">
                  <document sel="a/users/sip:b@example.com/index" new-etag="1" x:origin="web">
                    <x:hint/>
                  </document>
                  <x:summary count="1"/>
                </xcap-diff>
                """));
        assertEquals("7", diff.attributes().get(new QName("urn:example:x", "seq")));
        assertInstanceOf(GenericElement.class, diff.items().get(1));
        assertEquals(1, diff.documentChanges().get(0).items().size());
        roundTrip(diff);
    }

    @Test
    void lenientAndStrictDisagreeAboutAMissingXcapRoot() {
        String xml = "<xcap-diff xmlns=\"urn:ietf:params:xml:ns:xcap-diff\"><document sel=\"a/b\" new-etag=\"1\"/>"
                + "<document new-etag=\"2\"/></xcap-diff>";
        XcapDiff diff = XcapDiffCodec.standard().read(bytes(xml));
        assertEquals(null, diff.xcapRoot());
        assertEquals(1, diff.documentChanges().size(), "the document without sel is kept generic");
        assertEquals(2, diff.warnings().size(), diff.warnings().toString());
        roundTrip(diff);
        assertThrows(DocumentParseException.class, () -> XcapDiffCodec.strict().read(bytes(xml)));
    }

    @Test
    void buildsADiff() {
        XcapDiff diff = XcapDiff.builder("http://xcap.example.com/")
                .item(DocumentChange.of("resource-lists/users/sip:joe@example.com/index", "e2"))
                .item(AttributeChange.removed("tests/users/sip:joe@example.com/index/~~/doc/@id")).build();
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xcap-diff xmlns="urn:ietf:params:xml:ns:xcap-diff" xcap-root="http://xcap.example.com/">\
                <document sel="resource-lists/users/sip:joe@example.com/index" new-etag="e2"/>\
                <attribute sel="tests/users/sip:joe@example.com/index/~~/doc/@id" exists="0"/></xcap-diff>""",
                new String(XcapDiffCodec.standard().write(diff), StandardCharsets.UTF_8));
    }
}
