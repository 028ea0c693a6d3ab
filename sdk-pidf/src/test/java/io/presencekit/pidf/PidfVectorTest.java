package io.presencekit.pidf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.testing.Vectors;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every PIDF-family vector, as the manifest says: parses and round-trips, or is refused for the stated reason. */
class PidfVectorTest {
    /** Namespaces whose elements the standard codec must read typed; a generic element there means a codec failed. */
    private static final Set<String> TYPED_NAMESPACES = Set.of(Namespaces.RPID, Namespaces.CIPID, Namespaces.CAPS,
            Namespaces.TIMED_STATUS, Namespaces.AGP_PIDF, Namespaces.AGP_CAPS, Namespaces.DATA_MODEL);

    @TestFactory
    Stream<DynamicTest> pidfDocuments() {
        return Stream.of("pidf", "pidf-diff").flatMap(f -> Vectors.manifest().family(f).stream())
                .map(e -> DynamicTest.dynamicTest(e.file(), () -> check(e)));
    }

    @TestFactory
    Stream<DynamicTest> rpidFragments() {
        return Vectors.manifest().family("rpid-fragment").stream()
                .map(e -> DynamicTest.dynamicTest(e.file(), () -> check(e)));
    }

    private static void check(Vectors.Entry e) {
        byte[] input = input(e);
        switch (e.expectation()) {
            case "parse" -> roundTrip(input);
            case "fragment" -> {
                PresenceDocument doc = roundTrip(input);
                PresenceComponent parent = e.argument().equals("tuple") ? doc.tuples().get(0) : doc.persons().get(0);
                assertEquals(1, parent.extensions().size(), "one element in the fragment");
                assertFalse(parent.extensions().get(0) instanceof GenericElement,
                        "fragment read as a generic element: " + parent.extensions().get(0) + " " + doc.warnings());
            }
            case "reject" -> {
                DocumentParseException ex = assertThrows(DocumentParseException.class,
                        () -> PidfCodec.standard().read(input));
                assertEquals(DocumentParseException.Reason.valueOf(e.argument()), ex.reason(), ex.getMessage());
            }
            default -> throw new AssertionError("unexpected expectation for this family: " + e);
        }
    }

    private static byte[] input(Vectors.Entry e) {
        byte[] raw = Vectors.bytes(e.file());
        if (!e.family().equals("rpid-fragment")) {
            return raw;
        }
        String fragment = new String(raw, StandardCharsets.UTF_8);
        String parent = e.argument();
        String open = parent.equals("tuple")
                ? "<p:tuple id=\"t1\" xmlns=\"" + Namespaces.RPID + "\"><p:status><p:basic>open</p:basic></p:status>"
                : "<dm:person id=\"p1\" xmlns=\"" + Namespaces.RPID + "\">";
        String close = parent.equals("tuple") ? "</p:tuple>" : "</dm:person>";
        return ("<p:presence xmlns:p=\"" + Namespaces.PIDF + "\" xmlns:dm=\"" + Namespaces.DATA_MODEL
                + "\" entity=\"sip:fragment@example.com\">" + open + fragment + close + "</p:presence>")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static PresenceDocument roundTrip(byte[] input) {
        PresenceDocument doc = PidfCodec.standard().read(input);
        assertNoGenericInTypedNamespaces(doc);
        byte[] written = PidfCodec.standard().write(doc);
        PresenceDocument again = PidfCodec.standard().read(written);
        assertEquals(doc, again, () -> "round trip changed the model; written:\n"
                + new String(written, StandardCharsets.UTF_8));
        assertTrue(again.warnings().isEmpty() || !doc.warnings().isEmpty(),
                "writing introduced schema slips: " + again.warnings());
        return doc;
    }

    private static void assertNoGenericInTypedNamespaces(PresenceDocument doc) {
        for (Tuple t : doc.tuples()) {
            check(t.extensions(), doc);
            check(t.status().extensions(), doc);
        }
        doc.persons().forEach(p -> check(p.extensions(), doc));
        doc.devices().forEach(d -> check(d.extensions(), doc));
    }

    private static void check(List<ExtensionElement> extensions, PresenceDocument doc) {
        for (ExtensionElement x : extensions) {
            if (x instanceof GenericElement g) {
                assertFalse(TYPED_NAMESPACES.contains(g.qname().getNamespaceURI()),
                        () -> "standard element read as generic: " + g + "; warnings " + doc.warnings());
            }
        }
    }
}
