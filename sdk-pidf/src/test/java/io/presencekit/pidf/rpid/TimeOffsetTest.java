package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeOffsetTest {
    @Test
    void readsMinutesDescriptionAndTimes() {
        TimeOffset t = readValid(person("<rpid:time-offset description=\"Europe/Berlin\" id=\"to\""
                + " from=\"2024-03-31T01:00:00Z\" until=\"2024-10-27T01:00:00Z\">120\n</rpid:time-offset>"),
                TimeOffset.class);
        assertEquals(120, t.minutes());
        assertEquals(Optional.of("Europe/Berlin"), t.description());
        assertEquals(Optional.of("to"), t.id());
        assertEquals(OffsetDateTime.parse("2024-10-27T01:00:00Z"), t.until().orElseThrow());
    }

    @Test
    void readsNegativeAndSignedOffsets() {
        assertEquals(-300, readValid(person("<rpid:time-offset>-300</rpid:time-offset>"), TimeOffset.class)
                .minutes());
        assertEquals(330, readValid(person("<rpid:time-offset>+330</rpid:time-offset>"), TimeOffset.class)
                .minutes());
    }

    @Test
    void roundTripsWithUnknownAttributes() {
        String xml = person("<rpid:time-offset x:dst=\"true\" description=\"America/New_York\">-240"
                + "</rpid:time-offset>");
        assertEquals(Map.of(vendor("dst"), "true"), readValid(xml, TimeOffset.class).attributes());
        String written = assertValidRoundTrip(read(xml));
        assertTrue(written.contains("description=\"America/New_York\""), written);
        assertTrue(written.contains(">-240</rpid:time-offset>"), written);
    }

    @Test
    void nonIntegerIsUnreadable() {
        assertUnreadable(person("<rpid:time-offset>-4.5</rpid:time-offset>"), TimeOffset.QNAME);
        assertUnreadable(person("<rpid:time-offset>UTC-5</rpid:time-offset>"), TimeOffset.QNAME);
        assertUnreadable(person("<rpid:time-offset></rpid:time-offset>"), TimeOffset.QNAME);
        assertUnreadable(person("<rpid:time-offset>99999999999</rpid:time-offset>"), TimeOffset.QNAME);
    }

    @Test
    void derivesMinutesFromAZoneOffset() {
        assertEquals(-300, TimeOffset.of(ZoneOffset.ofHours(-5)).minutes());
        assertEquals(345, TimeOffset.of(ZoneOffset.ofHoursMinutes(5, 45)).minutes());
    }
}
