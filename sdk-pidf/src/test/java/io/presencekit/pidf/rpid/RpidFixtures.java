package io.presencekit.pidf.rpid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.pidf.Extensible;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import java.nio.charset.StandardCharsets;
import javax.xml.namespace.QName;

/** Documents and codecs for the RPID tests: every RPID codec registered on a lenient and a strict PIDF codec. */
final class RpidFixtures {
    static final PidfCodec LENIENT = withRpid(PidfCodec.builder()).build();
    static final PidfCodec STRICT = withRpid(PidfCodec.builder().strict(true)).build();

    private static final String OPEN = "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
            + " xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
            + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\""
            + " xmlns:lt=\"urn:ietf:params:xml:ns:location-type\""
            + " xmlns:x=\"urn:example:vendor\""
            + " entity=\"pres:alice@example.com\">\n";

    private RpidFixtures() {
    }

    private static PidfCodec.Builder withRpid(PidfCodec.Builder b) {
        for (ExtensionCodec<?> c : RpidCodecs.codecs()) {
            b.register(c);
        }
        return b;
    }

    /** A document whose person {@code p1} holds {@code content}. */
    static String person(String content) {
        return OPEN + "<dm:person id=\"p1\">\n" + content + "\n</dm:person>\n</presence>";
    }

    /** A document whose open tuple {@code t1} holds {@code content} after its status. */
    static String tuple(String content) {
        return OPEN + "<tuple id=\"t1\"><status><basic>open</basic></status>\n" + content
                + "\n<contact>sip:alice@example.com</contact></tuple>\n</presence>";
    }

    /** A document whose device {@code d1} holds {@code content} before its deviceID. */
    static String device(String content) {
        return OPEN + "<dm:device id=\"d1\">\n" + content
                + "\n<dm:deviceID>urn:uuid:f81d4fae-7dec-11d0-a765-00a0c91e6bf6</dm:deviceID></dm:device>\n</presence>";
    }

    static PresenceDocument read(String xml) {
        return LENIENT.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    static PresenceDocument readStrict(String xml) {
        return STRICT.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** The only extension of the first person, tuple or device of {@code doc}, which must be a {@code type}. */
    static <T> T only(PresenceDocument doc, Class<T> type) {
        Extensible holder = !doc.persons().isEmpty() ? doc.persons().get(0)
                : !doc.tuples().isEmpty() ? doc.tuples().get(0) : doc.devices().get(0);
        assertEquals(1, holder.extensions().size(), () -> "extensions: " + holder.extensions());
        return assertInstanceOf(type, holder.extensions().get(0));
    }

    /** Reads {@code xml} strictly and leniently (no warnings) and returns its only extension as a {@code type}. */
    static <T> T readValid(String xml, Class<T> type) {
        PresenceDocument strict = readStrict(xml);
        PresenceDocument lenient = read(xml);
        assertEquals(strict, lenient);
        assertTrue(lenient.warnings().isEmpty(), () -> "warnings: " + lenient.warnings());
        return only(lenient, type);
    }

    /** Writes {@code doc}, reads it back, checks the copy is equal, and returns the written text. */
    static String assertRoundTrip(PresenceDocument doc) {
        byte[] written = LENIENT.write(doc);
        PresenceDocument again = LENIENT.read(written);
        assertEquals(doc, again);
        assertEquals(doc.hashCode(), again.hashCode());
        assertEquals(new String(written, StandardCharsets.UTF_8), new String(LENIENT.write(again),
                StandardCharsets.UTF_8), "writing is deterministic");
        return new String(written, StandardCharsets.UTF_8);
    }

    /**
     * As {@link #assertRoundTrip} for a document that is valid: its copy reads without warnings,
     * and strictly.
     */
    static String assertValidRoundTrip(PresenceDocument doc) {
        String written = assertRoundTrip(doc);
        PresenceDocument again = read(written);
        assertTrue(again.warnings().isEmpty(), () -> "warnings on the copy: " + again.warnings() + "\n" + written);
        assertEquals(doc, readStrict(written));
        return written;
    }

    /**
     * Checks that {@code xml}, holding one {@code name} element that cannot be represented, is kept
     * as a generic element with a warning by the lenient codec and refused by the strict one.
     */
    static GenericElement assertUnreadable(String xml, QName name) {
        PresenceDocument doc = read(xml);
        GenericElement kept = only(doc, GenericElement.class);
        assertEquals(name, kept.qname());
        assertFalse(doc.warnings().isEmpty(), "a warning is recorded");
        assertTrue(doc.warnings().get(0).message().contains(name.getLocalPart()),
                () -> "warning names the element: " + doc.warnings());
        DocumentParseException e = assertThrows(DocumentParseException.class, () -> readStrict(xml));
        assertEquals(DocumentParseException.Reason.SCHEMA, e.reason());
        // the generic copy is written back unchanged
        assertRoundTrip(doc);
        return kept;
    }

    /**
     * Checks that {@code xml} reads typed with at least one warning leniently, and that the strict
     * codec refuses it as a schema violation; returns the typed value.
     */
    static <T extends ExtensionElement> T assertSlip(String xml, Class<T> type) {
        PresenceDocument doc = read(xml);
        assertFalse(doc.warnings().isEmpty(), "a warning is recorded");
        DocumentParseException e = assertThrows(DocumentParseException.class, () -> readStrict(xml));
        assertEquals(DocumentParseException.Reason.SCHEMA, e.reason());
        T value = only(doc, type);
        assertRoundTrip(doc);
        return value;
    }

    static QName vendor(String localName) {
        return new QName("urn:example:vendor", localName, "x");
    }

    static QName rpid(String localName) {
        return new QName("urn:ietf:params:xml:ns:pidf:rpid", localName, "rpid");
    }
}
