package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertSlip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.device;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.rpid;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.tuple;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.PidfCodec;
import io.presencekit.xml.GenericElement;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RpidClassTest {
    @Test
    void readsClassOnPersonTupleAndDevice() {
        assertEquals(RpidClass.of("calendar"), readValid(person("<rpid:class>calendar</rpid:class>"),
                RpidClass.class));
        assertEquals(RpidClass.of("email"), readValid(tuple("<rpid:class>email</rpid:class>"), RpidClass.class));
        assertEquals(RpidClass.of("forwarded"), readValid(device("<rpid:class>forwarded</rpid:class>"),
                RpidClass.class));
    }

    @Test
    void collapsesWhitespaceAsForAToken() {
        assertEquals("work phone", readValid(person("<rpid:class>\n  work \t phone \n</rpid:class>"),
                RpidClass.class).value());
        assertEquals("a b", RpidClass.of(" a\r\nb ").value());
    }

    @Test
    void roundTrips() {
        String written = assertValidRoundTrip(read(tuple("<rpid:class>email</rpid:class>")));
        assertTrue(written.contains("<rpid:class>email</rpid:class>"), written);
    }

    @Test
    void attributesAreASlipButKept() {
        RpidClass c = assertSlip(person("<rpid:class x:origin=\"ldap\">calendar</rpid:class>"), RpidClass.class);
        assertEquals(new RpidClass("calendar", Map.of(vendor("origin"), "ldap")), c);
    }

    @Test
    void mustUnderstandIsNoSlip() {
        RpidClass c = readValid(person("<rpid:class pidf:mustUnderstand=\"true\""
                + " xmlns:pidf=\"urn:ietf:params:xml:ns:pidf\">calendar</rpid:class>"), RpidClass.class);
        assertEquals(Map.of(PidfCodec.MUST_UNDERSTAND, "true"), c.attributes());
    }

    @Test
    void childElementKeepsTheWholeElementUnread() {
        // the child would be lost in a typed value: the element is kept whole instead
        GenericElement kept = assertUnreadable(person("<rpid:class>calendar<x:sub/></rpid:class>"), rpid("class"));
        assertEquals("calendar", kept.text());
        assertEquals(1, kept.elements().size());
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> RpidClass.of(null));
    }
}
