package io.presencekit.pidf;

import static io.presencekit.pidf.HostileInputs.DM;
import static io.presencekit.pidf.HostileInputs.PIDF;
import static io.presencekit.pidf.HostileInputs.assertPositionedAt;
import static io.presencekit.pidf.HostileInputs.presence;
import static io.presencekit.pidf.HostileInputs.presenceWithTuple;
import static io.presencekit.pidf.HostileInputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * RFC 3863, section 4.3.3: an element that carries {@code pidf:mustUnderstand} with a true
 * xs:boolean value and that no reader understands makes the whole document unusable
 * ({@link Reason#MUST_UNDERSTAND}) in either mode; with a false value the element is kept.
 */
class MustUnderstandTest {
    private static final QName MUST_UNDERSTAND = new QName(PIDF, "mustUnderstand");
    private static final QName UNKNOWN = new QName("urn:example:ext", "unknown");

    private static String unknown(String value) {
        return "<x:unknown xmlns:x=\"urn:example:ext\" xmlns:p=\"" + PIDF + "\" p:mustUnderstand=\"" + value
                + "\">v</x:unknown>";
    }

    private static List<PidfCodec> bothModes() {
        return List.of(PidfCodec.standard(), PidfCodec.strict());
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "1", " true ", "\t1\n"})
    void unknownElementMarkedMustUnderstandIsRefused(String value) {
        for (PidfCodec codec : bothModes()) {
            DocumentParseException e = assertThrows(DocumentParseException.class,
                    () -> codec.read(utf8(presenceWithTuple(unknown(value)))));
            assertEquals(Reason.MUST_UNDERSTAND, e.reason(), e::getMessage);
            assertEquals(3, e.line(), e::getMessage);
            assertTrue(e.getMessage().contains("x:unknown"), e::getMessage);
        }
    }

    static Stream<Arguments> places() {
        String u = unknown("true");
        return Stream.of(
                Arguments.of("presence", presence(u)),
                Arguments.of("status",
                        presence("<tuple id=\"t1\"><status><basic>open</basic>" + u + "</status></tuple>")),
                Arguments.of("person", presence("<dm:person xmlns:dm=\"" + DM + "\" id=\"p1\">" + u + "</dm:person>")),
                Arguments.of("device", presence("<dm:device xmlns:dm=\"" + DM + "\" id=\"d1\">" + u
                        + "<dm:deviceID>urn:x:1</dm:deviceID></dm:device>")),
                Arguments.of("nested in an unknown element",
                        presenceWithTuple("<x:outer xmlns:x=\"urn:example:ext\">" + u + "</x:outer>")));
    }

    @ParameterizedTest(name = "in {0}")
    @MethodSource("places")
    void unknownElementMarkedMustUnderstandIsRefusedWherever(String where, String document) {
        for (PidfCodec codec : bothModes()) {
            DocumentParseException e = assertThrows(DocumentParseException.class, () -> codec.read(utf8(document)));
            assertEquals(Reason.MUST_UNDERSTAND, e.reason(), e::getMessage);
        }
    }

    @Test
    void mustUnderstandIsPlacedAtTheElement() {
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> PidfCodec.standard().read(utf8(presence(unknown("1")))));
        assertPositionedAt(3, 1, e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"false", "0", " false "})
    void unknownElementMarkedNotMustUnderstandIsKept(String value) {
        for (PidfCodec codec : bothModes()) {
            PresenceDocument d = codec.read(utf8(presenceWithTuple(unknown(value))));
            GenericElement kept = (GenericElement) d.tuples().get(0).extensions().get(0);
            assertEquals(UNKNOWN, kept.qname());
            assertEquals(value, kept.attribute(MUST_UNDERSTAND));
            assertEquals("v", kept.text());
        }
    }

    @Test
    void unqualifiedMustUnderstandIsAnOrdinaryAttribute() {
        // only the attribute in the PIDF namespace has the RFC 3863 meaning
        for (PidfCodec codec : bothModes()) {
            PresenceDocument d = codec.read(utf8(presenceWithTuple(
                    "<x:unknown xmlns:x=\"urn:example:ext\" mustUnderstand=\"true\"/>")));
            GenericElement kept = (GenericElement) d.tuples().get(0).extensions().get(0);
            assertEquals("true", kept.attribute(new QName("mustUnderstand")));
        }
    }

    /** An element a registered codec reads is understood, whatever its mustUnderstand marking. */
    @Test
    void understoodElementMarkedMustUnderstandIsRead() {
        String document = presence("<tuple id=\"t1\" xmlns:dm=\"" + DM + "\"><status><basic>open</basic></status>"
                + "<dm:deviceID xmlns:p=\"" + PIDF + "\" p:mustUnderstand=\"true\">urn:x:1</dm:deviceID></tuple>");
        for (PidfCodec codec : bothModes()) {
            assertEquals(List.of("urn:x:1"), codec.read(utf8(document)).tuples().get(0).deviceIds());
        }
    }
}
