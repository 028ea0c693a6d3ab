package io.presencekit.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * Documents and assertions shared by the hostile-input tests. Every document is written here or
 * in the tests; nothing is read from disk or the network.
 */
final class HostileInputs {
    static final String PIDF = Namespaces.PIDF;
    static final String DM = Namespaces.DATA_MODEL;

    /** A hang guard, not a performance check: a correct rejection takes milliseconds. */
    static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private HostileInputs() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A PIDF document (UTF-8, with an XML declaration) whose presence element holds {@code children}. */
    static String presence(String children) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"" + PIDF + "\" entity=\"pres:someone@example.com\">\n"
                + children + "\n"
                + "</presence>";
    }

    /** A tuple with an open status followed by {@code content}. */
    static String tuple(String id, String content) {
        return "<tuple id=\"" + id + "\"><status><basic>open</basic></status>" + content + "</tuple>";
    }

    /** A PIDF document with one tuple holding {@code content} after its status. */
    static String presenceWithTuple(String content) {
        return presence(tuple("t1", content));
    }

    /**
     * A valid PIDF document with several tuples, notes in two languages, a person, a device, a
     * foreign extension, entity and character references, CDATA and non-ASCII text.
     */
    static String multiTupleDocument() {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"" + PIDF + "\" xmlns:dm=\"" + DM + "\"\n"
                + "    xmlns:x=\"urn:example:ext\" entity=\"pres:someone@example.com\">\n"
                + "  <tuple id=\"bs35r9\">\n"
                + "    <status><basic>open</basic></status>\n"
                + "    <dm:deviceID>urn:device:0003ba4811e3</dm:deviceID>\n"
                + "    <x:mood level=\"3\"><x:happy/>sunny &amp; warm</x:mood>\n"
                + "    <contact priority=\"0.8\">im:someone@mobile.example.net</contact>\n"
                + "    <note xml:lang=\"en\">Don't Disturb Please!</note>\n"
                + "    <note xml:lang=\"fr\">Ne d\u00e9rangez pas, s'il vous pla\u00eet</note>\n"
                + "    <timestamp>2005-10-27T16:49:29Z</timestamp>\n"
                + "  </tuple>\n"
                + "  <tuple id=\"ty4658\">\n"
                + "    <status><basic>closed</basic></status>\n"
                + "    <contact priority=\"1.0\">mailto:secretary@example.com</contact>\n"
                + "    <note><![CDATA[a <b> & c]]> &#x263A; &lt;ok&gt;</note>\n"
                + "  </tuple>\n"
                + "  <note>I'll be in \u6771\u4eac next week</note>\n"
                + "  <dm:device id=\"pc147\">\n"
                + "    <dm:deviceID>urn:device:0003ba4811e3</dm:deviceID>\n"
                + "    <dm:note>PC</dm:note>\n"
                + "  </dm:device>\n"
                + "  <dm:person id=\"p1\">\n"
                + "    <x:activity since=\"2005-05-30T12:00:00+05:00\">away</x:activity>\n"
                + "    <dm:note>Scoring 120</dm:note>\n"
                + "    <dm:timestamp>2005-05-30T16:09:44+05:00</dm:timestamp>\n"
                + "  </dm:person>\n"
                + "</presence>";
    }

    static DocumentParseException assertRejected(Reason reason, String document) {
        return assertRejected(reason, PidfCodec.standard(), utf8(document));
    }

    static DocumentParseException assertRejected(Reason reason, byte[] document) {
        return assertRejected(reason, PidfCodec.standard(), document);
    }

    /** Asserts that {@code codec} refuses {@code document} with {@code reason}, within the hang guard. */
    static DocumentParseException assertRejected(Reason reason, PidfCodec codec, byte[] document) {
        DocumentParseException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(DocumentParseException.class, () -> codec.read(document)));
        assertEquals(reason, e.reason(), () -> "reason of: " + e.getMessage());
        return e;
    }

    /**
     * Asserts that the error has a position. Lines are 1-based; Woodstox reports an end of input
     * at the start of a line as column 0, so column 0 counts as a position.
     */
    static void assertPositioned(DocumentParseException e) {
        assertTrue(e.line() >= 1, () -> "line of: " + e.getMessage());
        assertTrue(e.column() >= 0, () -> "column of: " + e.getMessage());
    }

    static void assertPositionedAt(int line, int column, DocumentParseException e) {
        assertEquals(line + ":" + column, e.line() + ":" + e.column(), () -> "position of: " + e.getMessage());
    }

    /** Asserts that the error has no position: the input as a whole is refused. */
    static void assertUnpositioned(DocumentParseException e) {
        assertEquals(-1, e.line(), () -> "line of: " + e.getMessage());
        assertEquals(-1, e.column(), () -> "column of: " + e.getMessage());
    }

    /** Asserts that {@code secret} appears nowhere in the exception: messages, causes, suppressed, stack. */
    static void assertNotLeaked(String secret, Throwable e) {
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        assertFalse(trace.toString().contains(secret), "secret leaked into the exception");
        for (Throwable c = e; c != null; c = c.getCause()) {
            assertFalse(String.valueOf(c.getMessage()).contains(secret), "secret leaked into a message");
            assertFalse(String.valueOf(c.getLocalizedMessage()).contains(secret), "secret leaked into a message");
        }
    }
}
