package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Note;
import io.presencekit.xml.GenericElement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MoodTest {
    private static final List<String> ALL = Mood.knownTokens().stream().filter(t -> !t.equals("unknown")).toList();

    @Test
    void readsTokensOtherAndNotesFromPerson() {
        Mood m = readValid(person("""
                <rpid:mood id="m1" until="2024-03-01T18:00:00-05:00">
                  <rpid:note xml:lang="en">ready for the weekend</rpid:note>
                  <rpid:happy/>
                  <rpid:in_love/>
                  <rpid:other xml:lang="de">gespannt</rpid:other>
                  <x:zen/>
                </rpid:mood>"""), Mood.class);
        assertEquals(List.of("happy", "in_love"), m.tokens());
        assertEquals(List.of("gespannt"), m.otherTexts());
        assertEquals(List.of(Note.of("gespannt", "de")), m.others());
        assertEquals(List.of(Note.of("ready for the weekend", "en")), m.notes());
        assertEquals(Optional.of("m1"), m.id());
        assertEquals(Optional.empty(), m.from());
        assertTrue(m.until().orElseThrow().isEqual(OffsetDateTime.parse("2024-03-01T23:00:00Z")));
        assertEquals(List.of(GenericElement.builder(vendor("zen")).build()), m.elements());
    }

    @Test
    void readsAndRoundTripsEveryMoodTheSchemaDefines() {
        String all = String.join("", ALL.stream().map(t -> "<rpid:" + t + "/>").toList());
        String xml = person("<rpid:mood>" + all + "<rpid:other>meh</rpid:other></rpid:mood>");
        Mood m = readValid(xml, Mood.class);
        assertEquals(ALL, m.tokens());
        assertEquals(59, m.tokens().size());
        assertValidRoundTrip(read(xml));
    }

    @Test
    void readsUnknownAlone() {
        assertTrue(readValid(person("<rpid:mood><rpid:unknown/></rpid:mood>"), Mood.class).isUnknown());
    }

    @Test
    void keepsUnknownAttributesAndChildren() {
        String xml = person("<rpid:mood x:confidence=\"0.4\"><rpid:sleepy/><hint xmlns=\"\">coffee</hint></rpid:mood>");
        Mood m = RpidFixtures.assertSlip(xml, Mood.class);
        assertEquals(Map.of(vendor("confidence"), "0.4"), m.extras().attributes());
        assertEquals(1, m.extras().children().size());
        assertTrue(assertRoundTrip(read(xml)).contains("coffee"));
    }

    @Test
    void moodWithoutValueIsUnreadable() {
        assertUnreadable(person("<rpid:mood><rpid:note>no idea</rpid:note></rpid:mood>"), Mood.QNAME);
    }

    @Test
    void unknownMoodTokenIsUnreadable() {
        assertUnreadable(person("<rpid:mood><rpid:hangry/></rpid:mood>"), Mood.QNAME);
    }

    @Test
    void unknownCombinedWithAMoodIsUnreadable() {
        assertUnreadable(person("<rpid:mood><rpid:happy/><rpid:unknown/></rpid:mood>"), Mood.QNAME);
    }

    @Test
    void badUntilIsUnreadable() {
        assertUnreadable(person("<rpid:mood until=\"2024-13-01T00:00:00Z\"><rpid:happy/></rpid:mood>"),
                Mood.QNAME);
    }

    @Test
    void builderRefusesWhatTheSchemaDoesNotAllow() {
        assertThrows(IllegalArgumentException.class, () -> Mood.builder().build());
        assertThrows(IllegalArgumentException.class, () -> Mood.builder().mood("hangry"));
        assertThrows(IllegalArgumentException.class, () -> Mood.builder().mood("unknown").mood("sad").build());
        assertEquals(List.of("sad", "sleepy"), Mood.of("sad", "sleepy").tokens());
        assertEquals(List.of("x"), Mood.builder().other("x").build().otherTexts());
    }

    @Test
    void isNeverEqualToActivitiesWithTheSameContent() {
        // both share one implementation of equality; the element type still tells them apart
        Mood mood = Mood.builder().id("x").mood("unknown").build();
        Activities activities = Activities.builder().id("x").activity("unknown").build();
        assertEquals(mood.tokens(), activities.tokens());
        assertNotEquals(mood, activities);
        assertNotEquals(activities, mood);
        assertEquals(mood, mood.toBuilder().build());
    }
}
