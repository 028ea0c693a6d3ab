package io.presencekit.pidf;

import static io.presencekit.pidf.HostileInputs.assertPositioned;
import static io.presencekit.pidf.HostileInputs.assertRejected;
import static io.presencekit.pidf.HostileInputs.assertUnpositioned;
import static io.presencekit.pidf.HostileInputs.presence;
import static io.presencekit.pidf.HostileInputs.presenceWithTuple;
import static io.presencekit.pidf.HostileInputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.XmlLimits;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Each {@link XmlLimits} bound refuses a document that breaks it with
 * {@link Reason#LIMIT_EXCEEDED}, at the position where it broke; a document exactly at a bound
 * is read. Size is checked before parsing, so an oversized document has no position.
 */
class InputLimitsTest {
    private static final XmlLimits DEFAULTS = XmlLimits.DEFAULT;

    /** {@code levels} nested foreign elements inside a tuple extension. */
    private static String nested(int levels, boolean closed) {
        StringBuilder b = new StringBuilder("<x:deep xmlns:x=\"urn:example:ext\">");
        b.append("<x:e>".repeat(levels));
        if (closed) {
            b.append("</x:e>".repeat(levels));
        }
        return presenceWithTuple(b.append("</x:deep>").toString());
    }

    private static DocumentParseException assertLimit(String document) {
        DocumentParseException e = assertRejected(Reason.LIMIT_EXCEEDED, document);
        assertPositioned(e);
        return e;
    }

    @Test
    void tenThousandLevelsOfNestingInAnExtensionAreRefused() {
        DocumentParseException e = assertLimit(nested(10_000, true));
        assertEquals(3, e.line());
    }

    @Test
    void deepNestingThatNeverClosesIsRefused() {
        assertLimit(nested(10_000, false));
    }

    @Test
    void nestingAtTheDepthLimitIsRead() {
        // presence, tuple and x:deep are three levels
        int levels = DEFAULTS.maxDepth() - 3;
        PresenceDocument d = PidfCodec.standard().read(utf8(nested(levels, true)));
        GenericElement e = (GenericElement) d.tuples().get(0).extensions().get(0);
        int depth = 0;
        for (; !e.elements().isEmpty(); e = e.elements().get(0)) {
            depth++;
        }
        assertEquals(levels, depth);
        assertLimit(nested(levels + 1, true));
    }

    @Test
    void hugeAttributeValueIsRefused() {
        int max = DEFAULTS.maxAttributeLength();
        assertLimit(presenceWithTuple("<x:e xmlns:x=\"urn:example:ext\" a=\"" + "v".repeat(max + 1) + "\"/>"));
        PidfCodec.standard().read(utf8(presenceWithTuple(
                "<x:e xmlns:x=\"urn:example:ext\" a=\"" + "v".repeat(max) + "\"/>")));
    }

    @Test
    void hugeNamespaceUriIsRefused() {
        assertLimit(presenceWithTuple("<x:e xmlns:x=\"urn:" + "n".repeat(DEFAULTS.maxAttributeLength()) + "\"/>"));
    }

    @Test
    void hugeTextNodeIsRefused() {
        int max = DEFAULTS.maxTextLength();
        assertLimit(presence("<note>" + "t".repeat(max + 1) + "</note>"));
        PresenceDocument d = PidfCodec.standard().read(utf8(presence("<note>" + "t".repeat(max) + "</note>")));
        assertEquals(max, d.notes().get(0).text().length());
    }

    @Test
    void hugeTextNodeInAnExtensionIsRefused() {
        assertLimit(presenceWithTuple(
                "<x:e xmlns:x=\"urn:example:ext\">" + "t".repeat(DEFAULTS.maxTextLength() + 1) + "</x:e>"));
    }

    @Test
    void hugeTextBuiltFromCharacterReferencesIsRefused() {
        assertLimit(presence("<note>" + "&amp;".repeat(DEFAULTS.maxTextLength() + 1) + "</note>"));
    }

    @Test
    void hugeTextJoinedFromCdataIsRefused() {
        int half = DEFAULTS.maxTextLength() / 2 + 1;
        assertLimit(presence("<note>" + "t".repeat(half) + "<![CDATA[" + "c".repeat(half) + "]]></note>"));
    }

    @Test
    void hugeWhitespaceBetweenElementsIsRefused() {
        assertLimit(presence(" ".repeat(DEFAULTS.maxTextLength() + 1)));
    }

    @Test
    void manyAttributesOnOneElementAreRefused() {
        StringBuilder attributes = new StringBuilder();
        for (int i = 0; i <= DEFAULTS.maxAttributesPerElement(); i++) {
            attributes.append(" a").append(i).append("=\"v\"");
        }
        assertLimit(presenceWithTuple("<x:e xmlns:x=\"urn:example:ext\"" + attributes + "/>"));
    }

    @Test
    void manyNamespaceDeclarationsOnOneElementAreRefused() {
        StringBuilder declarations = new StringBuilder();
        for (int i = 0; i < 5_000; i++) {
            declarations.append(" xmlns:p").append(i).append("=\"urn:example:").append(i).append('"');
        }
        assertLimit(presenceWithTuple("<x:e xmlns:x=\"urn:example:ext\"" + declarations + "/>"));
    }

    @Test
    void tooManyElementsAreRefused() {
        long max = DEFAULTS.maxElements();
        String document = presenceWithTuple(
                "<x:e xmlns:x=\"urn:example:ext\">" + "<x:i/>".repeat((int) max) + "</x:e>");
        assertTrue(document.length() < DEFAULTS.maxDocumentBytes(), "only the element count is over");
        assertLimit(document);
    }

    @Test
    void tooManyTuplesAreRefused() {
        // a tuple and its status are two elements each
        StringBuilder tuples = new StringBuilder();
        for (long i = 0; i <= DEFAULTS.maxElements() / 2; i++) {
            tuples.append("<tuple id=\"t").append(i).append("\"><status/></tuple>");
        }
        assertLimit(presence(tuples.toString()));
    }

    @Test
    void documentOverTheDefaultSizeIsRefusedBeforeParsing() {
        byte[] document = utf8(presence("<note>" + "t".repeat(DEFAULTS.maxDocumentBytes()) + "</note>"));
        DocumentParseException e = assertRejected(Reason.LIMIT_EXCEEDED, document);
        assertUnpositioned(e);
    }

    @Test
    void documentOverACustomSizeIsRefused() {
        PidfCodec codec = PidfCodec.builder().limits(XmlLimits.custom().maxDocumentBytes(1024).build()).build();
        String small = presenceWithTuple("<note>" + "t".repeat(100) + "</note>");
        codec.read(utf8(small));
        byte[] big = utf8(presenceWithTuple("<note>" + "t".repeat(1024) + "</note>"));
        assertUnpositioned(assertRejected(Reason.LIMIT_EXCEEDED, codec, big));
        PidfCodec.standard().read(big);
    }

    @Test
    void sliceOverTheSizeIsRefusedEvenInsideALargerArray() {
        PidfCodec codec = PidfCodec.builder().limits(XmlLimits.custom().maxDocumentBytes(256).build()).build();
        byte[] document = utf8(presenceWithTuple("<note>" + "t".repeat(300) + "</note>"));
        byte[] padded = new byte[document.length + 20];
        System.arraycopy(document, 0, padded, 10, document.length);
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> codec.read(padded, 10, document.length));
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    }

    @Test
    void customLimitsOnTheBuilderApply() {
        // namespace declarations count as attributes: the PIDF namespace URI is 27 characters
        PidfCodec codec = PidfCodec.builder().limits(XmlLimits.custom().maxDepth(4).maxElements(20)
                .maxAttributesPerElement(2).maxAttributeLength(40).maxTextLength(10).build()).build();
        String fine = presenceWithTuple("<note>short</note>");
        codec.read(utf8(fine));
        assertPositioned(assertRejected(Reason.LIMIT_EXCEEDED, codec,
                utf8(presenceWithTuple("<x:a xmlns:x=\"urn:x\"><x:b><x:c/></x:b></x:a>"))));
        assertPositioned(assertRejected(Reason.LIMIT_EXCEEDED, codec,
                utf8(presenceWithTuple("<note>" + "t".repeat(11) + "</note>"))));
        assertPositioned(assertRejected(Reason.LIMIT_EXCEEDED, codec,
                utf8(presenceWithTuple("<note xml:lang=\"" + "e".repeat(41) + "\">n</note>"))));
        assertPositioned(assertRejected(Reason.LIMIT_EXCEEDED, codec,
                utf8(presenceWithTuple("<note a=\"1\" b=\"2\" c=\"3\">n</note>"))));
        assertPositioned(assertRejected(Reason.LIMIT_EXCEEDED, codec,
                utf8(presenceWithTuple("<note>n</note>".repeat(20)))));
    }

    @Test
    void oversizedStreamIsRefusedAfterReadingNoMoreThanTheLimit() {
        int max = 64 * 1024;
        PidfCodec codec = PidfCodec.builder().limits(XmlLimits.custom().maxDocumentBytes(max).build()).build();
        EndlessStream endless = new EndlessStream(utf8(presence("<note>")), (byte) 't');
        DocumentParseException e = assertTimeoutPreemptively(HostileInputs.HANG_GUARD,
                () -> assertThrows(DocumentParseException.class, () -> codec.read(endless)));
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
        assertUnpositioned(e);
        assertTrue(endless.served <= max + 8192, "read " + endless.served + " bytes for a limit of " + max);
    }

    @Test
    void streamOneByteOverTheLimitIsRefused() {
        byte[] document = utf8(presenceWithTuple("<note>hello</note>"));
        PidfCodec exact = PidfCodec.builder()
                .limits(XmlLimits.custom().maxDocumentBytes(document.length).build()).build();
        assertEquals(1, exact.read(new ByteArrayInputStream(document)).tuples().size());
        PidfCodec under = PidfCodec.builder()
                .limits(XmlLimits.custom().maxDocumentBytes(document.length - 1).build()).build();
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> under.read(new ByteArrayInputStream(document)));
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    }

    /** The model is a tree walked recursively: depth limits beyond what that can hold are refused up front. */
    @Test
    void depthLimitCannotBeRaisedBeyondWhatTheModelCanHold() {
        assertThrows(IllegalArgumentException.class,
                () -> XmlLimits.custom().maxDepth(XmlLimits.Builder.MAX_DEPTH + 1));
    }

    /** At the highest depth limit a document that deep is read, compared and written without overflowing. */
    @Test
    void documentAtTheHighestDepthLimitIsReadWrittenAndCompared() {
        PidfCodec codec = PidfCodec.builder()
                .limits(XmlLimits.custom().maxDepth(XmlLimits.Builder.MAX_DEPTH).build()).build();
        int levels = XmlLimits.Builder.MAX_DEPTH - 4; // presence, tuple and deep itself come first
        byte[] document = utf8(presenceWithTuple(
                "<deep xmlns=\"urn:example:ext\">" + "<e>".repeat(levels) + "</e>".repeat(levels) + "</deep>"));
        assertTimeoutPreemptively(HostileInputs.HANG_GUARD, () -> {
            PresenceDocument doc = codec.read(document);
            assertEquals(doc, codec.read(codec.write(doc)));
        });
        byte[] deeper = utf8(presenceWithTuple(
                "<deep xmlns=\"urn:example:ext\">" + "<e>".repeat(levels + 2) + "</e>".repeat(levels + 2) + "</deep>"));
        assertEquals(Reason.LIMIT_EXCEEDED, assertThrows(DocumentParseException.class, () -> codec.read(deeper)).reason());
    }

    /** A stream that serves a prefix and then one byte forever, counting what it served. */
    private static final class EndlessStream extends InputStream {
        private final byte[] prefix;
        private final byte fill;
        long served;

        EndlessStream(byte[] prefix, byte fill) {
            this.prefix = Arrays.copyOf(prefix, prefix.length);
            this.fill = fill;
        }

        @Override
        public int read() {
            byte b = served < prefix.length ? prefix[(int) served] : fill;
            served++;
            return b & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) {
            for (int i = 0; i < len; i++) {
                buf[off + i] = (byte) read();
            }
            return len;
        }
    }
}
