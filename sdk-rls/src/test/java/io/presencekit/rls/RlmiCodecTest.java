package io.presencekit.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.testing.Vectors;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class RlmiCodecTest {
    private static final String NS = RlmiList.NAMESPACE;

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsTheRfc4662SectionFiveExample() {
        RlmiList list = RlmiCodec.standard().read(Vectors.bytes("rfc4662-ex1.xml"));
        assertEquals("sip:adam-friends@lists.vancouver.example.com", list.uri());
        assertEquals(7, list.version().getAsLong());
        assertTrue(list.fullState());
        assertEquals(List.of(Name.of("Buddy List", "en"), Name.of("Liste d'amis", "fr")), list.names());
        assertEquals(4, list.resources().size());
        Resource bob = list.resource("sip:bob@vancouver.example.com").orElseThrow();
        assertEquals(List.of(Name.of("Bob Smith")), bob.names());
        Instance i = bob.instances().get(0);
        assertEquals("juwigmtboe", i.id());
        assertEquals(Instance.State.ACTIVE, i.state());
        assertEquals(Optional.of("12345.aaa@vancouver.example.com"), i.cid());
        Instance jim = list.resource("sip:jim@vancouver.example.com").orElseThrow().instances().get(0);
        assertEquals(Instance.State.TERMINATED, jim.state());
        assertEquals(Optional.of("rejected"), jim.reason());
        assertEquals(Optional.empty(), jim.cid());
        assertEquals(Instance.State.PENDING,
                list.resource("sip:ed@vancouver.example.com").orElseThrow().instances().get(0).state());
    }

    @Test
    void builtListRoundTripsWithUnknownContentKept() {
        GenericElement ext = GenericElement.ofText(new QName("urn:example:x", "tag", "x"), "value");
        RlmiList list = RlmiList.builder("sip:list@example.com", 4_294_967_295L, false).cid("nested@example.com")
                .name(Name.of("Friends", "en"))
                .attribute(new QName("urn:example:x", "flag", "x"), "1")
                .resource(Resource.builder("sip:bob@example.com").name("Bob")
                        .attribute(new QName("urn:example:x", "kind", "x"), "person")
                        .instance(Instance.builder("a1", Instance.State.TERMINATED).reason("noresource")
                                .extension(ext).build())
                        .extension(ext).build())
                .extension(ext).build();
        byte[] written = RlmiCodec.strict().write(list);
        RlmiList again = RlmiCodec.strict().read(written);
        assertEquals(list, again);
        assertEquals(list.hashCode(), again.hashCode());
        assertEquals(list, again.toBuilder().build());
        assertEquals(ext, again.extras().children().get(0));
        assertEquals("1", again.extras().attributes().get(new QName("urn:example:x", "flag")));
    }

    @Test
    void everyElementKnowsItsQualifiedName() {
        assertEquals(new QName(NS, "list"), RlmiList.QNAME);
        assertEquals(new QName(NS, "resource"), Resource.QNAME);
        assertEquals(new QName(NS, "instance"), Instance.QNAME);
        assertEquals(new QName(NS, "name"), Name.QNAME);
    }

    @Test
    void schemaSlipsAreWarningsInStandardAndErrorsInStrict() {
        byte[] doc = utf8("<list xmlns='" + NS + "' uri='sip:l@example.com' version='x' fullState='maybe'>"
                + "<resource uri='sip:a@example.com'><instance id='1' state='sleeping'/></resource>"
                + "<bogus/></list>");
        RlmiList list = RlmiCodec.standard().read(doc);
        assertEquals(4, list.warnings().size(), () -> list.warnings().toString());
        assertTrue(list.version().isEmpty());
        assertEquals("x", list.extras().attributes().get(new QName("version")));
        Instance i = list.resources().get(0).instances().get(0);
        assertEquals(null, i.state());
        assertEquals("sleeping", i.extras().attributes().get(new QName("state")));
        assertEquals(list, RlmiCodec.standard().read(RlmiCodec.standard().write(list)), "raw values written back");
        DocumentParseException e = assertThrows(DocumentParseException.class, () -> RlmiCodec.strict().read(doc));
        assertEquals(Reason.SCHEMA, e.reason());
    }

    @Test
    void refusesAnotherDocumentType() {
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> RlmiCodec.standard().read(Vectors.bytes("rfc3863-ex1.xml")));
        assertEquals(Reason.WRONG_DOCUMENT, e.reason());
    }

    @Test
    void refusesDoctypeExternalEntitiesAndEntityExpansion() {
        String xxe = "<?xml version='1.0'?><!DOCTYPE list [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<list xmlns='" + NS + "' uri='&x;' version='1' fullState='true'/>";
        String laughs = "<?xml version='1.0'?><!DOCTYPE list [<!ENTITY a 'aaaaaaaaaa'>"
                + "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>]>"
                + "<list xmlns='" + NS + "' uri='sip:l@example.com' version='1' fullState='true'><name>&c;</name></list>";
        for (String doc : List.of(xxe, laughs)) {
            DocumentParseException e = assertThrows(DocumentParseException.class,
                    () -> RlmiCodec.standard().read(utf8(doc)));
            assertEquals(Reason.FORBIDDEN_CONSTRUCT, e.reason(), e.getMessage());
        }
        DocumentParseException undeclared = assertThrows(DocumentParseException.class, () -> RlmiCodec.standard()
                .read(utf8("<list xmlns='" + NS + "' uri='&x;' version='1' fullState='true'/>")));
        assertTrue(undeclared.reason() == Reason.FORBIDDEN_CONSTRUCT || undeclared.reason() == Reason.MALFORMED);
    }

    @Test
    void malformedInputGivesLineAndColumn() {
        DocumentParseException e = assertThrows(DocumentParseException.class, () -> RlmiCodec.standard()
                .read(utf8("<list xmlns='" + NS + "' uri='sip:l@example.com' version='1' fullState='true'>\n"
                        + "  <resource uri='sip:a@example.com'>\n  </list>")));
        assertEquals(Reason.MALFORMED, e.reason());
        assertEquals(3, e.line());
        assertTrue(e.column() > 0);
    }

    @Test
    void limitsApply() {
        StringBuilder sb = new StringBuilder("<list xmlns='" + NS + "' uri='sip:l@example.com' version='1' "
                + "fullState='true'>");
        for (int i = 0; i < 50; i++) {
            sb.append("<resource uri='sip:u").append(i).append("@example.com'/>");
        }
        sb.append("</list>");
        RlmiCodec small = RlmiCodec.builder().limits(XmlLimits.custom().maxElements(20).build()).build();
        DocumentParseException e = assertThrows(DocumentParseException.class, () -> small.read(utf8(sb.toString())));
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
        assertEquals(50, RlmiCodec.standard().read(utf8(sb.toString())).resources().size());
    }

    @Test
    void instanceContentIsKeptAsExtensions() {
        RlmiList list = RlmiCodec.strict().read(utf8("<list xmlns='" + NS + "' uri='sip:l@example.com' version='0'"
                + " fullState='false'><resource uri='sip:a@example.com'><instance id='1' state='active'>"
                + "<x:info xmlns:x='urn:example:x'>hi</x:info></instance></resource></list>"));
        Instance i = list.resources().get(0).instances().get(0);
        assertInstanceOf(GenericElement.class, i.extras().children().get(0));
        assertFalse(list.fullState());
    }
}
