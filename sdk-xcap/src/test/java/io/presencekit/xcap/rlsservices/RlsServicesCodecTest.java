package io.presencekit.xcap.rlsservices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xcap.resourcelists.Entry;
import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xml.GenericElement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class RlsServicesCodecTest {
    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void readsReferencedAndInlineListsTyped() {
        RlsServices doc = RlsServicesCodec.strict().read(bytes("""
                <rls-services xmlns="urn:ietf:params:xml:ns:rls-services"
                    xmlns:rl="urn:ietf:params:xml:ns:resource-lists">
                  <service uri="sip:bob+presence@example.com">
                    <resource-list>
                      https://xcap.example.com/xcap-root/resource-lists/users/sip:bob@example.com/index/~~/resource-lists/list%5B@name=%22sipsimple_presence_rls%22%5D
                    </resource-list>
                    <packages><package>presence</package></packages>
                  </service>
                  <service uri="sip:marketing@example.com">
                    <list name="marketing">
                      <rl:display-name>Marketing</rl:display-name>
                      <rl:entry uri="sip:joe@example.com"/>
                      <rl:entry uri="sip:sudhir@example.com"/>
                    </list>
                  </service>
                </rls-services>
                """));
        Service presence = doc.service("sip:bob+presence@example.com").orElseThrow();
        assertTrue(presence.resourceList().orElseThrow().startsWith("https://xcap.example.com/"), "layout stripped");
        assertTrue(presence.resourceList().orElseThrow().endsWith("%5D"));
        assertEquals(List.of("presence"), presence.packages());
        assertTrue(presence.serves("presence"));
        assertFalse(presence.serves("dialog"));

        Service marketing = doc.service("sip:marketing@example.com").orElseThrow();
        ResourceList list = marketing.list().orElseThrow();
        assertEquals("Marketing", list.displayName().orElseThrow().text());
        assertEquals(List.of("sip:joe@example.com", "sip:sudhir@example.com"),
                list.entries().stream().map(Entry::uri).toList());
        assertFalse(marketing.hasPackages());
        assertTrue(marketing.serves("presence"), "no packages: every package");

        byte[] written = RlsServicesCodec.standard().write(doc);
        assertEquals(doc, RlsServicesCodec.strict().read(written));
        assertTrue(text(written).contains("<list name=\"marketing\"><rl:display-name>"), text(written));
    }

    @Test
    void buildsPythonSipsimplesPresenceService() {
        String list = "https://xcap.example.com/xcap-root/resource-lists/users/sip:bob@example.com/index/~~/"
                + "resource-lists/list%5B@name=%22sipsimple_presence_rls%22%5D";
        RlsServices doc = RlsServices.builder()
                .service(Service.of("sip:bob+presence@example.com", list, "presence")).build();
        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\"><service uri=\"sip:bob+presence@example.com\">"
                + "<resource-list>" + list + "</resource-list><packages><package>presence</package></packages>"
                + "</service></rls-services>", text(RlsServicesCodec.standard().write(doc)));
    }

    @Test
    void keepsAnotherClientsServicesAndExtensions() {
        RlsServices doc = RlsServicesCodec.standard().read(bytes("""
                <rls-services xmlns="urn:ietf:params:xml:ns:rls-services"
                    xmlns:rl="urn:ietf:params:xml:ns:resource-lists" xmlns:x="urn:example:other-client">
                  <service uri="sip:team@example.com" x:owner="carol">
                    <list><rl:entry uri="sip:a@example.com"/><x:hint>sorted</x:hint></list>
                    <packages><package>presence</package><x:pkg-note/><package>dialog</package></packages>
                    <x:policy mode="strict"><x:member>a</x:member></x:policy>
                  </service>
                </rls-services>
                """));
        assertTrue(doc.warnings().isEmpty(), doc.warnings().toString());
        Service team = doc.services().get(0);
        assertEquals("carol", team.extras().attributes().get(new QName("urn:example:other-client", "owner")));
        assertEquals(List.of("presence", "dialog"), team.packages());
        assertEquals(1, team.packagesExtensions().size());
        assertInstanceOf(GenericElement.class, team.extras().children().get(0));
        assertEquals(2, team.list().orElseThrow().items().size());
        assertEquals(doc, RlsServicesCodec.standard().read(RlsServicesCodec.standard().write(doc)));

        RlsServices changed = doc.toBuilder()
                .putService(team.toBuilder().list(team.list().orElseThrow().toBuilder().entry("sip:b@example.com")
                        .build()).build()).build();
        Service again = RlsServicesCodec.standard().read(RlsServicesCodec.standard().write(changed)).services().get(0);
        assertEquals(List.of("entry", "entry", "hint"),
                again.list().orElseThrow().items().stream().map(i -> i.qname().getLocalPart()).toList());
        assertEquals(team.extras(), again.extras());
    }

    @Test
    void aServiceWithTwoListsIsALenientSlip() {
        String xml = """
                <rls-services xmlns="urn:ietf:params:xml:ns:rls-services">
                  <service uri="sip:a@example.com">
                    <resource-list>http://xcap.example.com/a</resource-list>
                    <list name="inline"/>
                  </service>
                  <service uri="sip:b@example.com"/>
                  <service uri="sip:a@example.com"><resource-list>http://xcap.example.com/b</resource-list></service>
                </rls-services>
                """;
        RlsServices doc = RlsServicesCodec.standard().read(bytes(xml));
        assertEquals(3, doc.warnings().size(), doc.warnings().toString());
        Service a = doc.services().get(0);
        assertEquals("http://xcap.example.com/a", a.resourceList().orElseThrow());
        assertTrue(a.list().isEmpty());
        assertEquals(new QName("urn:ietf:params:xml:ns:rls-services", "list"), a.extras().children().get(0).qname());
        assertEquals(doc, RlsServicesCodec.standard().read(RlsServicesCodec.standard().write(doc)));
        assertEquals(Reason.SCHEMA,
                assertThrows(DocumentParseException.class, () -> RlsServicesCodec.strict().read(bytes(xml))).reason());
    }

    @Test
    void serviceTakesOneKindOfList() {
        Service s = Service.builder("sip:a@example.com").list(ResourceList.builder().entry("sip:x@example.com").build())
                .resourceList("http://xcap.example.com/l").build();
        assertTrue(s.list().isEmpty());
        assertEquals("http://xcap.example.com/l", s.resourceList().orElseThrow());
    }
}
