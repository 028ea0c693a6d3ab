package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertSlip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Note;
import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceIsTest {
    @Test
    void readsAudioVideoTextAndNotes() {
        PlaceIs p = readValid(person("""
                <rpid:place-is id="pi" from="2024-03-01T09:00:00Z">
                  <rpid:note>open-plan office</rpid:note>
                  <rpid:audio><rpid:noisy/></rpid:audio>
                  <rpid:video> <rpid:toobright/> </rpid:video>
                  <rpid:text><rpid:inappropriate/></rpid:text>
                </rpid:place-is>"""), PlaceIs.class);
        assertEquals(Optional.of(PlaceIs.Audio.NOISY), p.audio());
        assertEquals(Optional.of(PlaceIs.Video.TOO_BRIGHT), p.video());
        assertEquals(Optional.of(PlaceIs.Text.INAPPROPRIATE), p.text());
        assertEquals(List.of(Note.of("open-plan office")), p.notes());
        assertEquals(Optional.of("pi"), p.id());
    }

    @Test
    void everyMediumIsOptional() {
        PlaceIs p = readValid(person("<rpid:place-is><rpid:video><rpid:dark/></rpid:video></rpid:place-is>"),
                PlaceIs.class);
        assertEquals(Optional.empty(), p.audio());
        assertEquals(Optional.of(PlaceIs.Video.DARK), p.video());
        assertEquals(Optional.empty(), p.text());
    }

    @Test
    void roundTripsEveryValue() {
        for (int i = 0; i < 4; i++) {
            String xml = person("<rpid:place-is><rpid:audio><rpid:" + PlaceIs.Audio.values()[i].token()
                    + "/></rpid:audio><rpid:video><rpid:" + PlaceIs.Video.values()[i].token()
                    + "/></rpid:video><rpid:text><rpid:" + PlaceIs.Text.values()[i].token()
                    + "/></rpid:text></rpid:place-is>");
            PlaceIs p = readValid(xml, PlaceIs.class);
            assertEquals(PlaceIs.Audio.values()[i], p.audio().orElseThrow());
            assertValidRoundTrip(read(xml));
        }
    }

    @Test
    void writesInSchemaOrder() {
        PlaceIs p = PlaceIs.builder().text(PlaceIs.Text.OK).audio(PlaceIs.Audio.QUIET).note("library").build();
        String written = assertValidRoundTrip(io.presencekit.pidf.PresenceDocument.builder("pres:a@example.com")
                .person(io.presencekit.pidf.Person.builder("p").extension(p).build()).build());
        assertTrue(written.indexOf("rpid:note") < written.indexOf("rpid:audio")
                && written.indexOf("rpid:audio") < written.indexOf("rpid:text"), written);
    }

    @Test
    void keepsUnknownAttributesSilentlyAndForeignChildrenAsASlip() {
        assertEquals(Map.of(vendor("sensor"), "mic"), readValid(person("<rpid:place-is x:sensor=\"mic\">"
                + "<rpid:audio><rpid:ok/></rpid:audio></rpid:place-is>"), PlaceIs.class).extras().attributes());
        PlaceIs p = assertSlip(person("<rpid:place-is><rpid:audio><rpid:ok/></rpid:audio><x:smell><x:coffee/>"
                + "</x:smell></rpid:place-is>"), PlaceIs.class);
        assertEquals(List.of(GenericElement.builder(vendor("smell")).child(GenericElement.builder(vendor("coffee"))
                .build()).build()), p.extras().children());
    }

    @Test
    void outOfOrderIsASlip() {
        PlaceIs p = assertSlip(person("<rpid:place-is><rpid:text><rpid:ok/></rpid:text><rpid:audio><rpid:ok/>"
                + "</rpid:audio></rpid:place-is>"), PlaceIs.class);
        assertEquals(Optional.of(PlaceIs.Audio.OK), p.audio());
        assertEquals(Optional.of(PlaceIs.Text.OK), p.text());
    }

    @Test
    void badValuesAreUnreadable() {
        assertUnreadable(person("<rpid:place-is><rpid:audio><rpid:loud/></rpid:audio></rpid:place-is>"),
                PlaceIs.QNAME);
        assertUnreadable(person("<rpid:place-is><rpid:video><rpid:noisy/></rpid:video></rpid:place-is>"),
                PlaceIs.QNAME);
        assertUnreadable(person("<rpid:place-is><rpid:audio/></rpid:place-is>"), PlaceIs.QNAME);
        assertUnreadable(person("<rpid:place-is><rpid:audio><rpid:ok/><rpid:quiet/></rpid:audio></rpid:place-is>"),
                PlaceIs.QNAME);
        assertUnreadable(person("<rpid:place-is><rpid:audio><rpid:ok/></rpid:audio><rpid:audio><rpid:ok/>"
                + "</rpid:audio></rpid:place-is>"), PlaceIs.QNAME);
        assertUnreadable(person("<rpid:place-is><rpid:smell><rpid:ok/></rpid:smell></rpid:place-is>"),
                PlaceIs.QNAME);
        assertUnreadable(person("<rpid:place-is until=\"soon\"/>"), PlaceIs.QNAME);
    }

    @Test
    void tokensMapBothWays() {
        assertEquals(Optional.of(PlaceIs.Video.TOO_BRIGHT), PlaceIs.Video.fromToken("toobright"));
        assertEquals(Optional.empty(), PlaceIs.Audio.fromToken("NOISY"));
        assertEquals("uncomfortable", PlaceIs.Text.UNCOMFORTABLE.token());
    }
}
