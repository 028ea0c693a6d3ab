package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertSlip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Note;
import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PrivacyTest {
    @Test
    void readsMediaInAnyOrder() {
        // the RFC's own example lists text before audio
        Privacy p = readValid(person("<rpid:privacy><rpid:note>alone</rpid:note><rpid:text/><rpid:audio/>"
                + "</rpid:privacy>"), Privacy.class);
        assertEquals(Set.of(Privacy.Medium.AUDIO, Privacy.Medium.TEXT), p.media());
        assertTrue(p.isPrivate(Privacy.Medium.TEXT));
        assertFalse(p.isPrivate(Privacy.Medium.VIDEO));
        assertFalse(p.isUnknown());
        assertEquals(List.of(Note.of("alone")), p.notes());
    }

    @Test
    void readsUnknownAndForeignMedia() {
        assertTrue(readValid(person("<rpid:privacy><rpid:unknown/></rpid:privacy>"), Privacy.class).isUnknown());
        Privacy p = readValid(person("<rpid:privacy><rpid:video/><x:haptic/></rpid:privacy>"), Privacy.class);
        assertEquals(List.of(GenericElement.builder(vendor("haptic")).build()), p.elements());
        assertEquals(Set.of(Privacy.Medium.VIDEO), p.media());
    }

    @Test
    void roundTripsInSchemaOrder() {
        String written = assertValidRoundTrip(read(person("<rpid:privacy id=\"pr\" from=\"2024-01-01T00:00:00Z\">"
                + "<rpid:video/><rpid:text/><rpid:audio/><x:haptic/></rpid:privacy>")));
        assertTrue(written.contains("<rpid:audio/><rpid:text/><rpid:video/>"), written);
        assertValidRoundTrip(read(person("<rpid:privacy><rpid:unknown/></rpid:privacy>")));
        assertValidRoundTrip(read(person("<rpid:privacy/>")));
    }

    @Test
    void keepsUnknownAttributesAndChildren() {
        Privacy p = assertSlip(person("<rpid:privacy x:sure=\"no\"><rpid:audio/><extra xmlns=\"\"/></rpid:privacy>"),
                Privacy.class);
        assertEquals(Map.of(vendor("sure"), "no"), p.extras().attributes());
        assertEquals(1, p.extras().children().size());
    }

    @Test
    void repeatedMediumIsASlip() {
        assertEquals(Set.of(Privacy.Medium.AUDIO), assertSlip(person("<rpid:privacy><rpid:audio/><rpid:audio/>"
                + "</rpid:privacy>"), Privacy.class).media());
    }

    @Test
    void badValuesAreUnreadable() {
        assertUnreadable(person("<rpid:privacy><rpid:unknown/><rpid:audio/></rpid:privacy>"), Privacy.QNAME);
        assertUnreadable(person("<rpid:privacy><rpid:smell/></rpid:privacy>"), Privacy.QNAME);
        assertUnreadable(person("<rpid:privacy><rpid:audio>yes</rpid:audio></rpid:privacy>"), Privacy.QNAME);
    }

    @Test
    void builderRefusesUnknownWithMedia() {
        assertThrows(IllegalArgumentException.class,
                () -> Privacy.builder().unknown(true).medium(Privacy.Medium.AUDIO).build());
        assertTrue(Privacy.unknownPrivacy().isUnknown());
        assertEquals(Set.of(Privacy.Medium.TEXT), Privacy.of(Privacy.Medium.TEXT).media());
    }
}
