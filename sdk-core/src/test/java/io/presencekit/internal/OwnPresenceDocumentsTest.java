package io.presencekit.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.OwnPresence;
import io.presencekit.OwnPresence.Availability;
import io.presencekit.pidf.Basic;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.SummaryStatus;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.caps.ServiceCapabilities;
import io.presencekit.sip.PresenceIds;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OwnPresenceDocumentsTest {
    private static final String AOR = "sip:alice@example.com";
    private static final String INSTANCE = "urn:uuid:6f1b1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b";
    private static final String OTHER_INSTANCE = "urn:uuid:11111111-2222-4333-8444-555555555555";
    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private final PresenceIds ids = PresenceIds.of(AOR, INSTANCE);
    private final OwnPresenceDocuments docs = new OwnPresenceDocuments(AOR, ids, "PresenceKit/test");

    /** Writes the document as it goes on the wire and reads it back as a watcher does. */
    private PresenceDocument roundTrip(OwnPresence p, String icon) {
        byte[] xml = PidfCodec.standard().write(docs.document(p, icon, NOW));
        return PidfCodec.strict().read(xml);
    }

    @ParameterizedTest
    @CsvSource({"AVAILABLE, AVAILABLE, open", "AWAY, AWAY, open", "BUSY, BUSY, open", "INVISIBLE, OFFLINE, closed"})
    void everyAvailabilityReadsBackAsTheExpectedSummary(Availability availability, SummaryStatus summary, String basic) {
        PresenceDocument doc = roundTrip(OwnPresence.builder(availability).note("a note", "en").build(), null);
        ContactPresence view = ContactPresence.of(AOR, doc);
        assertEquals(summary, view.summary());
        assertEquals(AOR, doc.entity());
        Tuple tuple = doc.tuple(ids.tupleId()).orElseThrow();
        assertEquals(Basic.fromToken(basic), tuple.basic().orElseThrow());
        assertEquals(ids.personId(), doc.person().orElseThrow().id());
        assertEquals(availability != Availability.INVISIBLE, view.isOnline());
    }

    @Test
    void awayAndBusyCarryAnRpidActivityForClientsWithoutTheAgpExtension() {
        PresenceDocument away = roundTrip(OwnPresence.builder(Availability.AWAY).build(), null);
        assertEquals(Set.of("away"), ContactPresence.of(AOR, away).activities());
        PresenceDocument busy = roundTrip(OwnPresence.builder(Availability.BUSY).build(), null);
        assertEquals(Set.of("busy"), ContactPresence.of(AOR, busy).activities());
        PresenceDocument meeting = roundTrip(OwnPresence.builder(Availability.BUSY).activity("meeting").build(), null);
        assertEquals(Set.of("meeting"), ContactPresence.of(AOR, meeting).activities());
    }

    @Test
    void everyDetailReadsBackThroughContactPresence() {
        OwnPresence p = OwnPresence.builder(Availability.AVAILABLE).note("At my desk", "en").note("Au bureau", "fr")
                .homepage("https://example.com/alice").location("Amsterdam/NL").timeOffset(ZoneOffset.ofHours(2))
                .idleSince(Instant.parse("2026-03-01T09:30:00Z")).deviceDescription("laptop")
                .userAgent("Blink-like 1.0").capabilities(ServiceCapabilities.builder().audio(true).message(true).build())
                .build();
        ContactPresence view = ContactPresence.of(AOR, roundTrip(p, "https://xcap.example.com/icon"));
        assertEquals(Optional.of("Au bureau"), view.note("fr"));
        assertEquals(Optional.of("At my desk"), view.note("en-GB"));
        assertEquals(Optional.of("https://example.com/alice"), view.homepage());
        assertEquals(Optional.of("Amsterdam/NL"), view.map());
        assertEquals(Optional.of("https://xcap.example.com/icon"), view.icon());
        assertTrue(view.isIdle());
        assertEquals(Optional.of(OffsetDateTime.parse("2026-03-01T09:30:00Z")), view.lastInput());
        assertTrue(view.capabilities().containsAll(Set.of("audio", "message")), view.capabilities().toString());
        ContactPresence.DeviceView device = view.devices().get(0);
        assertEquals(Optional.of("laptop"), device.description());
        assertEquals(Optional.of("Blink-like 1.0"), device.userAgent());
        assertEquals(120, device.timeOffsetMinutes().orElseThrow());
    }

    @Test
    void anActiveUserIsNotIdleAndTheAccountUserAgentIsTheDefault() {
        ContactPresence view = ContactPresence.of(AOR, roundTrip(OwnPresence.AVAILABLE, null));
        assertFalse(view.isIdle());
        assertEquals(Optional.of("PresenceKit/test"), view.devices().get(0).userAgent());
        assertEquals(Optional.empty(), view.icon());
    }

    @Test
    void invisibleShowsNothingButOffline() {
        OwnPresence p = OwnPresence.builder(Availability.INVISIBLE).note("secret plans").homepage("https://x.example")
                .activity("meeting").idleSince(NOW).build();
        PresenceDocument doc = roundTrip(p, "https://xcap.example.com/icon");
        ContactPresence view = ContactPresence.of(AOR, doc);
        assertEquals(SummaryStatus.OFFLINE, view.summary());
        assertEquals(Optional.empty(), view.note());
        assertEquals(Optional.empty(), view.homepage());
        assertEquals(Optional.empty(), view.icon());
        assertTrue(view.activities().isEmpty());
        assertFalse(new String(PidfCodec.standard().write(doc), java.nio.charset.StandardCharsets.UTF_8)
                .contains("secret"));
    }

    @Test
    void idsAreStableAcrossDocumentsOfOneDevice() {
        PresenceDocument a = roundTrip(OwnPresence.AVAILABLE, null);
        PresenceDocument b = roundTrip(OwnPresence.builder(Availability.BUSY).build(), null);
        assertEquals(a.tuples().get(0).id(), b.tuples().get(0).id());
        assertEquals("SID-6f1b1c2e-3a4d-4e5f-8a9b-0c1d2e3f4a5b", a.tuples().get(0).id());
        assertEquals(a.person().orElseThrow().id(), b.person().orElseThrow().id());
    }

    @Test
    void ourOwnEchoAndTheOfflineStatusAreNotAnotherDevice() {
        PresenceDocument mine = docs.document(OwnPresence.AVAILABLE, null, NOW);
        assertEquals(Optional.empty(), docs.fromOtherDevices(mine));
        PresenceDocument offline = docs.offlineDocument(Note.of("gone"), NOW);
        assertEquals(Optional.empty(), docs.fromOtherDevices(offline));

        OwnPresenceDocuments other = new OwnPresenceDocuments(AOR, PresenceIds.of(AOR, OTHER_INSTANCE), null);
        PresenceDocument theirs = other.document(OwnPresence.builder(Availability.AWAY).note("lunch").build(), null, NOW);
        // the server aggregates every device's publication into one document
        PresenceDocument mineWithNote = docs.document(OwnPresence.builder(Availability.AVAILABLE).note("my own")
                .build(), null, NOW.minusSeconds(5));
        PresenceDocument merged = PidfCodec.standard().read(PidfCodec.standard().write(mineWithNote.toBuilder()
                .tuple(theirs.tuples().get(0)).person(theirs.person().orElseThrow())
                .device(theirs.devices().get(0)).build()));
        PresenceDocument others = docs.fromOtherDevices(merged).orElseThrow();
        assertEquals(1, others.tuples().size());
        assertEquals(1, others.persons().size());
        assertEquals(Optional.of("lunch"), docs.view(others).note());
        assertEquals(PresenceIds.of(AOR, OTHER_INSTANCE).tupleId(), others.tuples().get(0).id());
        assertEquals(SummaryStatus.AWAY, docs.view(others).summary());
    }

    @Test
    void theOfflineStatusIsClosedWithItsNote() {
        PresenceDocument doc = PidfCodec.strict().read(PidfCodec.standard().write(
                docs.offlineDocument(Note.of("Back on Monday", "en"), NOW)));
        ContactPresence view = ContactPresence.of(AOR, doc);
        assertEquals(SummaryStatus.OFFLINE, view.summary());
        assertEquals(Optional.of("Back on Monday"), view.note());
        assertEquals(ids.offlineTupleId(), doc.tuples().get(0).id());
    }
}
