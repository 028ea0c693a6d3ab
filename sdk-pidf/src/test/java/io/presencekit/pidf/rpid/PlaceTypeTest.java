package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertSlip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.rpid;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class PlaceTypeTest {
    @Test
    void readsLocationTypes() {
        PlaceType p = readValid(person("""
                <rpid:place-type id="pt" until="2024-03-01T12:00:00Z">
                  <rpid:note>on the way home</rpid:note>
                  <lt:street/>
                  <lt:automobile/>
                </rpid:place-type>"""), PlaceType.class);
        assertEquals(List.of("street", "automobile"), p.locationTypes());
        assertEquals(List.of(GenericElement.builder(new QName(Namespaces.LOCATION_TYPE, "street")).build(),
                GenericElement.builder(new QName(Namespaces.LOCATION_TYPE, "automobile")).build()), p.types());
        assertEquals(Optional.empty(), p.other());
        assertEquals(List.of(Note.of("on the way home")), p.notes());
    }

    @Test
    void readsOtherText() {
        PlaceType p = readValid(person("<rpid:place-type><rpid:other xml:lang=\"en\">hammock</rpid:other>"
                + "</rpid:place-type>"), PlaceType.class);
        assertEquals(Optional.of(Note.of("hammock", "en")), p.other());
        assertEquals(List.of(), p.types());
    }

    @Test
    void roundTripsBothForms() {
        assertValidRoundTrip(read(person("<rpid:place-type><lt:residence/><x:garden size=\"small\"/>"
                + "</rpid:place-type>")));
        assertValidRoundTrip(read(person("<rpid:place-type><rpid:note>n</rpid:note><rpid:other>cabin</rpid:other>"
                + "</rpid:place-type>")));
    }

    @Test
    void builtLocationTypesUseTheLtPrefix() {
        PlaceType p = PlaceType.ofLocationTypes("airport");
        String written = assertValidRoundTrip(PresenceDocument.builder("pres:a@example.com")
                .person(Person.builder("p").extension(p).build()).build());
        assertTrue(written.contains("<lt:airport/>"), written);
        assertEquals(List.of("airport"), p.locationTypes());
    }

    @Test
    void keepsUnknownAttributesAndChildren() {
        PlaceType p = assertSlip(person("<rpid:place-type x:accuracy=\"high\"><lt:office/><guess xmlns=\"\"/>"
                + "</rpid:place-type>"), PlaceType.class);
        assertEquals(Map.of(vendor("accuracy"), "high"), p.extras().attributes());
        assertEquals(List.of(GenericElement.builder(new QName("guess")).build()), p.extras().children());
    }

    @Test
    void emptyOrMixedFormsAreUnreadable() {
        assertUnreadable(person("<rpid:place-type/>"), PlaceType.QNAME);
        assertUnreadable(person("<rpid:place-type><rpid:other>a</rpid:other><lt:street/></rpid:place-type>"),
                PlaceType.QNAME);
        assertUnreadable(person("<rpid:place-type><rpid:other>a</rpid:other><rpid:other>b</rpid:other>"
                + "</rpid:place-type>"), PlaceType.QNAME);
        assertUnreadable(person("<rpid:place-type><rpid:street/></rpid:place-type>"), PlaceType.QNAME);
    }

    @Test
    void builderRefusesWhatTheSchemaDoesNotAllow() {
        assertThrows(IllegalArgumentException.class, () -> PlaceType.builder().build());
        assertThrows(IllegalArgumentException.class,
                () -> PlaceType.builder().other("x").locationType("street").build());
        assertThrows(IllegalArgumentException.class,
                () -> PlaceType.builder().type(GenericElement.builder(rpid("street")).build()));
        assertEquals(Optional.of(Note.of("cabin")), PlaceType.ofOther("cabin").other());
    }
}
