package io.presencekit.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.agp.DeviceInfo;
import io.presencekit.pidf.agp.ExtendedStatus;
import io.presencekit.pidf.caps.ServiceCapabilities;
import io.presencekit.pidf.cipid.DisplayName;
import io.presencekit.pidf.cipid.Homepage;
import io.presencekit.pidf.cipid.Icon;
import io.presencekit.pidf.cipid.MapLocation;
import io.presencekit.pidf.rpid.Activities;
import io.presencekit.pidf.rpid.Mood;
import io.presencekit.pidf.rpid.TimeOffset;
import io.presencekit.pidf.rpid.UserInput;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.ParseWarning;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/**
 * The Blink-style document of the parsing benchmarks (one tuple with AG device-info and user
 * agent, RPID user-input, a person and a device, CIPID, caps): the builders produce exactly the
 * model read from its XML, and what is written reads back equal.
 */
class BlinkDocumentTest {
    private static final String UUID = "a8f3c7e2-4b1d-4e9a-9f6c-2d7e8b5a1c30";
    private static final OffsetDateTime STAMP = OffsetDateTime.parse("2026-07-20T14:32:05.123456+02:00");

    static PresenceDocument built() {
        Tuple tuple = Tuple.builder("SID-" + UUID)
                .status(Status.builder().basic(Basic.OPEN).extension(ExtendedStatus.of(ExtendedStatus.Value.AWAY))
                        .build())
                .contact(Contact.of("sip:alice@example.com;gr=urn:uuid:" + UUID, 0.0))
                .timestamp(STAMP)
                .note(Note.of("Out for lunch, back at 14:00 & then in meetings", "en"))
                .extension(ServiceCapabilities.builder().audio(true).text(true).message(true).video(false)
                        .fileTransfer(true).screenSharingServer(true).screenSharingClient(true).build())
                .extension(DisplayName.of("Alice Liddell"))
                .extension(DeviceInfo.builder(UUID).description("imac3-2").userAgent("Blink 6.0.0 (Linux)")
                        .timeOffset(120, "Europe/Amsterdam").build())
                .extension(UserInput.builder(UserInput.State.ACTIVE).idleThreshold(600)
                        .lastInput(OffsetDateTime.parse("2026-07-20T14:31:40+02:00")).build())
                .deviceId("urn:uuid:" + UUID)
                .build();
        Person person = Person.builder("PID-c160f8cc69a4f0bf2b0362752353d060")
                .extension(Activities.of("away"))
                .extension(Mood.of("happy"))
                .extension(Homepage.of("https://alice.example.com/"))
                .extension(Icon.of("https://xcap.example.com/xcap-root/org.openmobilealliance.pres-content/users/"
                        + "sip:alice@example.com/oma_status-icon/index"))
                .extension(MapLocation.of("Netherlands/Amsterdam"))
                .extension(TimeOffset.builder(120).description("Europe/Amsterdam").build())
                .note("Out for lunch")
                .timestamp(STAMP)
                .build();
        Device device = Device.builder("DID-" + UUID)
                .deviceId("urn:uuid:" + UUID)
                .note("Blink Pro 2.0.0 (MacOSX) at imac3-2")
                .timestamp(STAMP)
                .build();
        return PresenceDocument.builder("sip:alice@example.com").tuple(tuple).person(person).device(device).build();
    }

    static byte[] fixture() throws IOException {
        try (InputStream in = BlinkDocumentTest.class.getResourceAsStream("/fixtures/blink-t1.xml")) {
            return in.readAllBytes();
        }
    }

    @Test
    void buildersGiveTheModelReadFromTheXml() throws IOException {
        PresenceDocument read = PidfCodec.standard().read(fixture());
        assertEquals(built(), read);
        // the fixture orders some tuple children against the RFC 3863 schema; nothing else is a slip
        assertTrue(read.warnings().stream().allMatch(w -> w.kind() == ParseWarning.Kind.SCHEMA), read::toString);
        read.tuples().get(0).extensions().forEach(e -> assertTrue(!(e instanceof GenericElement), e::toString));
        read.person().orElseThrow().extensions()
                .forEach(e -> assertTrue(!(e instanceof GenericElement), e::toString));
    }

    @Test
    void builtDocumentWritesAndReadsBackEqualAndSchemaClean() {
        PresenceDocument doc = built();
        byte[] written = PidfCodec.standard().write(doc);
        PresenceDocument strict = PidfCodec.strict().read(written);
        assertEquals(doc, strict);
        assertEquals(doc, PidfCodec.standard().read(written));
        String xml = new String(written, StandardCharsets.UTF_8);
        // the names and prefixes Blink and SylkServer use
        for (String s : new String[] {"<agp-pidf:extended>away</agp-pidf:extended>", "<agp-pidf:device-info id=\"" + UUID,
            "<agp-pidf:user-agent>Blink 6.0.0 (Linux)</agp-pidf:user-agent>",
            "<agp-caps:file-transfer>true</agp-caps:file-transfer>", "<rpid:user-input idle-threshold=\"600\"",
            "<c:display-name>Alice Liddell</c:display-name>", "<dm:deviceID>urn:uuid:" + UUID}) {
            assertTrue(xml.contains(s), () -> s + " missing from\n" + xml);
        }
    }

    @Test
    void writingIsDeterministic() {
        assertEquals(new String(PidfCodec.standard().write(built()), StandardCharsets.UTF_8),
                new String(PidfCodec.standard().write(built()), StandardCharsets.UTF_8));
    }
}
