package io.presencekit.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContactPresenceTest {
    private static final String URI = "sip:alice@example.com";
    private static final String HEAD = "<presence xmlns='urn:ietf:params:xml:ns:pidf'"
            + " xmlns:dm='urn:ietf:params:xml:ns:pidf:data-model' xmlns:rpid='urn:ietf:params:xml:ns:pidf:rpid'"
            + " xmlns:agp='urn:ag-projects:xml:ns:pidf' xmlns:c='urn:ietf:params:xml:ns:pidf:cipid'"
            + " entity='" + URI + "'>";

    private static PresenceDocument doc(String body) {
        return PidfCodec.standard().read((HEAD + body + "</presence>").getBytes(StandardCharsets.UTF_8));
    }

    private static String tuple(String id, String basic, String extended, String timestamp, String extra) {
        return "<tuple id='" + id + "'><status><basic>" + basic + "</basic>"
                + (extended == null ? "" : "<agp:extended>" + extended + "</agp:extended>") + "</status>"
                + "<contact>sip:alice@example.com;gr=" + id + "</contact>" + extra
                + (timestamp == null ? "" : "<timestamp>" + timestamp + "</timestamp>") + "</tuple>";
    }

    private static String person(String activity) {
        return "<dm:person id='p1'><rpid:activities><rpid:" + activity + "/></rpid:activities></dm:person>";
    }

    @Test
    void noDocumentOrNoTupleIsUnknown() {
        assertEquals(SummaryStatus.UNKNOWN, ContactPresence.unknown(URI).summary());
        assertEquals(SummaryStatus.UNKNOWN, ContactPresence.of(URI, doc(person("away"))).summary());
        assertFalse(ContactPresence.unknown(URI).isOnline());
    }

    @Test
    void extendedStatusWinsOverBasic() {
        assertEquals(SummaryStatus.AWAY, ContactPresence.of(URI, doc(tuple("a", "open", "away", null, ""))).summary());
        assertEquals(SummaryStatus.BUSY, ContactPresence.of(URI, doc(tuple("a", "open", "busy", null, ""))).summary());
        assertEquals(SummaryStatus.OFFLINE,
                ContactPresence.of(URI, doc(tuple("a", "open", "offline", null, ""))).summary());
    }

    @Test
    void basicClosedWinsOverAStaleExtendedStatus() {
        for (String ext : List.of("available", "away", "busy")) {
            ContactPresence p = ContactPresence.of(URI, doc(tuple("a", "closed", ext, null, "")));
            assertEquals(SummaryStatus.OFFLINE, p.summary(), ext);
            assertFalse(p.isOnline(), ext);
            assertEquals(SummaryStatus.OFFLINE, p.devices().get(0).status(), ext);
        }
        // no basic: the extended status decides; neither: closed
        assertEquals(SummaryStatus.AWAY, ContactPresence.of(URI, doc("<tuple id='a'><status><agp:extended>away"
                + "</agp:extended></status></tuple>")).summary());
        assertEquals(SummaryStatus.OFFLINE,
                ContactPresence.of(URI, doc("<tuple id='a'><status/></tuple>")).summary());
    }

    @Test
    void removedDeviceNextToTheOfflineStatusShowsTheOfflineNote() {
        // Kamailio's NOTIFY when the last device unpublishes: the device's tuple, basic closed with its
        // extended status kept, merged with the pidf-manipulation offline document's tuple
        ContactPresence p = ContactPresence.of(URI, doc(
                tuple("SID-dev", "closed", "away", "2026-01-02T10:00:00Z", "<note xml:lang='en'>Back soon</note>")
                        + tuple("SID-off", "closed", "offline", "2026-01-01T10:00:00Z",
                                "<note xml:lang='en'>Gone fishing</note>")));
        assertEquals(SummaryStatus.OFFLINE, p.summary());
        assertFalse(p.isOnline());
        assertEquals("SID-off", p.bestService().orElseThrow().tuple().id());
        assertEquals(Optional.of("Gone fishing"), p.note());
        assertEquals(Optional.of("Gone fishing"), p.note("en"));
    }

    @Test
    void busyDeviceOutranksAvailableAndAwayDevices() {
        ContactPresence p = ContactPresence.of(URI, doc(tuple("away", "open", "away", "2026-01-01T10:00:00Z", "")
                + tuple("busy", "open", "busy", "2026-01-01T09:00:00Z", "")
                + tuple("avail", "open", "available", "2026-01-01T11:00:00Z", "")));
        assertEquals(SummaryStatus.BUSY, p.summary());
        assertEquals(List.of("busy", "avail", "away"), p.services().stream().map(s -> s.tuple().id()).toList());
    }

    @Test
    void closedOrOfflineTupleNeverOutranksAnOpenOneAndItsNoteStaysHidden() {
        ContactPresence p = ContactPresence.of(URI, doc(
                tuple("off", "closed", "offline", "2026-01-02T10:00:00Z", "<note>Gone fishing</note>")
                        + tuple("on", "open", null, "2026-01-01T10:00:00Z", "<note>At my desk</note>")));
        assertEquals(SummaryStatus.AVAILABLE, p.summary());
        assertEquals("on", p.bestService().orElseThrow().tuple().id());
        assertEquals(List.of("At my desk"), p.notes().stream().map(Note::text).toList());
    }

    @Test
    void offlineStatusNoteShowsWhenNothingIsOpen() {
        // what a server merges in from pidf-manipulation (RFC 4827) while no device publishes
        PresenceDocument offline = doc(tuple("SID-x", "closed", "offline", null, "<note>On holiday until May</note>")
                + person("vacation"));
        ContactPresence p = ContactPresence.of(URI, List.of(offline));
        assertEquals(SummaryStatus.OFFLINE, p.summary());
        assertEquals(Optional.of("On holiday until May"), p.note());
    }

    @Test
    void openDeviceDocumentWinsOverMergedOfflineDocument() {
        PresenceDocument offline = doc(tuple("SID-off", "closed", "offline", null, "<note>Offline note</note>"));
        PresenceDocument device = doc(tuple("SID-dev", "open", "available", null, "<note>Online</note>"));
        ContactPresence p = ContactPresence.of(URI, List.of(offline, device));
        assertEquals(SummaryStatus.AVAILABLE, p.summary());
        assertEquals(Optional.of("Online"), p.note());
        assertEquals(List.of(offline, device), p.documents());
    }

    @Test
    void rpidActivitiesDecideWhenThereIsNoExtendedStatus() {
        assertEquals(SummaryStatus.BUSY,
                ContactPresence.of(URI, doc(tuple("a", "open", null, null, "") + person("on-the-phone"))).summary());
        assertEquals(SummaryStatus.BUSY,
                ContactPresence.of(URI, doc(tuple("a", "open", null, null, "") + person("meeting"))).summary());
        assertEquals(SummaryStatus.AWAY,
                ContactPresence.of(URI, doc(tuple("a", "open", null, null, "") + person("vacation"))).summary());
        assertEquals(SummaryStatus.AWAY,
                ContactPresence.of(URI, doc(tuple("a", "open", null, null, "") + person("away"))).summary());
        assertEquals(SummaryStatus.AVAILABLE,
                ContactPresence.of(URI, doc(tuple("a", "open", null, null, "") + person("working"))).summary());
    }

    @Test
    void basicStatusIsTheLastResort() {
        assertEquals(SummaryStatus.AVAILABLE, ContactPresence.of(URI, doc(tuple("a", "open", null, null, ""))).summary());
        assertEquals(SummaryStatus.OFFLINE, ContactPresence.of(URI, doc(tuple("a", "closed", null, null, ""))).summary());
        // a closed service is offline whatever the person's activities say
        assertEquals(SummaryStatus.OFFLINE,
                ContactPresence.of(URI, doc(tuple("a", "closed", null, null, "") + person("busy"))).summary());
    }

    @Test
    void newerTimestampWinsBetweenEqualServices() {
        ContactPresence p = ContactPresence.of(URI, doc(tuple("old", "open", "away", "2026-01-01T10:00:00Z",
                "<note>old</note>") + tuple("new", "open", "away", "2026-01-01T12:00:00+01:00", "<note>new</note>")
                + tuple("none", "open", "away", null, "<note>none</note>")));
        assertEquals(List.of("new", "old", "none"), p.services().stream().map(s -> s.tuple().id()).toList());
        assertEquals(Optional.of("new"), p.note());
    }

    @Test
    void noteIsChosenByLanguage() {
        ContactPresence p = ContactPresence.of(URI, doc(tuple("a", "open", null, null,
                "<note xml:lang='en'>Lunch</note><note xml:lang='fr'>Déjeuner</note><note>Neutral</note>")));
        assertEquals(Optional.of("Déjeuner"), p.note("fr"));
        assertEquals(Optional.of("Déjeuner"), p.note("fr-CA"));
        assertEquals(Optional.of("Lunch"), p.note("EN"));
        assertEquals(Optional.of("Neutral"), p.note("de"));
        assertEquals(Optional.of("Neutral"), p.note());
    }

    @Test
    void blinkDocumentGivesTheFullContactView() throws IOException {
        PresenceDocument d;
        try (InputStream in = getClass().getResourceAsStream("/fixtures/blink-t1.xml")) {
            d = PidfCodec.standard().read(in);
        }
        ContactPresence p = ContactPresence.of(URI, d);
        assertEquals(SummaryStatus.AWAY, p.summary());
        assertTrue(p.isOnline());
        assertEquals(Optional.of("Out for lunch, back at 14:00 & then in meetings"), p.note("en"));
        assertEquals(Optional.of("Alice Liddell"), p.displayName());
        assertEquals(Optional.of("https://alice.example.com/"), p.homepage());
        assertEquals(Optional.of("Netherlands/Amsterdam"), p.map());
        assertTrue(p.icon().orElseThrow().endsWith("/oma_status-icon/index"));
        assertEquals(Set.of("away"), p.activities());
        assertEquals(Set.of("audio", "text", "message", "file-transfer", "screen-sharing-server",
                "screen-sharing-client"), p.capabilities());
        assertFalse(p.isIdle());
        assertEquals("2026-07-20T12:31:40Z", p.lastInput().orElseThrow().toInstant().toString());
        ContactPresence.DeviceView device = p.devices().get(0);
        assertEquals("a8f3c7e2-4b1d-4e9a-9f6c-2d7e8b5a1c30", device.id());
        assertEquals(Optional.of("imac3-2"), device.description());
        assertEquals(Optional.of("Blink 6.0.0 (Linux)"), device.userAgent());
        assertEquals(java.util.OptionalInt.of(120), device.timeOffsetMinutes());
        assertEquals(SummaryStatus.AWAY, device.status());
        assertTrue(device.contact().orElseThrow().contains(";gr=urn:uuid:"));
    }

    @Test
    void idleUserInputIsReported() {
        ContactPresence p = ContactPresence.of(URI, doc(tuple("a", "open", null, null,
                "<rpid:user-input idle-threshold='300' last-input='2026-03-01T08:00:00Z'>idle</rpid:user-input>")));
        assertTrue(p.isIdle());
        assertTrue(p.devices().get(0).isIdle());
        assertEquals("2026-03-01T08:00:00Z", p.lastInput().orElseThrow().toInstant().toString());
    }
}
