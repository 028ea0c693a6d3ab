package io.presencekit.xcap.resourcelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.ParseWarning;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** The AG Projects address book as Blink stores it in resource-lists (python-sipsimple's addressbook.py). */
class AddressBookTest {
    /** A resource-lists document shaped like the one python-sipsimple writes for Blink. */
    static final String BLINK = """
            <?xml version='1.0' encoding='UTF-8'?>
            <rl:resource-lists xmlns:agp-rl="urn:ag-projects:xml:ns:resource-lists" \
            xmlns:rl="urn:ietf:params:xml:ns:resource-lists" xmlns:addressbook="urn:ag-projects:xml:ns:addressbook" \
            xmlns:blink="urn:ag-projects:blink:xml:ns:addressbook">
              <rl:list name="oma_buddylist"/>
              <rl:list name="oma_grantedcontacts">
                <rl:entry uri="sip:alice@example.com"/>
              </rl:list>
              <rl:list name="oma_blockedcontacts">
                <rl:entry uri="sip:spam@example.net">
                  <agp-rl:attributes><agp-rl:attribute name="reason">spam</agp-rl:attribute></agp-rl:attributes>
                </rl:entry>
              </rl:list>
              <rl:list name="oma_allcontacts">
                <rl:external anchor="https://xcap.example.com/xcap-root/resource-lists/users/sip:bob@example.com/index/~~/resource-lists/list%5B@name=%22oma_buddylist%22%5D"/>
                <rl:external anchor="https://xcap.example.com/xcap-root/resource-lists/users/sip:bob@example.com/index/~~/resource-lists/list%5B@name=%22oma_grantedcontacts%22%5D"/>
                <rl:external anchor="https://xcap.example.com/xcap-root/resource-lists/users/sip:bob@example.com/index/~~/resource-lists/list%5B@name=%22oma_blockedcontacts%22%5D"/>
              </rl:list>
              <rl:list name="dialog_grantedcontacts"/>
              <rl:list name="dialog_blockedcontacts"/>
              <rl:list name="sipsimple_presence_rls">
                <rl:entry uri="sip:alice@example.com"/>
              </rl:list>
              <rl:list name="sipsimple_dialog_rls"/>
              <rl:list name="sipsimple_addressbook">
                <addressbook:group id="id2837464100">
                  <addressbook:name>Friends</addressbook:name>
                  <addressbook:contacts>
                    <addressbook:contact_id>id1234567890</addressbook:contact_id>
                  </addressbook:contacts>
                  <blink:attributes><blink:attribute name="position">0</blink:attribute></blink:attributes>
                </addressbook:group>
                <addressbook:contact id="id1234567890">
                  <addressbook:name>Alice</addressbook:name>
                  <addressbook:uris default="id5678">
                    <addressbook:uri id="id5678" uri="sip:alice@example.com" type="SIP"/>
                    <addressbook:uri id="id5679" uri="tel:+15551234567" type="Mobile">
                      <blink:attributes><blink:attribute name="position">1</blink:attribute></blink:attributes>
                    </addressbook:uri>
                  </addressbook:uris>
                  <addressbook:dialog>
                    <addressbook:policy>default</addressbook:policy>
                    <addressbook:subscribe>false</addressbook:subscribe>
                  </addressbook:dialog>
                  <addressbook:presence>
                    <addressbook:policy>allow</addressbook:policy>
                    <addressbook:subscribe>true</addressbook:subscribe>
                  </addressbook:presence>
                  <blink:attributes>
                    <blink:attribute name="preferred_media">audio</blink:attribute>
                    <blink:attribute name="auto_answer" nil="true"/>
                  </blink:attributes>
                </addressbook:contact>
                <addressbook:policy-element id="id999" uri="sip:spam@example.net">
                  <addressbook:name></addressbook:name>
                  <addressbook:dialog>
                    <addressbook:policy>default</addressbook:policy>
                    <addressbook:subscribe>false</addressbook:subscribe>
                  </addressbook:dialog>
                  <addressbook:presence>
                    <addressbook:policy>block</addressbook:policy>
                    <addressbook:subscribe>false</addressbook:subscribe>
                  </addressbook:presence>
                </addressbook:policy-element>
              </rl:list>
            </rl:resource-lists>
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsBlinksAddressBookTyped() {
        ResourceLists doc = ResourceListsCodec.strict().read(bytes(BLINK));
        assertTrue(doc.warnings().isEmpty());
        assertEquals(List.of("oma_buddylist", "oma_grantedcontacts", "oma_blockedcontacts", "oma_allcontacts",
                "dialog_grantedcontacts", "dialog_blockedcontacts", "sipsimple_presence_rls", "sipsimple_dialog_rls",
                "sipsimple_addressbook"), doc.lists().stream().map(l -> l.name().orElseThrow()).toList());

        ResourceList book = doc.list("sipsimple_addressbook").orElseThrow();
        AddressBookContact alice = book.contacts().get(0);
        assertEquals("id1234567890", alice.id());
        assertEquals("Alice", alice.name());
        assertEquals(List.of("sip:alice@example.com", "tel:+15551234567"),
                alice.uris().stream().map(ContactUri::uri).toList());
        assertEquals("sip:alice@example.com", alice.preferredUri().orElseThrow().uri());
        assertEquals("Mobile", alice.uris().get(1).type());
        assertEquals("1", alice.uris().get(1).sharedAttributes().orElseThrow().get("position").orElseThrow());
        assertEquals(new EventHandling(HandlingPolicy.ALLOW, true), alice.presence());
        assertEquals(EventHandling.DEFAULT, alice.dialog());
        SharedAttributes blink = alice.sharedAttributes(XcapNamespaces.BLINK_ADDRESSBOOK).orElseThrow();
        assertEquals("audio", blink.get("preferred_media").orElseThrow());
        assertTrue(blink.isNil("auto_answer"));

        AddressBookGroup friends = book.groups().get(0);
        assertEquals("Friends", friends.name());
        assertEquals(List.of("id1234567890"), friends.contactIds());

        AddressBookPolicy spam = book.policies().get(0);
        assertEquals("sip:spam@example.net", spam.uri());
        assertEquals(HandlingPolicy.BLOCK, spam.presence().policy());
        assertEquals("", spam.name());

        Entry blocked = doc.list("oma_blockedcontacts").orElseThrow().entries().get(0);
        SharedAttributes reason = blocked.extension(SharedAttributes.class).orElseThrow();
        assertEquals(SharedAttributes.AGP_RL, reason.qname());
        assertEquals("spam", reason.get("reason").orElseThrow());
        assertEquals(3, doc.list("oma_allcontacts").orElseThrow().externals().size());

        byte[] written = ResourceListsCodec.standard().write(doc);
        assertEquals(doc, ResourceListsCodec.strict().read(written));
        String xml = new String(written, StandardCharsets.UTF_8);
        assertTrue(xml.contains("xmlns:addressbook=\"urn:ag-projects:xml:ns:addressbook\""), xml);
        assertTrue(xml.contains("<blink:attribute name=\"auto_answer\" nil=\"true\"/>"), xml);
        assertTrue(xml.contains("<addressbook:uris default=\"id5678\">"), xml);
    }

    @Test
    void keepsWhatAnotherApplicationAddsToTheAddressBook() {
        String xml = BLINK.replace("<addressbook:policy-element id=\"id999\"",
                "<x:favorite xmlns:x=\"urn:example:other-app\" ref=\"id1234567890\"/>"
                        + "<addressbook:policy-element id=\"id999\"")
                .replace("<addressbook:name>Alice</addressbook:name>",
                        "<addressbook:name>Alice</addressbook:name>")
                .replace("</blink:attributes>\n    </addressbook:contact>",
                        "</blink:attributes>\n<y:ringtone xmlns:y=\"urn:example:ringtones\">bell</y:ringtone>"
                                + "<sipsimple:attributes xmlns:sipsimple=\"urn:ag-projects:sipsimple:xml:ns:addressbook\">"
                                + "<sipsimple:attribute name=\"k\">v</sipsimple:attribute></sipsimple:attributes>"
                                + "\n    </addressbook:contact>");
        ResourceLists doc = ResourceListsCodec.standard().read(bytes(xml));
        assertTrue(doc.warnings().isEmpty(), doc.warnings().toString());
        ResourceList book = doc.list("sipsimple_addressbook").orElseThrow();
        assertEquals(List.of("group", "contact", "favorite", "policy-element"),
                book.items().stream().map(i -> i.qname().getLocalPart()).toList());
        AddressBookContact alice = book.contacts().get(0);
        assertEquals(3, alice.extras().children().size());
        assertInstanceOf(GenericElement.class, alice.extras().children().get(1));
        assertEquals("v", alice.sharedAttributes(XcapNamespaces.SIPSIMPLE_ADDRESSBOOK).orElseThrow().get("k")
                .orElseThrow());

        // the application changes Alice's presence policy: everything else is written back
        AddressBookContact changed = alice.toBuilder().presence(new EventHandling(HandlingPolicy.BLOCK, false)).build();
        ResourceList newBook = book.toBuilder()
                .replaceOrAdd(e -> e instanceof AddressBookContact c && c.id().equals(alice.id()), changed).build();
        ResourceLists newDoc = doc.toBuilder().putList(newBook).build();
        ResourceLists again = ResourceListsCodec.standard().read(ResourceListsCodec.standard().write(newDoc));
        assertEquals(newDoc, again);
        AddressBookContact reread = again.list("sipsimple_addressbook").orElseThrow().contacts().get(0);
        assertEquals(HandlingPolicy.BLOCK, reread.presence().policy());
        assertEquals(alice.extras(), reread.extras());
        assertEquals(List.of("group", "contact", "favorite", "policy-element"), again.list("sipsimple_addressbook")
                .orElseThrow().items().stream().map(i -> i.qname().getLocalPart()).toList());
    }

    @Test
    void aContactThatCannotBeReadIsKeptWhole() {
        String xml = BLINK.replace("<addressbook:policy>allow</addressbook:policy>",
                "<addressbook:policy>maybe</addressbook:policy>");
        ResourceLists doc = ResourceListsCodec.standard().read(bytes(xml));
        ResourceList book = doc.list("sipsimple_addressbook").orElseThrow();
        assertTrue(book.contacts().isEmpty());
        GenericElement kept = assertInstanceOf(GenericElement.class, book.items().get(1));
        assertEquals(AddressBookContact.QNAME, kept.qname());
        assertEquals(ParseWarning.Kind.KEPT_UNREAD, doc.warnings().get(0).kind());
        assertTrue(doc.warnings().get(0).message().contains("maybe"), doc.warnings().toString());
        assertEquals(doc, ResourceListsCodec.standard().read(ResourceListsCodec.standard().write(doc)));
        assertThrows(DocumentParseException.class, () -> ResourceListsCodec.strict().read(bytes(xml)));
    }

    @Test
    void unregisteredAddressBookElementsStayGeneric() {
        ResourceListsCodec plain = ResourceListsCodec.builder().unregister(AddressBookContact.QNAME).build();
        ResourceLists doc = plain.read(bytes(BLINK));
        ResourceList book = doc.list("sipsimple_addressbook").orElseThrow();
        assertTrue(book.contacts().isEmpty());
        assertEquals(1, book.groups().size());
        assertEquals(doc, plain.read(plain.write(doc)));
    }

    @Test
    void buildsAContactAsPythonSipsimpleWritesIt() {
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("preferred_media", "video");
        AddressBookContact bob = AddressBookContact.builder("id42", "Bob")
                .uri(ContactUri.of("id43", "sip:bob@example.com", "SIP")).defaultUriId("id43")
                .presence(new EventHandling(HandlingPolicy.ALLOW, true))
                .extension(SharedAttributes.of(SharedAttributes.BLINK, attributes)).build();
        ResourceLists doc = ResourceLists.builder()
                .list(ResourceList.builder("sipsimple_addressbook").item(bob).build()).build();
        String xml = new String(ResourceListsCodec.standard().write(doc), StandardCharsets.UTF_8);
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" \
                xmlns:addressbook="urn:ag-projects:xml:ns:addressbook" \
                xmlns:blink="urn:ag-projects:blink:xml:ns:addressbook"><list name="sipsimple_addressbook">\
                <addressbook:contact id="id42"><addressbook:name>Bob</addressbook:name>\
                <addressbook:uris default="id43"><addressbook:uri id="id43" uri="sip:bob@example.com" type="SIP"/>\
                </addressbook:uris><addressbook:dialog><addressbook:policy>default</addressbook:policy>\
                <addressbook:subscribe>false</addressbook:subscribe></addressbook:dialog><addressbook:presence>\
                <addressbook:policy>allow</addressbook:policy><addressbook:subscribe>true</addressbook:subscribe>\
                </addressbook:presence><blink:attributes><blink:attribute name="preferred_media">video</blink:attribute>\
                </blink:attributes></addressbook:contact></list></resource-lists>""", xml);
        assertEquals(doc, ResourceListsCodec.strict().read(xml.getBytes(StandardCharsets.UTF_8)));
        assertFalse(doc.lists().get(0).contacts().isEmpty());
        assertEquals(new QName(XcapNamespaces.AGP_ADDRESSBOOK, "contact"), bob.qname());
    }
}
