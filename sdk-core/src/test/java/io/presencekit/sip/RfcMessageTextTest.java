package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The normalisation of RFC-printed messages that {@link SipMessageVectorTest} relies on. */
class RfcMessageTextTest {
    private static RfcMessageText of(String text) {
        return RfcMessageText.of(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void wireReadyMessageIsLeftAsItIs() {
        String wire = "SIP/2.0 200 OK\r\nCSeq: 1 NOTIFY\r\nContent-Length: 0\r\n\r\n";
        RfcMessageText m = of(wire);
        assertEquals(List.of(), m.changes());
        assertEquals(wire, new String(m.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void foldedHeadersAreJoinedWithOneSpaceAndEndingsBecomeCrlf() {
        RfcMessageText m = of("NOTIFY sip:a@example.com SIP/2.0\nVia: SIP/2.0/TCP h.example.com;\n"
                + "  branch=z9hG4bK1\nContent-Length: 0\n");
        assertEquals("SIP/2.0/TCP h.example.com; branch=z9hG4bK1", m.header("via"));
        assertEquals(List.of("LF line endings", "folded header lines"), m.changes());
        assertEquals("NOTIFY sip:a@example.com SIP/2.0\r\nVia: SIP/2.0/TCP h.example.com; branch=z9hG4bK1\r\n"
                + "Content-Length: 0\r\n\r\n", new String(m.bytes(), StandardCharsets.UTF_8));
    }

    @Test
    void elisionLinesAreDroppedAndPlaceholderLengthIsCounted() {
        RfcMessageText m = of("NOTIFY sip:a@example.com SIP/2.0\n...\nContent-Type: application/xml\n"
                + "Content-Length: [XXX]\n\n<a/>\n<!-- é -->");
        assertEquals(List.of("Content-Type: application/xml", "Content-Length: 17"), m.headers());
        assertEquals("<a/>\r\n<!-- é -->", m.body());
        assertEquals(List.of("LF line endings", "elided headers (...)", "Content-Length [XXX] set to the body's length"),
                m.changes());
    }

    @Test
    void bodyWithoutEmptyLineStartsAtTheFirstLineThatIsNoHeader() {
        RfcMessageText m = of("NOTIFY sip:a@example.com SIP/2.0\nContent-Type: application/pidf+xml\n"
                + "Content-Length: ...\n[PIDF document]\n");
        assertEquals("[PIDF document]\r\n", m.body());
        assertEquals("Content-Length: 17", m.headers().get(1));
        assertEquals(List.of("LF line endings", "no empty line before the body",
                "Content-Length ... set to the body's length"), m.changes());
    }

    @Test
    void missingContentLengthIsAddedForABody() {
        RfcMessageText m = of("SIP/2.0 200 OK\r\nCSeq: 1 PUBLISH\r\n\r\nx");
        assertEquals("1", m.header("Content-Length"));
        assertEquals(List.of("Content-Length added"), m.changes());
    }
}
