package io.presencekit.pidf.agp;

import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTrip;
import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTripKeepingSlips;
import static io.presencekit.pidf.ExtensionTestSupport.assertSchemaError;
import static io.presencekit.pidf.ExtensionTestSupport.lenient;
import static io.presencekit.pidf.ExtensionTestSupport.presence;
import static io.presencekit.pidf.ExtensionTestSupport.read;
import static io.presencekit.pidf.ExtensionTestSupport.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.xml.GenericElement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class AgpCodecsTest {
    private static final PidfCodec LENIENT = lenient(AgpCodecs.codecs());
    private static final PidfCodec STRICT = strict(AgpCodecs.codecs());
    private static final String NS = "xmlns:agp-pidf=\"urn:ag-projects:xml:ns:pidf\"";

    private static String tuple(String status, String extensions) {
        return presence(NS + " xmlns:x=\"urn:example:x\"", "  <tuple id=\"t1\">\n    <status><basic>open</basic>" + status
                + "</status>\n" + extensions + "\n    <contact>sip:alice@example.com</contact>\n  </tuple>");
    }

    private static final String FULL = tuple("<agp-pidf:extended>busy</agp-pidf:extended><agp-pidf:type>meeting</agp-pidf:type>",
            """
                <agp-pidf:device-info id="4b1d-4e9a">
                  <agp-pidf:description>imac3-2</agp-pidf:description>
                  <agp-pidf:user-agent>Blink 6.0.0 (Linux)</agp-pidf:user-agent>
                  <agp-pidf:time-offset description="America/New_York">-300</agp-pidf:time-offset>
                </agp-pidf:device-info>""");

    @Test
    void readsExtendedStatusAndTypeInsideStatus() {
        PresenceDocument doc = read(LENIENT, FULL);
        assertEquals(List.of(), doc.warnings());
        Status status = doc.tuple("t1").orElseThrow().status();
        assertEquals(Optional.of(Basic.OPEN), status.basic());
        ExtendedStatus extended = status.extension(ExtendedStatus.class).orElseThrow();
        assertEquals(ExtendedStatus.Value.BUSY, extended.value());
        assertEquals("busy", extended.value().token());
        assertEquals("meeting", status.extension(StatusType.class).orElseThrow().value());
    }

    @Test
    void readsDeviceInfoInsideTuple() {
        DeviceInfo info = read(LENIENT, FULL).tuple("t1").orElseThrow().extension(DeviceInfo.class).orElseThrow();
        assertEquals("4b1d-4e9a", info.id());
        assertEquals(Optional.of("imac3-2"), info.description());
        assertEquals(Optional.of("Blink 6.0.0 (Linux)"), info.userAgent());
        assertEquals(OptionalInt.of(-300), info.timeOffsetMinutes());
        assertEquals(Optional.of("America/New_York"), info.timeOffsetDescription());
        assertTrue(info.extras().isEmpty());
    }

    @Test
    void writesWhatItReadsInBlinkShapeAndReadsItBackEqual() {
        String xml = assertRoundTrip(LENIENT, read(LENIENT, FULL));
        assertTrue(xml.contains("<status><basic>open</basic><agp-pidf:extended>busy</agp-pidf:extended>"
                + "<agp-pidf:type>meeting</agp-pidf:type></status>"), xml);
        assertTrue(xml.contains("<agp-pidf:device-info id=\"4b1d-4e9a\"><agp-pidf:description>imac3-2"
                + "</agp-pidf:description><agp-pidf:user-agent>Blink 6.0.0 (Linux)</agp-pidf:user-agent>"
                + "<agp-pidf:time-offset description=\"America/New_York\">-300</agp-pidf:time-offset>"
                + "</agp-pidf:device-info>"), xml);
        assertTrue(xml.contains("xmlns:agp-pidf=\"urn:ag-projects:xml:ns:pidf\""), xml);
    }

    @Test
    void builtElementsRoundTrip() {
        Tuple t = Tuple.builder("t")
                .status(Status.builder().basic(Basic.CLOSED).extension(ExtendedStatus.of(ExtendedStatus.Value.OFFLINE))
                        .extension(StatusType.of("x")).build())
                .extension(DeviceInfo.builder("dev").userAgent("PresenceKit").timeOffset(ZoneOffset.ofHours(2), null)
                        .build())
                .build();
        PresenceDocument doc = PresenceDocument.builder("sip:bob@example.com").tuple(t).build();
        String xml = assertRoundTrip(LENIENT, doc);
        assertTrue(xml.contains("<agp-pidf:time-offset>120</agp-pidf:time-offset>"), xml);
    }

    @Test
    void acceptsTheDecimalTimeOffsetPythonThreeBlinkWrites() {
        String xml = tuple("", "<agp-pidf:device-info id=\"d\"><agp-pidf:time-offset>120.0</agp-pidf:time-offset>"
                + "</agp-pidf:device-info>");
        for (PidfCodec codec : List.of(LENIENT, STRICT)) {
            PresenceDocument doc = read(codec, xml);
            DeviceInfo info = doc.tuple("t1").orElseThrow().extension(DeviceInfo.class).orElseThrow();
            assertEquals(OptionalInt.of(120), info.timeOffsetMinutes());
            assertEquals(Optional.empty(), info.timeOffsetDescription());
            assertEquals(List.of(), doc.warnings());
        }
    }

    @Test
    void keepsUnknownAttributesAndChildren() {
        String xml = tuple("<agp-pidf:extended x:since=\"today\">away</agp-pidf:extended>"
                + "<agp-pidf:type x:origin=\"calendar\">meeting</agp-pidf:type>", """
                <agp-pidf:device-info id="d" x:hw="arm64">
                  <x:battery level="80"/>
                  <agp-pidf:user-agent>Sylk</agp-pidf:user-agent>
                  <agp-pidf:os>Linux</agp-pidf:os>
                </agp-pidf:device-info>""");
        PresenceDocument doc = read(LENIENT, xml);
        assertEquals(List.of(), doc.warnings());
        Tuple t = doc.tuple("t1").orElseThrow();
        assertEquals(Map.of(new QName("urn:example:x", "since"), "today"),
                t.status().extension(ExtendedStatus.class).orElseThrow().attributes());
        assertEquals(Map.of(new QName("urn:example:x", "origin"), "calendar"),
                t.status().extension(StatusType.class).orElseThrow().attributes());
        DeviceInfo info = t.extension(DeviceInfo.class).orElseThrow();
        assertEquals(Map.of(new QName("urn:example:x", "hw"), "arm64"), info.extras().attributes());
        assertEquals(List.of(new QName("urn:example:x", "battery"), new QName("urn:ag-projects:xml:ns:pidf", "os")),
                info.extras().children().stream().map(e -> e.qname()).toList());
        assertEquals(Optional.of("Sylk"), info.userAgent());
        String written = assertRoundTrip(LENIENT, doc);
        assertTrue(written.contains("level=\"80\""), written);
        assertTrue(written.contains("<agp-pidf:os>Linux</agp-pidf:os>"), written);
    }

    @Test
    void unknownExtendedStatusIsKeptGenericWithAWarningOrRefusedWhenStrict() {
        String xml = tuple("<agp-pidf:extended>lunch</agp-pidf:extended>", "");
        PresenceDocument doc = read(LENIENT, xml);
        Status status = doc.tuple("t1").orElseThrow().status();
        assertEquals(Optional.empty(), status.extension(ExtendedStatus.class));
        GenericElement kept = status.extension(GenericElement.class).orElseThrow();
        assertEquals(ExtendedStatus.QNAME, kept.qname());
        assertEquals("lunch", kept.text());
        assertEquals(1, doc.warnings().size(), doc.warnings()::toString);
        assertTrue(doc.warnings().get(0).message().contains("lunch"), doc.warnings()::toString);
        assertSchemaError(STRICT, xml);
    }

    @Test
    void fractionalOrNonNumericTimeOffsetIsKeptGenericOrRefusedWhenStrict() {
        for (String offset : List.of("90.5", "abc", "", "100000")) {
            String xml = tuple("", "<agp-pidf:device-info id=\"d\"><agp-pidf:time-offset>" + offset
                    + "</agp-pidf:time-offset></agp-pidf:device-info>");
            PresenceDocument doc = read(LENIENT, xml);
            Tuple t = doc.tuple("t1").orElseThrow();
            assertEquals(Optional.empty(), t.extension(DeviceInfo.class), offset);
            assertEquals(DeviceInfo.QNAME, t.extension(GenericElement.class).orElseThrow().qname());
            assertEquals(1, doc.warnings().size(), offset);
            assertSchemaError(STRICT, xml);
        }
    }

    @Test
    void deviceInfoWithoutIdIsKeptGenericOrRefusedWhenStrict() {
        String xml = tuple("", "<agp-pidf:device-info><agp-pidf:user-agent>x</agp-pidf:user-agent>"
                + "</agp-pidf:device-info>");
        PresenceDocument doc = read(LENIENT, xml);
        assertInstanceOf(GenericElement.class, doc.tuple("t1").orElseThrow().extensions().get(0));
        assertEquals(1, doc.warnings().size());
        assertSchemaError(STRICT, xml);
    }

    @Test
    void secondUserAgentIsASchemaSlipKeptAsIs() {
        String xml = tuple("", "<agp-pidf:device-info id=\"d\"><agp-pidf:user-agent>a</agp-pidf:user-agent>"
                + "<agp-pidf:user-agent>b</agp-pidf:user-agent></agp-pidf:device-info>");
        PresenceDocument doc = read(LENIENT, xml);
        DeviceInfo info = doc.tuple("t1").orElseThrow().extension(DeviceInfo.class).orElseThrow();
        assertEquals(Optional.of("a"), info.userAgent());
        assertEquals("b", ((GenericElement) info.extras().children().get(0)).text());
        assertEquals(1, doc.warnings().size());
        assertRoundTripKeepingSlips(LENIENT, doc);
        assertSchemaError(STRICT, xml);
    }

    @Test
    void builderValidates() {
        assertThrows(IllegalArgumentException.class, () -> DeviceInfo.builder(" "));
        assertThrows(NullPointerException.class, () -> DeviceInfo.builder(null));
        assertThrows(IllegalArgumentException.class, () -> DeviceInfo.builder("d").timeOffset(24 * 60));
        assertThrows(IllegalArgumentException.class, () -> DeviceInfo.builder("d").attribute(new QName("id"), "x"));
        assertThrows(NullPointerException.class, () -> ExtendedStatus.of(null));
        assertEquals(ExtendedStatus.Value.AWAY, ExtendedStatus.Value.fromToken(" away "));
        assertEquals(null, ExtendedStatus.Value.fromToken("Away"));
    }

    @Test
    void toBuilderKeepsEverything() {
        DeviceInfo info = read(LENIENT, FULL).tuple("t1").orElseThrow().extension(DeviceInfo.class).orElseThrow();
        assertEquals(info, info.toBuilder().build());
        DeviceInfo changed = info.toBuilder().clearTimeOffset().build();
        assertEquals(OptionalInt.empty(), changed.timeOffsetMinutes());
        assertEquals(Optional.empty(), changed.timeOffsetDescription());
    }
}
