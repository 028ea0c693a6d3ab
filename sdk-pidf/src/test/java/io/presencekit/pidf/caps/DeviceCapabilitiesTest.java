package io.presencekit.pidf.caps;

import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTrip;
import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTripKeepingSlips;
import static io.presencekit.pidf.ExtensionTestSupport.assertSchemaError;
import static io.presencekit.pidf.ExtensionTestSupport.lenient;
import static io.presencekit.pidf.ExtensionTestSupport.presence;
import static io.presencekit.pidf.ExtensionTestSupport.read;
import static io.presencekit.pidf.ExtensionTestSupport.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Device;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class DeviceCapabilitiesTest {
    private static final PidfCodec LENIENT = lenient(CapsCodecs.codecs());
    private static final PidfCodec STRICT = strict(CapsCodecs.codecs());
    private static final String NS = "xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
            + " xmlns:caps=\"urn:ietf:params:xml:ns:pidf:caps\" xmlns:x=\"urn:example:x\"";

    private static String device(String devcaps) {
        return presence(NS, "  <dm:device id=\"d1\">\n" + devcaps
                + "\n    <dm:deviceID>urn:uuid:6f1a0d36-2d8e-4b61-9a51-0c4f5c3c8a11</dm:deviceID>\n  </dm:device>");
    }

    private static DeviceCapabilities devcaps(PresenceDocument doc) {
        return doc.devices().get(0).extension(DeviceCapabilities.class).orElseThrow();
    }

    private static final String PHONE = device("""
                <caps:devcaps>
                  <caps:description xml:lang="en">Pocket phone</caps:description>
                  <caps:mobility>
                    <caps:supported><caps:mobile/></caps:supported>
                    <caps:notsupported><caps:fixed/></caps:notsupported>
                  </caps:mobility>
                </caps:devcaps>""");

    @Test
    void readsMobilityAndDescriptionInsideDevice() {
        PresenceDocument doc = read(STRICT, PHONE);
        Device device = doc.devices().get(0);
        DeviceCapabilities caps = devcaps(doc);
        assertEquals(List.of(Description.of("Pocket phone", "en")), caps.descriptions());
        assertEquals(Optional.of(true), caps.mobility().orElseThrow().support("mobile"));
        assertEquals(Optional.of(false), caps.mobility().orElseThrow().support("fixed"));
        assertEquals("urn:uuid:6f1a0d36-2d8e-4b61-9a51-0c4f5c3c8a11", device.deviceId());
        assertEquals(doc, read(LENIENT, PHONE));
    }

    @Test
    void writesWhatItReadsAndReadsItBackEqual() {
        String xml = assertRoundTrip(LENIENT, read(LENIENT, PHONE));
        assertTrue(xml.contains("<caps:devcaps><caps:description xml:lang=\"en\">Pocket phone</caps:description>"
                + "<caps:mobility><caps:supported><caps:mobile/></caps:supported><caps:notsupported><caps:fixed/>"
                + "</caps:notsupported></caps:mobility></caps:devcaps>"), xml);
    }

    @Test
    void builtDevcapsRoundTrip() {
        PresenceDocument doc = PresenceDocument.builder("sip:bob@example.com")
                .device(Device.builder("d").deviceId("urn:uuid:1").extension(DeviceCapabilities.builder()
                        .mobility(Support.supporting("fixed")).description("Desk", null).build()).build())
                .build();
        String xml = assertRoundTrip(LENIENT, doc);
        assertEquals(doc, read(STRICT, xml));
    }

    @Test
    void keepsUnknownAttributesAndChildren() {
        String xml = device("""
                <caps:devcaps x:vendor="acme">
                  <caps:mobility><caps:supported><caps:mobile/><x:orbital/></caps:supported></caps:mobility>
                  <x:battery>80</x:battery>
                </caps:devcaps>""");
        PresenceDocument doc = read(STRICT, xml);
        DeviceCapabilities caps = devcaps(doc);
        assertEquals(Map.of(new QName("urn:example:x", "vendor"), "acme"), caps.extras().attributes());
        assertEquals(List.of(new QName("urn:example:x", "battery")),
                caps.extras().children().stream().map(ExtensionElement::qname).toList());
        assertEquals(Set.of("mobile"), caps.mobility().orElseThrow().supported());
        assertEquals(1, caps.mobility().orElseThrow().supportedExtras().size());
        String written = assertRoundTrip(LENIENT, doc);
        assertTrue(written.contains("<x:orbital/>"), written);
        assertTrue(written.contains("vendor=\"acme\""), written);
    }

    @Test
    void unknownMobilityIsASchemaSlipKeptAsIs() {
        String xml = device("<caps:devcaps><caps:mobility><caps:supported><caps:nomadic/></caps:supported>"
                + "</caps:mobility></caps:devcaps>");
        PresenceDocument doc = read(LENIENT, xml);
        Support<String> mobility = devcaps(doc).mobility().orElseThrow();
        assertEquals(Set.of(), mobility.supported());
        assertEquals("nomadic", mobility.supportedExtras().get(0).qname().getLocalPart());
        assertEquals(1, doc.warnings().size());
        assertRoundTripKeepingSlips(LENIENT, doc);
        assertSchemaError(STRICT, xml);
    }

    @Test
    void textInsideDevcapsKeepsTheWholeElementUnreadOrIsRefusedWhenStrict() {
        // devcaps has no value that can be unrepresentable; stray text is the schema slip it can have
        String xml = device("<caps:devcaps>mobile<caps:mobility/></caps:devcaps>");
        PresenceDocument doc = read(LENIENT, xml);
        GenericElement kept = doc.devices().get(0).extension(GenericElement.class).orElseThrow();
        assertEquals("mobile", kept.text());
        assertEquals(1, doc.warnings().size());
        assertSchemaError(STRICT, xml);
    }

    @Test
    void secondMobilityIsKeptGeneric() {
        String xml = device("<caps:devcaps><caps:mobility/><caps:mobility/></caps:devcaps>");
        PresenceDocument doc = read(LENIENT, xml);
        assertTrue(devcaps(doc).extras().children().get(0) instanceof GenericElement);
        assertSchemaError(STRICT, xml);
    }

    @Test
    void builderRefusesUnknownMobility() {
        assertThrows(IllegalArgumentException.class,
                () -> DeviceCapabilities.builder().mobility(Support.supporting("Mobile")));
    }
}
