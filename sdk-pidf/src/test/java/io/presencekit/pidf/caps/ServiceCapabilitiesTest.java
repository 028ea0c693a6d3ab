package io.presencekit.pidf.caps;

import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTrip;
import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTripKeepingSlips;
import static io.presencekit.pidf.ExtensionTestSupport.assertSchemaError;
import static io.presencekit.pidf.ExtensionTestSupport.lenient;
import static io.presencekit.pidf.ExtensionTestSupport.presence;
import static io.presencekit.pidf.ExtensionTestSupport.read;
import static io.presencekit.pidf.ExtensionTestSupport.strict;
import static io.presencekit.pidf.ExtensionTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class ServiceCapabilitiesTest {
    private static final PidfCodec LENIENT = lenient(CapsCodecs.codecs());
    private static final PidfCodec STRICT = strict(CapsCodecs.codecs());
    private static final String NS = "xmlns:caps=\"urn:ietf:params:xml:ns:pidf:caps\""
            + " xmlns:agp-caps=\"urn:ag-projects:xml:ns:pidf:caps\" xmlns:x=\"urn:example:x\"";

    private static String tuple(String servcaps) {
        return presence(NS, "  <tuple id=\"t1\">\n    <status><basic>open</basic></status>\n" + servcaps
                + "\n    <contact>sip:alice@example.com</contact>\n  </tuple>");
    }

    private static ServiceCapabilities servcaps(PresenceDocument doc) {
        return doc.tuple("t1").orElseThrow().extension(ServiceCapabilities.class).orElseThrow();
    }

    private static final String SOFTPHONE = tuple("""
                <caps:servcaps>
                  <caps:audio>true</caps:audio>
                  <caps:description xml:lang="en">Desk phone</caps:description>
                  <caps:description xml:lang="nl">Bureautelefoon</caps:description>
                  <caps:duplex>
                    <caps:supported><caps:full/></caps:supported>
                    <caps:notsupported><caps:half/></caps:notsupported>
                  </caps:duplex>
                  <caps:event-packages>
                    <caps:supported><caps:dialog/><caps:presence/><caps:winfo/></caps:supported>
                  </caps:event-packages>
                  <caps:message>true</caps:message>
                  <caps:methods>
                    <caps:supported><caps:BYE/><caps:INVITE/><caps:MESSAGE/></caps:supported>
                    <caps:notsupported><caps:REFER/></caps:notsupported>
                  </caps:methods>
                  <caps:languages>
                    <caps:supported><caps:l>en</caps:l><caps:l>nl</caps:l></caps:supported>
                  </caps:languages>
                  <caps:priority>
                    <caps:supported>
                      <caps:equals value="0"/>
                      <caps:lowerthan maxvalue="10"/>
                      <caps:range minvalue="20" maxvalue="30"/>
                    </caps:supported>
                  </caps:priority>
                  <caps:schemes>
                    <caps:supported><caps:s>sip</caps:s><caps:s>tel</caps:s></caps:supported>
                  </caps:schemes>
                  <caps:type>text/plain</caps:type>
                  <caps:video>false</caps:video>
                </caps:servcaps>""");

    @Test
    void readsBooleanAndStructuredCapabilitiesInsideTuple() {
        PresenceDocument doc = read(LENIENT, SOFTPHONE);
        assertEquals(List.of(), doc.warnings());
        ServiceCapabilities caps = servcaps(doc);
        assertEquals(Set.of("audio", "message"), caps.supported());
        assertEquals(Set.of("video"), caps.notSupported());
        assertEquals(Optional.of(true), caps.capability("audio"));
        assertEquals(Optional.of(false), caps.capability("video"));
        assertEquals(Optional.empty(), caps.capability("text"));
        assertEquals(Optional.empty(), caps.capability("file-transfer"));
        assertEquals(List.of(Description.of("Desk phone", "en"), Description.of("Bureautelefoon", "nl")),
                caps.descriptions());
        assertEquals(Support.of(Set.of("full"), Set.of("half")), caps.duplex().orElseThrow());
        assertTrue(caps.eventPackages().orElseThrow().supports("presence"));
        Support<String> methods = caps.methods().orElseThrow();
        assertEquals(Set.of("BYE", "INVITE", "MESSAGE"), methods.supported());
        assertEquals(Optional.of(false), methods.support("REFER"));
        assertEquals(Optional.empty(), methods.support("UPDATE"));
        assertEquals(Set.of("en", "nl"), caps.languages().orElseThrow().supported());
        assertEquals(Set.of(new PriorityCondition.Equals(0), new PriorityCondition.LowerThan(10),
                new PriorityCondition.Range(20, 30)), caps.priority().orElseThrow().supported());
        assertEquals(List.of("sip", "tel"), List.copyOf(caps.schemes().orElseThrow().supported()));
        assertEquals(Set.of("text/plain"), caps.types());
        assertEquals(Optional.empty(), caps.actor());
        assertTrue(caps.extras().isEmpty());
        assertEquals(doc, read(STRICT, SOFTPHONE));
    }

    @Test
    void writesWhatItReadsAndReadsItBackEqual() {
        String xml = assertRoundTrip(LENIENT, read(LENIENT, SOFTPHONE));
        assertTrue(xml.contains("<caps:methods><caps:supported><caps:BYE/><caps:INVITE/><caps:MESSAGE/></caps:supported>"
                + "<caps:notsupported><caps:REFER/></caps:notsupported></caps:methods>"), xml);
        assertTrue(xml.contains("<caps:description xml:lang=\"nl\">Bureautelefoon</caps:description>"), xml);
        assertTrue(xml.contains("<caps:range minvalue=\"20\" maxvalue=\"30\"/>"), xml);
        assertFalse(xml.contains("agp-caps"), xml);
    }

    private static ServiceCapabilities everything() {
        return ServiceCapabilities.builder()
                .capability("video", true)
                .audio(true).application(false).data(false).control(false).text(true).message(true)
                .automata(false).isFocus(false).fileTransfer(true).screenSharingServer(false).screenSharingClient(true)
                .actor(Support.of(Set.of("principal", "attendant"), Set.of("information")))
                .communicationClass(Support.supporting("personal", "business"))
                .duplex(Support.supporting("send-only", "full"))
                .eventPackages(Support.of(Set.of("presence", "conference"), Set.of("kpml")))
                .sipExtensions(Support.of(Set.of("timer", "gruu", "hist-info"), Set.of("norefersub")))
                .methods(Support.of(Set.of("UPDATE", "ACK", "SUBSCRIBE"), Set.of("PRACK")))
                .languages(Support.of(Set.of("en"), Set.of("fr")))
                .priority(Support.of(Set.of(new PriorityCondition.Range(1, 5), new PriorityCondition.HigherThan(3),
                        new PriorityCondition.Equals(7)), Set.of(new PriorityCondition.LowerThan(-1))))
                .schemes(Support.of(Set.of("sip"), Set.of("tel")))
                .description("Softphone", "en").description(Description.of("no language"))
                .type("message/cpim").type("text/plain")
                .attribute(new QName("urn:example:x", "profile", "x"), "full")
                .extra(GenericElement.builder(new QName("urn:example:x", "codec", "x")).attribute("name", "opus").build())
                .build();
    }

    @Test
    void everyCapabilityRoundTripsInSchemaOrder() {
        PresenceDocument doc = PresenceDocument.builder("sip:bob@example.com")
                .tuple(Tuple.builder("t").basic(Basic.OPEN).extension(everything()).build()).build();
        String xml = assertRoundTrip(LENIENT, doc);
        assertEquals(doc, read(STRICT, xml));
        List<String> order = List.of("<caps:actor>", "<caps:application>", "<caps:audio>", "<caps:automata>",
                "<caps:class>", "<caps:control>", "<caps:data>", "<caps:description", "<caps:duplex>",
                "<caps:event-packages>", "<caps:extensions>", "<caps:isfocus>", "<caps:message>", "<caps:methods>",
                "<caps:languages>", "<caps:priority>", "<caps:schemes>", "<caps:text>", "<caps:type>", "<caps:video>",
                "<agp-caps:file-transfer>", "<agp-caps:screen-sharing-server>", "<agp-caps:screen-sharing-client>",
                "<x:codec");
        int last = -1;
        for (String tag : order) {
            int at = xml.indexOf(tag);
            assertTrue(at > last, () -> tag + " missing or out of order in\n" + xml);
            last = at;
        }
        // items inside the lists in schema order too
        assertTrue(xml.contains("<caps:supported><caps:attendant/><caps:principal/></caps:supported>"), xml);
        assertTrue(xml.contains("<caps:supported><caps:full/><caps:send-only/></caps:supported>"), xml);
        assertTrue(xml.contains("<caps:supported><caps:ACK/><caps:SUBSCRIBE/><caps:UPDATE/></caps:supported>"), xml);
        assertTrue(xml.contains("<caps:supported><caps:equals value=\"7\"/><caps:higherhan minvalue=\"3\"/>"
                + "<caps:range minvalue=\"1\" maxvalue=\"5\"/></caps:supported>"), xml);
        assertTrue(xml.contains("<caps:servcaps xmlns:x=\"urn:example:x\" x:profile=\"full\">"), xml);
    }

    @Test
    void agProjectsFlagsAreCapabilitiesDeclaredOnTheRoot() {
        String xml = tuple("""
                <caps:servcaps>
                  <caps:audio>true</caps:audio>
                  <agp-caps:file-transfer>true</agp-caps:file-transfer>
                  <agp-caps:screen-sharing-server>false</agp-caps:screen-sharing-server>
                  <agp-caps:screen-sharing-client>1</agp-caps:screen-sharing-client>
                </caps:servcaps>""");
        PresenceDocument doc = read(STRICT, xml);
        ServiceCapabilities caps = servcaps(doc);
        assertEquals(Set.of("audio", "file-transfer", "screen-sharing-client"), caps.supported());
        assertEquals(Set.of("screen-sharing-server"), caps.notSupported());
        assertEquals(Optional.of(true), caps.capability(Capability.FILE_TRANSFER));
        String written = assertRoundTrip(LENIENT, doc);
        int root = written.indexOf("<presence");
        String rootTag = written.substring(root, written.indexOf('>', root));
        assertTrue(rootTag.contains("xmlns:agp-caps=\"urn:ag-projects:xml:ns:pidf:caps\""), written);
        assertTrue(rootTag.contains("xmlns:caps=\"urn:ietf:params:xml:ns:pidf:caps\""), written);
        assertTrue(written.contains("<agp-caps:screen-sharing-client>true</agp-caps:screen-sharing-client>"), written);
    }

    @Test
    void codecReportsAgProjectsNamespaceOnlyWhenAFlagIsSet() {
        ServiceCapabilitiesCodec codec = new ServiceCapabilitiesCodec();
        java.util.List<String> plain = new java.util.ArrayList<>();
        codec.collectNamespaces(ServiceCapabilities.builder().audio(true).build(), plain::add);
        assertEquals(List.of("urn:ietf:params:xml:ns:pidf:caps"), plain);
        java.util.List<String> agp = new java.util.ArrayList<>();
        codec.collectNamespaces(ServiceCapabilities.builder().screenSharingClient(false).build(), agp::add);
        assertEquals(List.of("urn:ietf:params:xml:ns:pidf:caps", "urn:ag-projects:xml:ns:pidf:caps"), agp);
    }

    @Test
    void readsBothSpellingsOfHigherThanAndWritesTheSchemaSpelling() {
        String xml = tuple("""
                <caps:servcaps><caps:priority>
                  <caps:supported><caps:higherthan minvalue="5"/></caps:supported>
                  <caps:notsupported><caps:higherhan minvalue="50"/></caps:notsupported>
                </caps:priority></caps:servcaps>""");
        PresenceDocument doc = read(STRICT, xml);
        Support<PriorityCondition> priority = servcaps(doc).priority().orElseThrow();
        assertEquals(Set.of(new PriorityCondition.HigherThan(5)), priority.supported());
        assertEquals(Set.of(new PriorityCondition.HigherThan(50)), priority.notSupported());
        String written = assertRoundTrip(LENIENT, doc);
        assertTrue(written.contains("<caps:higherhan minvalue=\"5\"/>"), written);
    }

    @Test
    void keepsUnknownAttributesAndOtherNamespaceChildrenInOrder() {
        String xml = tuple("""
                <caps:servcaps x:profile="a" x:level="2">
                  <caps:audio>true</caps:audio>
                  <caps:methods x:ignored="no"><caps:supported><caps:INVITE/><x:VENDOR-METHOD/></caps:supported></caps:methods>
                  <x:first n="1"/>
                  <agp-caps:file-transfer>true</agp-caps:file-transfer>
                  <x:second>text</x:second>
                  <agp-caps:future-flag>true</agp-caps:future-flag>
                </caps:servcaps>""");
        PresenceDocument doc = read(LENIENT, xml);
        ServiceCapabilities caps = servcaps(doc);
        assertEquals(Map.of(new QName("urn:example:x", "profile"), "a", new QName("urn:example:x", "level"), "2"),
                caps.extras().attributes());
        assertEquals(List.of(new QName("urn:example:x", "first"), new QName("urn:example:x", "second"),
                new QName("urn:ag-projects:xml:ns:pidf:caps", "future-flag")),
                caps.extras().children().stream().map(ExtensionElement::qname).toList());
        assertEquals(List.of(new QName("urn:example:x", "VENDOR-METHOD")),
                caps.methods().orElseThrow().supportedExtras().stream().map(ExtensionElement::qname).toList());
        assertEquals(Set.of("audio", "file-transfer"), caps.supported());
        assertEquals(1, doc.warnings().size(), doc.warnings()::toString); // the attribute on <methods>
        String written = assertRoundTrip(LENIENT, doc.toBuilder().build());
        assertTrue(written.contains("<caps:supported><caps:INVITE/><x:VENDOR-METHOD/></caps:supported>"), written);
        assertTrue(written.indexOf("<x:first") < written.indexOf("<x:second"), written);
    }

    @Test
    void unknownCapsElementsAreSchemaSlipsKeptAsIs() {
        String xml = tuple("""
                <caps:servcaps>
                  <caps:audio>true</caps:audio>
                  <caps:hologram>true</caps:hologram>
                  <caps:extensions><caps:supported><caps:gruu/><caps:histinfo/><caps:norefsub/></caps:supported></caps:extensions>
                </caps:servcaps>""");
        PresenceDocument doc = read(LENIENT, xml);
        ServiceCapabilities caps = servcaps(doc);
        assertEquals(Set.of("audio"), caps.supported());
        assertEquals(new QName("urn:ietf:params:xml:ns:pidf:caps", "hologram"), caps.extras().children().get(0).qname());
        Support<String> extensions = caps.sipExtensions().orElseThrow();
        assertEquals(Set.of("gruu"), extensions.supported());
        assertEquals(List.of("histinfo", "norefsub"),
                extensions.supportedExtras().stream().map(e -> e.qname().getLocalPart()).toList());
        assertEquals(3, doc.warnings().size(), doc.warnings()::toString);
        assertRoundTripKeepingSlips(LENIENT, doc);
        assertSchemaError(STRICT, xml);
    }

    @Test
    void unreadableValuesKeepServcapsGenericWithAWarningOrAreRefusedWhenStrict() {
        List<String> bad = List.of(
                "<caps:audio>yes</caps:audio>",
                "<caps:video>True</caps:video>",
                "<agp-caps:file-transfer>maybe</agp-caps:file-transfer>",
                "<caps:priority><caps:supported><caps:lowerthan/></caps:supported></caps:priority>",
                "<caps:priority><caps:supported><caps:equals value=\"high\"/></caps:supported></caps:priority>",
                "<caps:priority><caps:supported><caps:range minvalue=\"9\" maxvalue=\"1\"/></caps:supported></caps:priority>");
        for (String child : bad) {
            String xml = tuple("<caps:servcaps><caps:message>true</caps:message>" + child + "</caps:servcaps>");
            PresenceDocument doc = read(LENIENT, xml);
            Tuple t = doc.tuple("t1").orElseThrow();
            assertEquals(Optional.empty(), t.extension(ServiceCapabilities.class), child);
            GenericElement kept = t.extension(GenericElement.class).orElseThrow();
            assertEquals(ServiceCapabilities.QNAME, kept.qname(), child);
            assertEquals(2, kept.elements().size(), child);
            assertEquals(1, doc.warnings().size(), child);
            assertRoundTripKeepingSlips(LENIENT, doc);
            assertSchemaError(STRICT, xml);
        }
    }

    @Test
    void outOfOrderChildrenAreReadButReportedAsSchemaSlips() {
        // the order of perf-anchors.md's t1 document: text before message, which the schema forbids
        String xml = tuple("""
                <caps:servcaps>
                  <caps:audio>true</caps:audio>
                  <caps:text>true</caps:text>
                  <caps:message>true</caps:message>
                  <caps:video>false</caps:video>
                </caps:servcaps>""");
        PresenceDocument doc = read(LENIENT, xml);
        assertEquals(Set.of("audio", "text", "message"), servcaps(doc).supported());
        assertEquals(1, doc.warnings().size(), doc.warnings()::toString);
        assertTrue(doc.warnings().get(0).message().contains("order"), doc.warnings()::toString);
        String written = assertRoundTrip(LENIENT, doc);
        assertTrue(written.indexOf("<caps:message>") < written.indexOf("<caps:text>"), written);
        assertSchemaError(STRICT, xml);
    }

    @Test
    void secondBooleanIsASchemaSlipKeptAsIs() {
        String xml = tuple("<caps:servcaps><caps:audio>true</caps:audio><caps:audio>false</caps:audio></caps:servcaps>");
        PresenceDocument doc = read(LENIENT, xml);
        ServiceCapabilities caps = servcaps(doc);
        assertEquals(Optional.of(true), caps.capability("audio"));
        assertInstanceOf(GenericElement.class, caps.extras().children().get(0));
        assertEquals(1, doc.warnings().size());
        assertSchemaError(STRICT, xml);
    }

    @Test
    void builderKnowsCapabilitiesByNameAndValidates() {
        ServiceCapabilities caps = ServiceCapabilities.builder().capability("screen-sharing-server", true)
                .capability("isfocus", false).build();
        assertEquals(Set.of("screen-sharing-server"), caps.supported());
        assertEquals(Set.of("isfocus"), caps.notSupported());
        assertEquals(Optional.of(true), caps.capability("screen-sharing-server"));
        assertEquals(Optional.empty(), caps.toBuilder().clearCapability("screen-sharing-server").build()
                .capability(Capability.SCREEN_SHARING_SERVER));
        assertEquals(12, ServiceCapabilities.capabilityNames().size());
        assertTrue(ServiceCapabilities.capabilityNames().containsAll(Set.of("audio", "application", "data", "control",
                "video", "text", "message", "automata", "isfocus", "file-transfer", "screen-sharing-server",
                "screen-sharing-client")));
        assertThrows(IllegalArgumentException.class, () -> caps.capability("type"));
        assertThrows(IllegalArgumentException.class, () -> ServiceCapabilities.builder().capability("fax", true));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceCapabilities.builder().methods(Support.supporting("invite")));
        assertThrows(IllegalArgumentException.class,
                () -> ServiceCapabilities.builder().sipExtensions(Support.supporting("histinfo")));
        assertThrows(IllegalArgumentException.class, () -> ServiceCapabilities.builder().schemes(new Support<>(
                Set.of("sip"), Set.of(), List.of(GenericElement.ofText(new QName("urn:x", "s"), "x")), List.of())));
        assertThrows(IllegalArgumentException.class, () -> ServiceCapabilities.builder().languages(Support.supporting(" ")));
        assertThrows(IllegalArgumentException.class, () -> ServiceCapabilities.builder().type(""));
        assertThrows(IllegalArgumentException.class, () -> new PriorityCondition.Range(2, 1));
        assertEquals(everything(), everything().toBuilder().build());
    }

    @Test
    void supportEqualityIgnoresItemOrder() {
        assertEquals(Support.supporting("INVITE", "BYE"), Support.supporting("BYE", "INVITE"));
        assertTrue(Support.of(List.of(), List.of()).isEmpty());
        String xml = write(LENIENT, PresenceDocument.builder("sip:a@example.com").tuple(Tuple.builder("t")
                .basic(Basic.OPEN).extension(ServiceCapabilities.builder().duplex(Support.of(List.of(), List.of()))
                        .build()).build()).build());
        assertTrue(xml.contains("<caps:servcaps><caps:duplex/></caps:servcaps>"), xml);
    }
}
