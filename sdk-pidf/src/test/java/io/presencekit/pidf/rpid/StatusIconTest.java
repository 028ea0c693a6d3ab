package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.tuple;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class StatusIconTest {
    @Test
    void readsUriAndAttributesOnPersonAndTuple() {
        StatusIcon i = readValid(person("<rpid:status-icon id=\"ic\" until=\"2024-06-01T00:00:00Z\">\n"
                + "  https://example.com/icons/busy.png\n</rpid:status-icon>"), StatusIcon.class);
        assertEquals("https://example.com/icons/busy.png", i.uri());
        assertEquals(Optional.of("ic"), i.id());
        assertEquals(OffsetDateTime.parse("2024-06-01T00:00:00Z"), i.until().orElseThrow());
        assertEquals(StatusIcon.of("https://example.com/mail.png"), readValid(tuple(
                "<rpid:status-icon>https://example.com/mail.png</rpid:status-icon>"), StatusIcon.class));
    }

    @Test
    void roundTripsWithUnknownAttributes() {
        String xml = person("<rpid:status-icon x:size=\"32\" from=\"2024-06-01T00:00:00-07:00\">"
                + "https://example.com/a.png?x=1&amp;y=2</rpid:status-icon>");
        StatusIcon i = readValid(xml, StatusIcon.class);
        assertEquals(Map.of(vendor("size"), "32"), i.attributes());
        assertEquals("https://example.com/a.png?x=1&y=2", i.uri());
        String written = assertValidRoundTrip(read(xml));
        assertTrue(written.contains("a.png?x=1&amp;y=2"), written);
    }

    @Test
    void emptyUriOrBadTimeIsUnreadable() {
        assertUnreadable(person("<rpid:status-icon> </rpid:status-icon>"), StatusIcon.QNAME);
        assertUnreadable(person("<rpid:status-icon from=\"2024-06-01\">https://e.com/i.png</rpid:status-icon>"),
                StatusIcon.QNAME);
    }

    @Test
    void builderRefusesBlankUri() {
        assertThrows(IllegalArgumentException.class, () -> StatusIcon.of(""));
        assertThrows(NullPointerException.class, () -> StatusIcon.of(null));
    }
}
