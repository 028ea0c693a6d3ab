package io.presencekit.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xml.ExtensionCodec;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Helpers for the tests of the extension packages: codecs with extra registrations, round trips. */
public final class ExtensionTestSupport {
    private ExtensionTestSupport() {
    }

    /** A lenient codec with {@code codecs} registered on top of the standard registry. */
    public static PidfCodec lenient(List<ExtensionCodec<?>> codecs) {
        return build(codecs, false);
    }

    /** A strict codec with {@code codecs} registered on top of the standard registry. */
    public static PidfCodec strict(List<ExtensionCodec<?>> codecs) {
        return build(codecs, true);
    }

    private static PidfCodec build(List<ExtensionCodec<?>> codecs, boolean strict) {
        PidfCodec.Builder b = PidfCodec.builder().strict(strict);
        codecs.forEach(b::register);
        return b.build();
    }

    /**
     * A PIDF document for {@code sip:alice@example.com}: {@code body} goes inside {@code presence},
     * {@code declarations} (for example {@code xmlns:c="..."}) on its start tag.
     */
    public static String presence(String declarations, String body) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" " + declarations
                + " entity=\"sip:alice@example.com\">\n" + body + "\n</presence>\n";
    }

    /** Parses {@code xml} with {@code codec}. */
    public static PresenceDocument read(PidfCodec codec, String xml) {
        return codec.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code doc} as a string. */
    public static String write(PidfCodec codec, PresenceDocument doc) {
        return new String(codec.write(doc), StandardCharsets.UTF_8);
    }

    /**
     * Writes {@code doc}, reads the result back, checks it equals {@code doc} and has no schema
     * slips, and returns the XML.
     */
    public static String assertRoundTrip(PidfCodec codec, PresenceDocument doc) {
        String xml = assertRoundTripKeepingSlips(codec, doc);
        assertEquals(List.of(), read(codec, xml).warnings(), () -> "written document has schema slips:\n" + xml);
        return xml;
    }

    /** Writes {@code doc}, reads the result back, checks it equals {@code doc} and returns the XML. */
    public static String assertRoundTripKeepingSlips(PidfCodec codec, PresenceDocument doc) {
        String xml = write(codec, doc);
        PresenceDocument again = read(codec, xml);
        assertEquals(doc, again, () -> "round trip changed the model; written:\n" + xml);
        return xml;
    }

    /** Asserts that the strict {@code codec} refuses {@code xml} as a schema violation. */
    public static DocumentParseException assertSchemaError(PidfCodec codec, String xml) {
        DocumentParseException e = assertThrows(DocumentParseException.class, () -> read(codec, xml));
        assertEquals(DocumentParseException.Reason.SCHEMA, e.reason(), e::getMessage);
        return e;
    }
}
