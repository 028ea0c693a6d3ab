package io.presencekit.pidf.agp;

import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTrip;
import static io.presencekit.pidf.ExtensionTestSupport.read;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Contact;
import io.presencekit.pidf.Device;
import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.rpid.Activities;
import io.presencekit.pidf.rpid.UserInput;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.caps.CapsCodecs;
import io.presencekit.pidf.caps.ServiceCapabilities;
import io.presencekit.pidf.cipid.CipidCodecs;
import io.presencekit.pidf.cipid.DisplayName;
import io.presencekit.pidf.cipid.Homepage;
import io.presencekit.pidf.cipid.Icon;
import io.presencekit.pidf.cipid.MapLocation;
import io.presencekit.pidf.timed.TimedStatusCodecs;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamReader;
import org.junit.jupiter.api.Test;

/**
 * The tuple Blink publishes (the shape of perf-anchors.md's "t1" document), built with the typed
 * builders: the written XML must use Blink's element names, namespaces and prefixes, and read back
 * equal.
 */
class BlinkStyleTupleTest {
    private static final PidfCodec CODEC;

    static {
        PidfCodec.Builder b = PidfCodec.builder();
        CipidCodecs.codecs().forEach(b::register);
        CapsCodecs.codecs().forEach(b::register);
        TimedStatusCodecs.codecs().forEach(b::register);
        AgpCodecs.codecs().forEach(b::register);
        CODEC = b.build();
    }

    private static final String INSTANCE = "0f6c2d9e-7b41-4c3a-8e5d-1a2b3c4d5e6f";
    private static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-02T09:15:42.250+01:00");

    static PresenceDocument blinkDocument() {
        Tuple tuple = Tuple.builder("SID-" + INSTANCE)
                .status(Status.builder().basic(Basic.OPEN).extension(ExtendedStatus.of(ExtendedStatus.Value.AWAY))
                        .build())
                .contact(Contact.of("sip:carol@example.org;gr=urn:uuid:" + INSTANCE, 0.0))
                .timestamp(NOW)
                .note(Note.of("Back after the stand-up & lunch", "en"))
                .extension(ServiceCapabilities.builder().audio(true).text(true).message(true).video(false)
                        .fileTransfer(true).screenSharingServer(true).screenSharingClient(true).build())
                .extension(DisplayName.of("Carol Reed"))
                .extension(DeviceInfo.builder(INSTANCE).description("carol-laptop").userAgent("Blink 6.0.0 (Linux)")
                        .timeOffset(60, "Europe/Paris").build())
                .extension(UserInput.builder(UserInput.State.ACTIVE).idleThreshold(600).build())
                .deviceId("urn:uuid:" + INSTANCE)
                .build();
        Person person = Person.builder("PID-5f0c1d2e3a4b5c6d7e8f9a0b1c2d3e4f")
                .extension(Activities.of("away"))
                .extension(Homepage.of("https://carol.example.org/"))
                .extension(Icon.of("https://xcap.example.org/xcap-root/org.openmobilealliance.pres-content/users/"
                        + "sip:carol@example.org/oma_status-icon/index"))
                .extension(MapLocation.of("France/Paris"))
                .note("Back soon")
                .timestamp(NOW)
                .build();
        Device device = Device.builder("DID-" + INSTANCE).deviceId("urn:uuid:" + INSTANCE)
                .note("Blink 6.0.0 (Linux) at carol-laptop").timestamp(NOW).build();
        return PresenceDocument.builder("sip:carol@example.org").tuple(tuple).person(person).device(device).build();
    }

    @Test
    void builtBlinkTupleReadsBackEqual() {
        PresenceDocument doc = blinkDocument();
        assertRoundTrip(CODEC, doc);
        Tuple t = read(CODEC, new String(CODEC.write(doc), StandardCharsets.UTF_8)).tuples().get(0);
        assertEquals(Set.of("audio", "text", "message", "file-transfer", "screen-sharing-server",
                "screen-sharing-client"), t.extension(ServiceCapabilities.class).orElseThrow().supported());
        assertEquals(ExtendedStatus.Value.AWAY, t.status().extension(ExtendedStatus.class).orElseThrow().value());
        assertEquals("Blink 6.0.0 (Linux)", t.extension(DeviceInfo.class).orElseThrow().userAgent().orElseThrow());
    }

    @Test
    void writtenXmlUsesBlinksNamesNamespacesAndPrefixes() throws Exception {
        String xml = new String(CODEC.write(blinkDocument()), StandardCharsets.UTF_8);
        // the root declares every namespace once, with Blink's prefixes
        String root = xml.substring(xml.indexOf("<presence"), xml.indexOf('>', xml.indexOf("<presence")));
        for (String decl : new String[] {"xmlns=\"urn:ietf:params:xml:ns:pidf\"",
                "xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\"", "xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\"",
                "xmlns:c=\"urn:ietf:params:xml:ns:pidf:cipid\"", "xmlns:caps=\"urn:ietf:params:xml:ns:pidf:caps\"",
                "xmlns:agp-pidf=\"urn:ag-projects:xml:ns:pidf\"",
                "xmlns:agp-caps=\"urn:ag-projects:xml:ns:pidf:caps\""}) {
            assertTrue(root.contains(decl), () -> decl + " missing on " + root);
        }
        assertEquals(8, root.split("xmlns").length, root); // those seven and nothing else
        // the element names (namespace, local name) of the t1 document, each with its parent
        Map<String, String> expected = new LinkedHashMap<>();
        String pidf = "{" + Namespaces.PIDF + "}";
        String dm = "{" + Namespaces.DATA_MODEL + "}";
        String rpid = "{" + Namespaces.RPID + "}";
        String c = "{" + Namespaces.CIPID + "}";
        String caps = "{" + Namespaces.CAPS + "}";
        String agpPidf = "{" + Namespaces.AGP_PIDF + "}";
        String agpCaps = "{" + Namespaces.AGP_CAPS + "}";
        expected.put(pidf + "tuple", pidf + "presence");
        expected.put(pidf + "status", pidf + "tuple");
        expected.put(pidf + "basic", pidf + "status");
        expected.put(agpPidf + "extended", pidf + "status");
        expected.put(pidf + "contact", pidf + "tuple");
        expected.put(pidf + "timestamp", pidf + "tuple");
        expected.put(pidf + "note", pidf + "tuple");
        expected.put(caps + "servcaps", pidf + "tuple");
        for (String flag : new String[] {"audio", "text", "message", "video"}) {
            expected.put(caps + flag, caps + "servcaps");
        }
        for (String flag : new String[] {"file-transfer", "screen-sharing-server", "screen-sharing-client"}) {
            expected.put(agpCaps + flag, caps + "servcaps");
        }
        expected.put(c + "display-name", pidf + "tuple");
        expected.put(agpPidf + "device-info", pidf + "tuple");
        expected.put(agpPidf + "description", agpPidf + "device-info");
        expected.put(agpPidf + "user-agent", agpPidf + "device-info");
        expected.put(agpPidf + "time-offset", agpPidf + "device-info");
        expected.put(rpid + "user-input", pidf + "tuple");
        expected.put(dm + "deviceID", dm + "device");
        expected.put(dm + "person", pidf + "presence");
        expected.put(c + "homepage", dm + "person");
        expected.put(c + "icon", dm + "person");
        expected.put(c + "map", dm + "person");
        expected.put(dm + "device", pidf + "presence");
        Set<String> seen = new LinkedHashSet<>();
        XMLStreamReader r = XMLInputFactory.newDefaultFactory()
                .createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        java.util.ArrayDeque<String> stack = new java.util.ArrayDeque<>();
        while (r.hasNext()) {
            int ev = r.next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                String name = "{" + r.getNamespaceURI() + "}" + r.getLocalName();
                String parent = stack.peek();
                if (expected.containsKey(name) && expected.get(name).equals(parent)) {
                    seen.add(name);
                }
                stack.push(name);
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                stack.pop();
            }
        }
        assertEquals(expected.keySet(), seen, xml);
        assertTrue(xml.contains("<agp-pidf:time-offset description=\"Europe/Paris\">60</agp-pidf:time-offset>"), xml);
        assertTrue(xml.contains("<status><basic>open</basic><agp-pidf:extended>away</agp-pidf:extended></status>"), xml);
        assertTrue(xml.contains("<caps:servcaps><caps:audio>true</caps:audio><caps:message>true</caps:message>"
                + "<caps:text>true</caps:text><caps:video>false</caps:video>"
                + "<agp-caps:file-transfer>true</agp-caps:file-transfer>"
                + "<agp-caps:screen-sharing-server>true</agp-caps:screen-sharing-server>"
                + "<agp-caps:screen-sharing-client>true</agp-caps:screen-sharing-client></caps:servcaps>"), xml);
    }
}
