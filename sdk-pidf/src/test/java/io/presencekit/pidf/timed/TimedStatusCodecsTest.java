package io.presencekit.pidf.timed;

import static io.presencekit.pidf.ExtensionTestSupport.assertRoundTrip;
import static io.presencekit.pidf.ExtensionTestSupport.assertSchemaError;
import static io.presencekit.pidf.ExtensionTestSupport.lenient;
import static io.presencekit.pidf.ExtensionTestSupport.presence;
import static io.presencekit.pidf.ExtensionTestSupport.read;
import static io.presencekit.pidf.ExtensionTestSupport.strict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.xml.GenericElement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class TimedStatusCodecsTest {
    private static final PidfCodec LENIENT = lenient(TimedStatusCodecs.codecs());
    private static final PidfCodec STRICT = strict(TimedStatusCodecs.codecs());
    private static final String NS = "xmlns:ts=\"urn:ietf:params:xml:ns:pidf:timed-status\" xmlns:x=\"urn:example:x\"";

    private static String tuple(String timed) {
        return presence(NS, "  <tuple id=\"t1\">\n    <status><basic>open</basic></status>\n" + timed
                + "\n    <contact>sip:alice@example.com</contact>\n  </tuple>");
    }

    private static final String HOLIDAY = tuple("""
                <ts:timed-status from="2026-08-03T09:00:00.000+02:00" until="2026-08-14T18:00:00+02:00">
                  <ts:basic>closed</ts:basic>
                  <ts:note xml:lang="en">On holiday</ts:note>
                </ts:timed-status>""");

    @Test
    void readsIntervalBasicAndNoteInsideTuple() {
        PresenceDocument doc = read(LENIENT, HOLIDAY);
        assertEquals(List.of(), doc.warnings());
        Tuple t = doc.tuple("t1").orElseThrow();
        TimedStatus ts = t.extension(TimedStatus.class).orElseThrow();
        assertEquals(Instant.parse("2026-08-03T07:00:00Z"), ts.from().toInstant());
        assertEquals(Instant.parse("2026-08-14T16:00:00Z"), ts.until().orElseThrow().toInstant());
        assertEquals(Optional.of(Basic.CLOSED), ts.basic());
        assertEquals(Optional.of(Note.of("On holiday", "en")), ts.note());
        assertTrue(ts.extras().isEmpty());
        assertEquals(Optional.of(Basic.OPEN), t.basic());
    }

    @Test
    void writesWhatItReadsAndReadsItBackEqual() {
        String xml = assertRoundTrip(LENIENT, read(LENIENT, HOLIDAY));
        assertTrue(xml.contains("<ts:timed-status from=\"2026-08-03T09:00:00+02:00\" until=\"2026-08-14T18:00:00+02:00\">"
                + "<ts:basic>closed</ts:basic><ts:note xml:lang=\"en\">On holiday</ts:note></ts:timed-status>"), xml);
        assertTrue(xml.contains("xmlns:ts=\"urn:ietf:params:xml:ns:pidf:timed-status\""), xml);
    }

    @Test
    void equalityComparesTimesAsInstants() {
        TimedStatus read = read(LENIENT, HOLIDAY).tuple("t1").orElseThrow().extension(TimedStatus.class).orElseThrow();
        TimedStatus built = TimedStatus.builder(Instant.parse("2026-08-03T07:00:00Z"))
                .until(Instant.parse("2026-08-14T16:00:00Z")).basic(Basic.CLOSED).note(Note.of("On holiday", "en"))
                .build();
        assertEquals(built, read);
        assertEquals(built.hashCode(), read.hashCode());
        PresenceDocument doc = PresenceDocument.builder("sip:a@example.com")
                .tuple(Tuple.builder("t").basic(Basic.OPEN).extension(built).build()).build();
        String xml = assertRoundTrip(LENIENT, doc);
        assertTrue(xml.contains("from=\"2026-08-03T07:00:00Z\""), xml);
    }

    @Test
    void fromAloneIsEnoughAndCoversOpenEndedInterval() {
        String xml = tuple("<ts:timed-status from=\"2026-01-01T00:00:00Z\"/>");
        TimedStatus ts = read(STRICT, xml).tuple("t1").orElseThrow().extension(TimedStatus.class).orElseThrow();
        assertEquals(Optional.empty(), ts.until());
        assertEquals(Optional.empty(), ts.basic());
        assertTrue(ts.covers(Instant.parse("2030-01-01T00:00:00Z")));
        assertFalse(ts.covers(Instant.parse("2025-12-31T23:59:59Z")));
        TimedStatus closedInterval = ts.toBuilder().until(Instant.parse("2026-02-01T00:00:00Z")).build();
        assertTrue(closedInterval.covers(Instant.parse("2026-01-01T00:00:00Z")));
        assertFalse(closedInterval.covers(Instant.parse("2026-02-01T00:00:00Z")));
    }

    @Test
    void keepsUnknownAttributesAndOtherNamespaceChildrenInOrder() {
        String xml = tuple("""
                <ts:timed-status from="2026-01-01T00:00:00Z" x:source="calendar">
                  <ts:basic>closed</ts:basic>
                  <contact>sip:assistant@example.com</contact>
                  <x:where city="Tokyo"/>
                </ts:timed-status>""");
        PresenceDocument doc = read(LENIENT, xml);
        assertEquals(List.of(), doc.warnings());
        TimedStatus ts = doc.tuple("t1").orElseThrow().extension(TimedStatus.class).orElseThrow();
        assertEquals(Map.of(new QName("urn:example:x", "source"), "calendar"), ts.extras().attributes());
        assertEquals(List.of(new QName("urn:ietf:params:xml:ns:pidf", "contact"), new QName("urn:example:x", "where")),
                ts.extras().children().stream().map(e -> e.qname()).toList());
        String written = assertRoundTrip(LENIENT, doc);
        assertTrue(written.contains("city=\"Tokyo\""), written);
        assertEquals(doc, read(STRICT, xml));
    }

    @Test
    void unreadableValuesAreKeptGenericWithAWarningOrRefusedWhenStrict() {
        List<String> bad = List.of(
                "<ts:timed-status from=\"next week\"/>",
                "<ts:timed-status from=\"2026-01-01T00:00:00Z\" until=\"2026-13-01T00:00:00Z\"/>",
                "<ts:timed-status until=\"2026-01-01T00:00:00Z\"/>",
                "<ts:timed-status from=\"2026-02-01T00:00:00Z\" until=\"2026-01-01T00:00:00Z\"/>",
                "<ts:timed-status from=\"2026-01-01T00:00:00Z\"><ts:basic>away</ts:basic></ts:timed-status>");
        for (String element : bad) {
            String xml = tuple(element);
            PresenceDocument doc = read(LENIENT, xml);
            Tuple t = doc.tuple("t1").orElseThrow();
            assertEquals(Optional.empty(), t.extension(TimedStatus.class), element);
            assertEquals(TimedStatus.QNAME, t.extension(GenericElement.class).orElseThrow().qname(), element);
            assertEquals(1, doc.warnings().size(), element);
            assertSchemaError(STRICT, xml);
        }
    }

    @Test
    void outOfOrderOrRepeatedChildrenAreSchemaSlips() {
        String xml = tuple("""
                <ts:timed-status from="2026-01-01T00:00:00Z">
                  <ts:note>first</ts:note>
                  <ts:basic>closed</ts:basic>
                  <ts:note>second</ts:note>
                </ts:timed-status>""");
        PresenceDocument doc = read(LENIENT, xml);
        TimedStatus ts = doc.tuple("t1").orElseThrow().extension(TimedStatus.class).orElseThrow();
        assertEquals(Optional.of(Basic.CLOSED), ts.basic());
        assertEquals("first", ts.note().orElseThrow().text());
        assertEquals("second", ((GenericElement) ts.extras().children().get(0)).text());
        assertEquals(2, doc.warnings().size(), doc.warnings()::toString);
        assertSchemaError(STRICT, xml);
    }

    @Test
    void builderValidates() {
        OffsetDateTime from = OffsetDateTime.parse("2026-01-02T00:00:00Z");
        assertThrows(NullPointerException.class, () -> TimedStatus.builder((OffsetDateTime) null));
        assertThrows(IllegalArgumentException.class,
                () -> TimedStatus.builder(from).until(from.minusSeconds(1)).build());
        assertThrows(IllegalArgumentException.class,
                () -> TimedStatus.builder(from).attribute(new QName("until"), "x"));
    }
}
