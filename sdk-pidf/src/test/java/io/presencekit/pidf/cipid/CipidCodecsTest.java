package io.presencekit.pidf.cipid;

import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTrip;
import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTripKeepingSlips;
import static io.presencekit.pidf.ExtensionTestSupport.assertSchemaError;
import static io.presencekit.pidf.ExtensionTestSupport.lenient;
import static io.presencekit.pidf.ExtensionTestSupport.presence;
import static io.presencekit.pidf.ExtensionTestSupport.read;
import static io.presencekit.pidf.ExtensionTestSupport.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class CipidCodecsTest {
    private static final PidfCodec LENIENT = lenient(CipidCodecs.codecs());
    private static final PidfCodec STRICT = strict(CipidCodecs.codecs());
    private static final String NS = "xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
            + " xmlns:c=\"urn:ietf:params:xml:ns:pidf:cipid\"";

    private static final String PERSON_AND_TUPLE = presence(NS, """
              <tuple id="t1">
                <status><basic>open</basic></status>
                <c:display-name xml:lang="nl">Alice de Vries</c:display-name>
                <c:card> https://alice.example.com/alice.vcf </c:card>
                <c:homepage>https://alice.example.com/</c:homepage>
                <contact>sip:alice@example.com</contact>
              </tuple>
              <dm:person id="p1">
                <c:card>https://alice.example.com/card.vcf</c:card>
                <c:display-name>Alice</c:display-name>
                <c:homepage>https://alice.example.com/</c:homepage>
                <c:icon>https://xcap.example.com/icon/index#blink-icon1234</c:icon>
                <c:map>Netherlands/Amsterdam</c:map>
                <c:sound>https://alice.example.com/hello.wav</c:sound>
              </dm:person>""");

    @Test
    void readsEveryElementInPersonAsTypedValues() {
        PresenceDocument doc = read(LENIENT, PERSON_AND_TUPLE);
        assertEquals(List.of(), doc.warnings());
        Person p = doc.person().orElseThrow();
        assertEquals("https://alice.example.com/card.vcf", p.extension(Card.class).orElseThrow().value());
        assertEquals(DisplayName.of("Alice"), p.extension(DisplayName.class).orElseThrow());
        assertEquals(Optional.empty(), p.extension(DisplayName.class).orElseThrow().language());
        assertEquals("https://alice.example.com/", p.extension(Homepage.class).orElseThrow().value());
        assertEquals("https://xcap.example.com/icon/index#blink-icon1234",
                p.extension(Icon.class).orElseThrow().value());
        assertEquals("Netherlands/Amsterdam", p.extension(MapLocation.class).orElseThrow().value());
        assertEquals("https://alice.example.com/hello.wav", p.extension(Sound.class).orElseThrow().value());
        assertEquals(6, p.extensions().size());
    }

    @Test
    void readsElementsInTupleWithLanguageAndStrippedUri() {
        Tuple t = read(LENIENT, PERSON_AND_TUPLE).tuple("t1").orElseThrow();
        DisplayName name = t.extension(DisplayName.class).orElseThrow();
        assertEquals("Alice de Vries", name.value());
        assertEquals("nl", name.lang());
        assertEquals(Optional.of("nl"), name.language());
        assertEquals(Card.of("https://alice.example.com/alice.vcf"), t.extension(Card.class).orElseThrow());
        assertEquals(Homepage.of("https://alice.example.com/"), t.extension(Homepage.class).orElseThrow());
    }

    @Test
    void writesWhatItReadsAndReadsItBackEqual() {
        PresenceDocument doc = read(LENIENT, PERSON_AND_TUPLE);
        String xml = assertRoundTrip(LENIENT, doc);
        assertTrue(xml.contains("xmlns:c=\"urn:ietf:params:xml:ns:pidf:cipid\""), xml);
        assertTrue(xml.contains("<c:display-name xml:lang=\"nl\">Alice de Vries</c:display-name>"), xml);
        assertTrue(xml.contains("<c:map>Netherlands/Amsterdam</c:map>"), xml);
        assertTrue(xml.contains("<c:sound>https://alice.example.com/hello.wav</c:sound>"), xml);
    }

    @Test
    void builtElementsRoundTrip() {
        PresenceDocument doc = PresenceDocument.builder("sip:bob@example.com")
                .tuple(Tuple.builder("t").basic(Basic.OPEN)
                        .extension(DisplayName.of("Bob", "en"))
                        .extension(Icon.of("https://example.com/bob.png")).build())
                .person(Person.builder("p").extension(Card.of("https://example.com/bob.vcf"))
                        .extension(Homepage.of("https://example.com/"))
                        .extension(MapLocation.of("geo:52.37,4.89"))
                        .extension(Sound.of("https://example.com/bob.wav")).build())
                .build();
        String xml = assertRoundTrip(LENIENT, doc);
        assertTrue(xml.contains("<c:icon>https://example.com/bob.png</c:icon>"), xml);
    }

    @Test
    void keepsUnknownAttributes() {
        String xml = presence(NS + " xmlns:x=\"urn:example:x\"", """
                  <dm:person id="p1">
                    <c:icon x:size="64" scale="2">https://example.com/a.png</c:icon>
                    <c:display-name xml:lang="en" x:kind="nick">Al</c:display-name>
                  </dm:person>""");
        PresenceDocument doc = read(LENIENT, xml);
        Person p = doc.person().orElseThrow();
        Icon icon = p.extension(Icon.class).orElseThrow();
        assertEquals(Map.of(new QName("urn:example:x", "size"), "64", new QName("scale"), "2"), icon.attributes());
        DisplayName name = p.extension(DisplayName.class).orElseThrow();
        assertEquals("en", name.lang());
        assertEquals(Map.of(new QName("urn:example:x", "kind"), "nick"), name.attributes());
        String written = assertRoundTrip(LENIENT, doc);
        assertTrue(written.contains("size=\"64\""), written);
        assertTrue(written.contains("kind=\"nick\""), written);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyElementKeepsUnknownAttributesInTupleAndPerson() throws Exception {
        for (String name : List.of("card", "display-name", "homepage", "icon", "map", "sound")) {
            String element = "<c:" + name + " x:note=\"n\" mode=\"m\">v</c:" + name + ">";
            String xml = presence(NS + " xmlns:x=\"urn:example:x\"", "<tuple id=\"t\"><status><basic>open</basic></status>"
                    + element + "</tuple><dm:person id=\"p\">" + element + "</dm:person>");
            PresenceDocument doc = read(STRICT, xml);
            for (ExtensionElement e : List.of(doc.tuples().get(0).extensions().get(0),
                    doc.person().orElseThrow().extensions().get(0))) {
                assertFalse(e instanceof GenericElement, name);
                assertEquals(name, e.qname().getLocalPart());
                Map<QName, String> attributes = e instanceof DisplayName d ? d.attributes()
                        : (Map<QName, String>) e.getClass().getMethod("attributes").invoke(e);
                assertEquals(Map.of(new QName("urn:example:x", "note"), "n", new QName("mode"), "m"), attributes, name);
            }
            assertRoundTrip(LENIENT, doc);
        }
    }

    @Test
    void unknownCipidSiblingsStayGeneric() {
        String xml = presence(NS, """
                  <dm:person id="p1">
                    <c:birthday>1970-01-01</c:birthday>
                    <c:icon>https://example.com/a.png</c:icon>
                  </dm:person>""");
        PresenceDocument doc = read(LENIENT, xml);
        List<ExtensionElement> ext = doc.person().orElseThrow().extensions();
        assertTrue(ext.get(0) instanceof GenericElement, ext::toString);
        assertTrue(ext.get(1) instanceof Icon, ext::toString);
        assertRoundTrip(LENIENT, doc);
    }

    @Test
    void elementContentInsideUriKeepsTheWholeElementUnread() {
        String xml = presence(NS, """
                  <dm:person id="p1">
                    <c:homepage>https://example.com/<b>bold</b></c:homepage>
                  </dm:person>""");
        PresenceDocument doc = read(LENIENT, xml);
        // a typed homepage would lose <b>: the element is kept whole instead
        assertTrue(doc.person().orElseThrow().extension(Homepage.class).isEmpty());
        GenericElement kept = doc.person().orElseThrow().extension(GenericElement.class).orElseThrow();
        assertEquals("homepage", kept.qname().getLocalPart());
        assertEquals(1, kept.elements().size());
        assertFalse(doc.warnings().isEmpty());
        assertRoundTripKeepingSlips(LENIENT, doc);
        assertSchemaError(STRICT, xml);
    }

    @Test
    void strictModeAcceptsValidCipid() {
        PresenceDocument doc = read(STRICT, PERSON_AND_TUPLE);
        assertEquals(read(LENIENT, PERSON_AND_TUPLE), doc);
    }

    @Test
    void elementsHaveTheirQualifiedNames() {
        assertEquals(new QName(Namespaces.CIPID, "map"), MapLocation.of("x").qname());
        assertEquals(new QName(Namespaces.CIPID, "display-name"), DisplayName.of("x").qname());
        assertEquals(6, CipidCodecs.codecs().size());
    }

    @Test
    void modelRefusesNullAndBlankLanguage() {
        assertThrows(NullPointerException.class, () -> Card.of(null));
        assertThrows(IllegalArgumentException.class, () -> DisplayName.of("x", " "));
    }
}
