package io.presencekit.pidf;

import static io.presencekit.pidf.HostileInputs.PIDF;
import static io.presencekit.pidf.HostileInputs.assertPositioned;
import static io.presencekit.pidf.HostileInputs.assertPositionedAt;
import static io.presencekit.pidf.HostileInputs.assertRejected;
import static io.presencekit.pidf.HostileInputs.assertUnpositioned;
import static io.presencekit.pidf.HostileInputs.multiTupleDocument;
import static io.presencekit.pidf.HostileInputs.presence;
import static io.presencekit.pidf.HostileInputs.presenceWithTuple;
import static io.presencekit.pidf.HostileInputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import java.io.ByteArrayInputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Empty bodies are {@link Reason#EMPTY}; input that is not well-formed XML is
 * {@link Reason#MALFORMED}, at a position, and never any other exception type.
 */
class MalformedInputTest {
    private static final String ROOT = "<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\">";

    @Test
    void emptyBodyIsEmpty() {
        assertUnpositioned(assertRejected(Reason.EMPTY, new byte[0]));
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> PidfCodec.standard().read(new ByteArrayInputStream(new byte[0])));
        assertEquals(Reason.EMPTY, e.reason());
        e = assertThrows(DocumentParseException.class, () -> PidfCodec.standard().read(utf8(ROOT), 3, 0));
        assertEquals(Reason.EMPTY, e.reason());
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\r\n", "\t \n \r ", "                                        "})
    void whitespaceOnlyBodyIsEmpty(String body) {
        assertUnpositioned(assertRejected(Reason.EMPTY, body));
        assertEquals(Reason.EMPTY, assertThrows(DocumentParseException.class,
                () -> PidfCodec.strict().read(utf8(body))).reason());
    }

    @Test
    void bodyWithoutARootIsMalformed() {
        assertPositioned(assertRejected(Reason.MALFORMED, "<?xml version=\"1.0\"?>"));
        assertPositioned(assertRejected(Reason.MALFORMED, "<!-- only a comment -->\n"));
        assertPositioned(assertRejected(Reason.MALFORMED, "<?pk only a processing instruction?>"));
    }

    /** Every strict prefix of a valid document, including cuts inside multi-byte characters. */
    @Test
    void documentCutAtAnyByteIsMalformed() {
        byte[] full = utf8(multiTupleDocument());
        PidfCodec.standard().read(full);
        for (int n = 1; n < full.length; n++) {
            byte[] cut = Arrays.copyOf(full, n);
            for (PidfCodec codec : new PidfCodec[] {PidfCodec.standard(), PidfCodec.strict()}) {
                DocumentParseException e;
                try {
                    codec.read(cut);
                    fail("a document cut after " + n + " bytes was read");
                    return;
                } catch (DocumentParseException expected) {
                    e = expected;
                } catch (RuntimeException | Error other) {
                    throw new AssertionError("cut after " + n + " bytes: " + other, other);
                }
                int at = n;
                assertEquals(Reason.MALFORMED, e.reason(), () -> "cut after " + at + " bytes: " + e.getMessage());
                assertTrue(e.line() >= 1 && e.column() >= 0, () -> "cut after " + at + " bytes: " + e.getMessage());
            }
        }
    }

    @Test
    void twoRootsAreMalformed() {
        assertPositionedAt(4, 13, assertRejected(Reason.MALFORMED, presence("") + ROOT + "</presence>"));
    }

    @Test
    void textAfterTheRootIsMalformed() {
        assertPositionedAt(4, 12, assertRejected(Reason.MALFORMED, presence("") + "junk"));
    }

    @Test
    void textBeforeTheRootIsMalformed() {
        assertPositionedAt(1, 1, assertRejected(Reason.MALFORMED, "junk" + ROOT + "</presence>"));
        assertPositioned(assertRejected(Reason.MALFORMED, "<![CDATA[x]]>" + ROOT + "</presence>"));
    }

    @Test
    void commentsProcessingInstructionsAndWhitespaceAroundTheRootAreRead() {
        PidfCodec.standard().read(utf8("<!-- before -->\n<?pk before?>\n" + ROOT + "</presence>\n<!-- after -->\n"
                + "<?pk after?>\n\n"));
    }

    @Test
    void unboundElementPrefixIsMalformed() {
        assertPositionedAt(3, 59, assertRejected(Reason.MALFORMED, presenceWithTuple("<x:foo/>")));
    }

    @Test
    void unboundAttributePrefixIsMalformed() {
        assertPositioned(assertRejected(Reason.MALFORMED, presence("<note x:a=\"1\">n</note>")));
    }

    @Test
    void unboundRootPrefixIsMalformed() {
        assertPositioned(assertRejected(Reason.MALFORMED, "<p:presence entity=\"pres:a@example.com\"/>"));
    }

    @Test
    void duplicateAttributeIsMalformed() {
        assertPositioned(assertRejected(Reason.MALFORMED, presence("<note a=\"1\" a=\"2\">n</note>")));
        assertPositioned(assertRejected(Reason.MALFORMED,
                "<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\" entity=\"pres:b@example.com\"/>"));
    }

    @Test
    void duplicateAttributeThroughTwoPrefixesForOneNamespaceIsMalformed() {
        assertPositioned(assertRejected(Reason.MALFORMED,
                presence("<note xmlns:a=\"urn:x\" xmlns:b=\"urn:x\" a:z=\"1\" b:z=\"2\">n</note>")));
    }

    @Test
    void mismatchedTagIsMalformed() {
        assertPositionedAt(3, 13, assertRejected(Reason.MALFORMED, presence("<note>n</nite>")));
        assertPositioned(assertRejected(Reason.MALFORMED, presenceWithTuple("</status>")));
    }

    @Test
    void unclosedRootIsMalformed() {
        assertPositioned(assertRejected(Reason.MALFORMED, ROOT + "<note>n</note>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<note>a & b</note>",
        "<note>a &amp b</note>",
        "<note a=\"<\">n</note>",
        "<note a=\"1\"b=\"2\">n</note>",
        "<note a=1>n</note>",
        "<note a>n</note>",
        "<note>a ]]> b</note>",
        "<!-- a -- b -->",
        "<![CDATA[ x ]]",
        "<1note>n</1note>",
        "<note>n</note",
        "<?xml version=\"1.0\"?>",
        "<note xmlns:xml=\"urn:other\">n</note>",
        "<note xmlns:xmlns=\"urn:other\">n</note>",
        "<x:a xmlns:x=\"urn:x\"><x:b xmlns:x=\"\"/></x:a>",
        "<note>&#xZZ;</note>",
        "<note>&#;</note>",
    })
    void notWellFormedContentIsMalformed(String content) {
        assertPositioned(assertRejected(Reason.MALFORMED, presence(content)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<?xml version=\"2.0\"?>",
        "<?xml version=\"1.0\" standalone=\"maybe\"?>",
        "<?xml encoding=\"UTF-8\"?>",
        "<?xml version='1.0' encoding='UTF-8' version='1.0'?>",
        "\n<?xml version=\"1.0\"?>",
    })
    void badXmlDeclarationIsMalformed(String declaration) {
        assertPositioned(assertRejected(Reason.MALFORMED, declaration + ROOT + "</presence>"));
    }

    @Test
    void textInElementOnlyContentIsAWarningNotACrash() {
        String document = presence("junk<![CDATA[more]]>" + HostileInputs.tuple("t1", "text in tuple"));
        PresenceDocument d = PidfCodec.standard().read(utf8(document));
        assertEquals(2, d.warnings().size(), d.warnings()::toString);
        assertTrue(d.warnings().get(0).message().contains("junk"), d.warnings()::toString);
        DocumentParseException e = assertRejected(Reason.SCHEMA, PidfCodec.strict(), utf8(document));
        assertPositioned(e);
    }
}
