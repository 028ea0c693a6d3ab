package io.presencekit.xcap.resourcelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.XmlLimits;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class ResourceListsCodecTest {
    private static final String RL = "urn:ietf:params:xml:ns:resource-lists";
    private static final String OTHER = "urn:example:other-client";

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static ResourceLists roundTrip(ResourceLists doc) {
        byte[] written = ResourceListsCodec.standard().write(doc);
        ResourceLists again = ResourceListsCodec.standard().read(written);
        assertEquals(doc, again, () -> new String(written, StandardCharsets.UTF_8));
        return again;
    }

    @Test
    void readsListsEntriesReferencesAndNestedListsTyped() {
        ResourceLists doc = ResourceListsCodec.strict().read(bytes("""
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
                  <list name="friends">
                    <display-name xml:lang="en">Friends</display-name>
                    <entry uri="sip:bill@example.com"><display-name>Bill Doe</display-name></entry>
                    <entry-ref ref="resource-lists/users/sip:bill@example.com/index/~~/resource-lists/list%5b@name=%22l1%22%5d/entry%5b@uri=%22sip:petri@example.com%22%5d"/>
                    <list name="close-friends">
                      <entry uri="sip:joe@example.com"/>
                      <external anchor="http://xcap.example.org/resource-lists/users/sip:a@example.org/index/~~/resource-lists/list%5b@name=%22mkting%22%5d">
                        <display-name>Marketing</display-name>
                      </external>
                    </list>
                  </list>
                </resource-lists>
                """));
        ResourceList friends = doc.list("friends").orElseThrow();
        assertEquals(new DisplayName("Friends", "en"), friends.displayName().orElseThrow());
        assertEquals("Bill Doe", friends.entry("sip:bill@example.com").orElseThrow().displayNameText().orElseThrow());
        assertEquals(1, friends.entryRefs().size());
        assertTrue(friends.entryRefs().get(0).ref().startsWith("resource-lists/users/sip:bill@example.com"));
        ResourceList close = friends.list("close-friends").orElseThrow();
        assertEquals("Marketing", close.externals().get(0).displayNameText().orElseThrow());
        assertTrue(close.externals().get(0).anchor().orElseThrow().startsWith("http://xcap.example.org/"));
        assertEquals(List.of("sip:bill@example.com", "sip:joe@example.com"), friends.allEntryUris());
        assertTrue(doc.warnings().isEmpty());
        roundTrip(doc);
    }

    @Test
    void keepsAnotherClientsElementsAndAttributesInPlace() {
        ResourceLists doc = ResourceListsCodec.standard().read(bytes("""
                <rl:resource-lists xmlns:rl="urn:ietf:params:xml:ns:resource-lists"
                    xmlns:x="urn:example:other-client">
                  <rl:list name="work" x:color="blue">
                    <rl:entry uri="sip:ann@example.com" x:rank="1">
                      <rl:display-name>Ann</rl:display-name>
                      <x:note lang="en">met at <x:b>IETF</x:b> 70</x:note>
                    </rl:entry>
                    <rl:entry uri="sip:ben@example.com"/>
                    <x:sorted by="name"/>
                    <x:pinned uri="sip:ann@example.com"/>
                  </rl:list>
                </rl:resource-lists>
                """));
        assertTrue(doc.warnings().isEmpty(), () -> doc.warnings().toString());
        ResourceList work = doc.list("work").orElseThrow();
        assertEquals("blue", work.attributes().get(new QName(OTHER, "color")));
        Entry ann = work.entries().get(0);
        assertEquals("1", ann.extras().attributes().get(new QName(OTHER, "rank")));
        GenericElement note = assertInstanceOf(GenericElement.class, ann.extras().children().get(0));
        assertEquals(3, note.children().size(), "mixed content kept: " + note);
        assertEquals("IETF", note.elements().get(0).text());
        assertEquals("en", note.attribute(new QName("lang")));
        List<ExtensionElement> items = work.items();
        assertEquals(List.of("entry", "entry", "sorted", "pinned"),
                items.stream().map(i -> i.qname().getLocalPart()).toList(), "members kept in document order");

        ResourceLists again = roundTrip(doc);
        String written = new String(ResourceListsCodec.standard().write(again), StandardCharsets.UTF_8);
        assertTrue(written.indexOf("sorted") < written.indexOf("pinned"), written);
        assertTrue(written.contains("met at <"), written);
    }

    @Test
    void builderAddsMembersBeforeAnotherClientsElements() {
        ResourceList list = ResourceList.builder("work").entry("sip:ann@example.com")
                .item(GenericElement.builder(new QName(OTHER, "sorted")).attribute("by", "name").build())
                .entry("sip:ben@example.com", "Ben").build();
        assertEquals(List.of("entry", "entry", "sorted"),
                list.items().stream().map(i -> i.qname().getLocalPart()).toList());
        ResourceLists doc = ResourceLists.builder().list(list).build();
        ResourceLists again = roundTrip(doc);
        assertTrue(again.warnings().isEmpty());
        assertTrue(ResourceListsCodec.strict().read(ResourceListsCodec.standard().write(doc)).warnings().isEmpty());
    }

    @Test
    void putAndRemoveKeepTheRestInPlace() {
        ResourceList list = ResourceList.builder("l").entry("sip:a@example.com").entry("sip:b@example.com")
                .entry("sip:c@example.com").build();
        ResourceList changed = list.toBuilder().putEntry(Entry.of("sip:b@example.com", "Bee"))
                .removeEntry("sip:a@example.com").build();
        assertEquals(List.of("sip:b@example.com", "sip:c@example.com"),
                changed.entries().stream().map(Entry::uri).toList());
        assertEquals("Bee", changed.entry("sip:b@example.com").orElseThrow().displayNameText().orElseThrow());
    }

    @Test
    void anEntryWithoutUriIsKeptWholeWithAWarningOrRefusedWhenStrict() {
        String xml = """
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
                  <list name="l"><entry><display-name>nobody</display-name></entry><entry uri="sip:a@example.com"/></list>
                </resource-lists>
                """;
        ResourceLists doc = ResourceListsCodec.standard().read(bytes(xml));
        ResourceList l = doc.lists().get(0);
        assertInstanceOf(GenericElement.class, l.items().get(0));
        assertEquals(1, l.entries().size());
        assertEquals(ParseWarning.Kind.KEPT_UNREAD, doc.warnings().get(0).kind());
        roundTrip(doc);
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> ResourceListsCodec.strict().read(bytes(xml)));
        assertEquals(Reason.SCHEMA, e.reason());
    }

    @Test
    void duplicatesAgainstRfc4826AreWarningsOrStrictErrors() {
        String xml = """
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
                  <list name="l"><entry uri="sip:a@example.com"/><entry uri="sip:a@example.com"/></list>
                </resource-lists>
                """;
        ResourceLists doc = ResourceListsCodec.standard().read(bytes(xml));
        assertEquals(2, doc.lists().get(0).entries().size(), "both kept");
        assertTrue(doc.warnings().get(0).message().contains("duplicate entry uri"), doc.warnings().toString());
        assertEquals(Reason.SCHEMA,
                assertThrows(DocumentParseException.class, () -> ResourceListsCodec.strict().read(bytes(xml))).reason());
    }

    @Test
    void anUnknownResourceListsElementIsASlipKeptInPlace() {
        String xml = """
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists">
                  <list name="l"><entry uri="sip:a@example.com"/><group name="g"/></list>
                  <comment>not a list</comment>
                </resource-lists>
                """;
        ResourceLists doc = ResourceListsCodec.standard().read(bytes(xml));
        assertEquals(2, doc.warnings().size(), doc.warnings().toString());
        assertEquals(new QName(RL, "group"), doc.lists().get(0).items().get(1).qname());
        assertEquals(new QName(RL, "comment"), doc.items().get(1).qname());
        roundTrip(doc);
        assertThrows(DocumentParseException.class, () -> ResourceListsCodec.strict().read(bytes(xml)));
    }

    @Test
    void writesTheResourceListsNamespaceAsDefault() {
        ResourceLists doc = ResourceLists.builder()
                .list(ResourceList.builder("friends").entry("sip:bob@example.com", "Bob Jones").build()).build();
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists"><list name="friends">\
                <entry uri="sip:bob@example.com"><display-name>Bob Jones</display-name></entry></list></resource-lists>""",
                new String(ResourceListsCodec.standard().write(doc), StandardCharsets.UTF_8));
    }

    @Test
    void refusesOtherDocumentsAndHostileInput() {
        assertEquals(Reason.WRONG_DOCUMENT, assertThrows(DocumentParseException.class,
                () -> ResourceListsCodec.standard().read(bytes("<rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\"/>")))
                .reason());
        assertEquals(Reason.FORBIDDEN_CONSTRUCT, assertThrows(DocumentParseException.class,
                () -> ResourceListsCodec.standard().read(bytes("<!DOCTYPE r [<!ENTITY x \"y\">]>"
                        + "<resource-lists xmlns=\"" + RL + "\"><list name=\"&x;\"/></resource-lists>"))).reason());
        assertEquals(Reason.EMPTY,
                assertThrows(DocumentParseException.class, () -> ResourceListsCodec.standard().read(bytes(" "))).reason());
        ResourceListsCodec small = ResourceListsCodec.builder()
                .limits(XmlLimits.custom().maxDepth(4).build()).build();
        assertEquals(Reason.LIMIT_EXCEEDED, assertThrows(DocumentParseException.class, () -> small.read(bytes(
                "<resource-lists xmlns=\"" + RL + "\"><list><list><list><list/></list></list></list></resource-lists>")))
                .reason());
        assertFalse(small.isStrict());
    }
}
