package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertSlip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xml.GenericElement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SphereTest {
    @Test
    void readsEveryType() {
        for (Sphere.Type t : Sphere.Type.values()) {
            String xml = person("<rpid:sphere id=\"s\" from=\"2024-01-01T08:00:00+01:00\">\n  <rpid:" + t.token()
                    + "/>\n</rpid:sphere>");
            Sphere s = readValid(xml, Sphere.class);
            assertEquals(Optional.of(t), s.type());
            assertEquals(Optional.of("s"), s.id());
            assertTrue(s.from().orElseThrow().isEqual(OffsetDateTime.parse("2024-01-01T07:00:00Z")));
            assertValidRoundTrip(read(xml));
        }
    }

    @Test
    void readsFreeTextInEveryMode() {
        Sphere s = readValid(person("<rpid:sphere>\n  bowling league\n</rpid:sphere>"), Sphere.class);
        assertEquals(Optional.of("bowling league"), s.text());
        assertEquals(Optional.empty(), s.type());
        String written = assertValidRoundTrip(read(person("<rpid:sphere>bowling league</rpid:sphere>")));
        assertTrue(written.contains("<rpid:sphere>bowling league</rpid:sphere>"), written);
    }

    @Test
    void readsForeignElementsAndNothing() {
        assertEquals(List.of(GenericElement.builder(vendor("club")).text("chess").build()),
                readValid(person("<rpid:sphere><x:club>chess</x:club></rpid:sphere>"), Sphere.class).elements());
        Sphere empty = readValid(person("<rpid:sphere/>"), Sphere.class);
        assertEquals(Sphere.builder().build(), empty);
        assertValidRoundTrip(read(person("<rpid:sphere><x:club>chess</x:club></rpid:sphere>")));
    }

    @Test
    void keepsUnknownAttributesAndChildren() {
        assertEquals(Map.of(vendor("origin"), "calendar"), readValid(person("<rpid:sphere x:origin=\"calendar\">"
                + "<rpid:work/></rpid:sphere>"), Sphere.class).extras().attributes());
        Sphere s = assertSlip(person("<rpid:sphere><rpid:work/><why xmlns=\"\">office</why></rpid:sphere>"),
                Sphere.class);
        assertEquals(1, s.extras().children().size());
    }

    @Test
    void badValuesAreUnreadable() {
        assertUnreadable(person("<rpid:sphere><rpid:home/><rpid:work/></rpid:sphere>"), Sphere.QNAME);
        assertUnreadable(person("<rpid:sphere><rpid:home/>and more</rpid:sphere>"), Sphere.QNAME);
        assertUnreadable(person("<rpid:sphere><rpid:gym/></rpid:sphere>"), Sphere.QNAME);
        assertUnreadable(person("<rpid:sphere><rpid:home where=\"sofa\"/></rpid:sphere>"), Sphere.QNAME);
        assertUnreadable(person("<rpid:sphere until=\"never\"><rpid:home/></rpid:sphere>"), Sphere.QNAME);
    }

    @Test
    void builderRefusesTwoForms() {
        assertThrows(IllegalArgumentException.class,
                () -> Sphere.builder().type(Sphere.Type.HOME).text("garden").build());
        assertThrows(IllegalArgumentException.class, () -> Sphere.ofText("  "));
        assertEquals(Optional.of("league"), Sphere.ofText(" league ").text());
    }
}
