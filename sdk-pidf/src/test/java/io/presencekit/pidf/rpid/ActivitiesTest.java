package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertSlip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.rpid;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Note;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.xml.GenericElement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class ActivitiesTest {
    private static final String ALL_TOKENS = String.join("", Activities.knownTokens().stream()
            .filter(t -> !t.equals("unknown")).map(t -> "<rpid:" + t + "/>").toList());

    @Test
    void readsTokensOtherNotesAndTimesFromPerson() {
        Activities a = readValid(person("""
                <rpid:activities id="a1" from="2024-03-01T09:00:00+01:00" until="2024-03-01T17:00:00Z">
                  <rpid:note xml:lang="en">Heads down</rpid:note>
                  <rpid:note>second note</rpid:note>
                  <rpid:on-the-phone/>
                  <rpid:other xml:lang="en">reviewing</rpid:other>
                  <rpid:meeting/>
                  <x:hiking/>
                </rpid:activities>"""), Activities.class);
        assertEquals(List.of("on-the-phone", "meeting"), a.tokens());
        assertEquals(List.of("reviewing"), a.otherTexts());
        assertEquals(List.of(Note.of("reviewing", "en")), a.others());
        assertEquals(List.of(Note.of("Heads down", "en"), Note.of("second note")), a.notes());
        assertEquals(Optional.of("a1"), a.id());
        assertEquals(OffsetDateTime.of(2024, 3, 1, 8, 0, 0, 0, ZoneOffset.UTC).toInstant(),
                a.from().orElseThrow().toInstant());
        assertEquals(OffsetDateTime.of(2024, 3, 1, 17, 0, 0, 0, ZoneOffset.UTC), a.until().orElseThrow());
        assertEquals(List.of(GenericElement.builder(vendor("hiking")).build()), a.elements());
        assertTrue(a.has("meeting"));
        assertFalse(a.isUnknown());
        assertTrue(a.extras().isEmpty());
    }

    @Test
    void readsEveryActivityTheSchemaDefines() {
        Activities a = readValid(person("<rpid:activities>" + ALL_TOKENS + "</rpid:activities>"), Activities.class);
        assertEquals(24, a.tokens().size());
        assertEquals(Activities.knownTokens().stream().filter(t -> !t.equals("unknown")).toList(), a.tokens());
        assertTrue(a.has("in-transit") && a.has("looking-for-work") && a.has("permanent-absence"));
    }

    @Test
    void roundTripsEveryActivity() {
        PresenceDocument doc = read(person("<rpid:activities><rpid:note>n</rpid:note>" + ALL_TOKENS
                + "<rpid:other>x</rpid:other><x:hiking kind=\"alpine\"><x:detail>y</x:detail></x:hiking>"
                + "</rpid:activities>"));
        String written = assertValidRoundTrip(doc);
        assertTrue(written.contains("<rpid:on-the-phone/>"), written);
    }

    @Test
    void readsUnknownAlone() {
        Activities a = readValid(person("<rpid:activities><rpid:unknown/></rpid:activities>"), Activities.class);
        assertTrue(a.isUnknown());
        assertEquals(List.of("unknown"), a.tokens());
    }

    @Test
    void acceptsActivitiesWithoutValue() {
        Activities a = readValid(person("<rpid:activities><rpid:note>?</rpid:note></rpid:activities>"),
                Activities.class);
        assertTrue(a.isEmpty());
        assertValidRoundTrip(read(person("<rpid:activities/>")));
    }

    @Test
    void keepsUnknownAttributesAndChildren() {
        String xml = person("<rpid:activities x:source=\"calendar\" weight=\"2\"><rpid:away/>"
                + "<dancing xmlns=\"\" style=\"salsa\"/></rpid:activities>");
        Activities a = assertSlip(xml, Activities.class);
        assertEquals(Map.of(vendor("source"), "calendar", new QName("weight"), "2"), a.extras().attributes());
        assertEquals(List.of(GenericElement.builder(new QName("dancing")).attribute("style", "salsa").build()),
                a.extras().children());
        assertEquals(List.of("away"), a.tokens());
        String written = assertRoundTrip(read(xml));
        assertTrue(written.contains(":source=\"calendar\"") && written.contains("<dancing xmlns=\"\" style"),
                written);
    }

    @Test
    void unknownRpidActivityIsABadToken() {
        assertUnreadable(person("<rpid:activities><rpid:away/><rpid:dancing/></rpid:activities>"),
                Activities.QNAME);
    }

    @Test
    void unknownAttributeAloneIsNoSlip() {
        Activities a = readValid(person("<rpid:activities x:source=\"calendar\"><rpid:away/></rpid:activities>"),
                Activities.class);
        assertEquals(Map.of(vendor("source"), "calendar"), a.extras().attributes());
    }

    @Test
    void noteAfterValuesIsASlipAndWrittenFirst() {
        Activities a = assertSlip(person("<rpid:activities><rpid:away/><rpid:note>late</rpid:note>"
                + "</rpid:activities>"), Activities.class);
        assertEquals(List.of(Note.of("late")), a.notes());
        String written = assertValidRoundTrip(RpidFixtures.read(person("<rpid:activities><rpid:away/>"
                + "<rpid:note>late</rpid:note></rpid:activities>")));
        assertTrue(written.indexOf("rpid:note") < written.indexOf("rpid:away"), written);
    }

    @Test
    void badDateTimeKeepsTheElementGeneric() {
        assertUnreadable(person("<rpid:activities from=\"yesterday\"><rpid:away/></rpid:activities>"),
                Activities.QNAME);
    }

    @Test
    void unknownCombinedWithAnActivityIsUnreadable() {
        assertUnreadable(person("<rpid:activities><rpid:unknown/><rpid:away/></rpid:activities>"), Activities.QNAME);
    }

    @Test
    void activityWithContentIsUnreadable() {
        assertUnreadable(person("<rpid:activities><rpid:away reason=\"lunch\"/></rpid:activities>"),
                Activities.QNAME);
        assertUnreadable(person("<rpid:activities><rpid:away><x:why/></rpid:away></rpid:activities>"),
                Activities.QNAME);
    }

    @Test
    void builtActivitiesWriteAndReadBack() {
        Activities a = Activities.builder().id("act").from(OffsetDateTime.parse("2024-05-01T10:00:00+02:00"))
                .note(Note.of("Au téléphone", "fr")).activity("on-the-phone").activity("busy").other("coding")
                .element(GenericElement.builder(vendor("gaming")).build()).build();
        PresenceDocument doc = PresenceDocument.builder("pres:alice@example.com")
                .person(Person.builder("p1").extension(a).build()).build();
        String written = assertValidRoundTrip(doc);
        assertTrue(written.contains("from=\"2024-05-01T10:00:00+02:00\""), written);
        assertEquals(a, RpidFixtures.only(read(written), Activities.class));
    }

    @Test
    void equalityComparesTimesAsInstants() {
        Activities a = Activities.builder().activity("away").from(OffsetDateTime.parse("2024-05-01T10:00:00+02:00"))
                .build();
        Activities b = Activities.builder().activity("away").from(OffsetDateTime.parse("2024-05-01T08:00:00Z"))
                .build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.toBuilder().from(OffsetDateTime.parse("2024-05-01T08:00:01Z")).build());
    }

    @Test
    void builderRefusesWhatTheSchemaDoesNotAllow() {
        assertThrows(IllegalArgumentException.class, () -> Activities.builder().activity("dancing"));
        assertThrows(IllegalArgumentException.class, () -> Activities.builder().activity("other"));
        assertThrows(IllegalArgumentException.class,
                () -> Activities.builder().activity("unknown").activity("away").build());
        assertThrows(IllegalArgumentException.class,
                () -> Activities.builder().element(GenericElement.builder(rpid("dancing")).build()));
        assertEquals(List.of("away", "tv"), Activities.of("away", "tv").tokens());
    }
}
