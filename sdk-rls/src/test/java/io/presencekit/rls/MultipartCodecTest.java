package io.presencekit.rls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.presencekit.rls.MultipartParseException.Reason;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MultipartCodecTest {
    private static final String TYPE = "multipart/related;type=\"application/rlmi+xml\";start=\"<root@x>\";"
            + "boundary=\"b1\"";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String body(String eol) {
        return String.join(eol, "preamble", "--b1", "Content-Type: application/rlmi+xml", "Content-ID: <root@x>",
                "Content-Transfer-Encoding: binary", "", "<list/>", "--b1", "Content-Type: application/pidf+xml",
                "Content-ID: <p1@x>", "X-Other: kept", "  and folded", "", "<presence/>", "", "--b1--", "epilogue");
    }

    @Test
    void splitsCrlfAndLfBodiesTheSameWay() {
        for (String eol : List.of("\r\n", "\n")) {
            Multipart m = MultipartCodec.strict().read(TYPE, utf8(body(eol)));
            assertEquals(2, m.parts().size());
            MimePart root = m.root().orElseThrow();
            assertEquals("root@x", root.contentId().orElseThrow());
            assertTrue(root.contentType().is("application/rlmi+xml"));
            assertArrayEquals(utf8("<list/>"), root.body());
            MimePart p = m.part("<p1@x>").orElseThrow();
            assertEquals(Optional.of("kept and folded"), p.header("x-other"));
            assertArrayEquals(utf8("<presence/>" + eol), p.body(), "only the line break before the delimiter goes");
            assertEquals("binary", p.transferEncoding());
            assertTrue(m.warnings().isEmpty());
        }
    }

    @Test
    void readsUnquotedParametersAndKeepsBinaryBytes() {
        byte[] binary = {0, (byte) 0xFF, '\r', '\n', '-', '-', 'x', (byte) 0x80};
        byte[] head = utf8("--zz\r\nContent-Type: application/octet-stream\r\nContent-ID: <bin@x>\r\n\r\n");
        byte[] tail = utf8("\r\n--zz--\r\n");
        byte[] body = new byte[head.length + binary.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(binary, 0, body, head.length, binary.length);
        System.arraycopy(tail, 0, body, head.length + binary.length, tail.length);
        Multipart m = MultipartCodec.strict().read("Multipart/Related; boundary=zz; start=<bin@x>; type=a/b", body);
        assertEquals("zz", m.boundary());
        assertEquals(Optional.of("<bin@x>"), m.contentType().parameter("start"));
        assertArrayEquals(binary, m.root().orElseThrow().body());
    }

    @Test
    void decodesBase64AndRefusesQuotedPrintableClearly() {
        String b = "--b1\r\nContent-ID: <root@x>\r\nContent-Type: application/rlmi+xml\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\nPGxp\r\nc3Qv\r\nPg==\r\n--b1--\r\n";
        assertArrayEquals(utf8("<list/>"), MultipartCodec.strict().read(TYPE, utf8(b)).root().orElseThrow().body());
        String qp = b.replace("base64", "quoted-printable");
        MultipartParseException e = assertThrows(MultipartParseException.class,
                () -> MultipartCodec.strict().read(TYPE, utf8(qp)));
        assertEquals(Reason.UNSUPPORTED_TRANSFER_ENCODING, e.reason());
        assertTrue(e.getMessage().contains("quoted-printable"));
        MimePart lenient = MultipartCodec.standard().read(TYPE, utf8(qp)).root().orElseThrow();
        assertEquals(Reason.UNSUPPORTED_TRANSFER_ENCODING, lenient.problem().orElseThrow().reason());
        String bad = b.replace("PGxp", "PG*p");
        assertEquals(Reason.BAD_BASE64, assertThrows(MultipartParseException.class,
                () -> MultipartCodec.strict().read(TYPE, utf8(bad))).reason());
        String badPadding = b.replace("Pg==", "P===");
        assertEquals(Reason.BAD_BASE64, assertThrows(MultipartParseException.class,
                () -> MultipartCodec.strict().read(TYPE, utf8(badPadding))).reason());
    }

    @Test
    void parsesNestedMultipartParts() {
        Multipart inner = Multipart.related("application/rlmi+xml").boundary("inner").start("r2@x")
                .part(MimePart.builder().contentType("application/rlmi+xml").contentId("r2@x")
                        .body(utf8("<list/>")).build())
                .build();
        Multipart outer = Multipart.related("application/rlmi+xml").boundary("outer").start("r1@x")
                .part(MimePart.builder().contentType("application/rlmi+xml").contentId("r1@x")
                        .body(utf8("<list/>")).build())
                .part(MimePart.builder().contentId("n@x").multipart(inner).build())
                .build();
        byte[] written = MultipartCodec.standard().write(outer);
        Multipart read = MultipartCodec.strict().read(outer.contentType().toString(), written);
        MimePart nested = read.part("n@x").orElseThrow();
        Multipart again = nested.multipart().orElseThrow();
        assertEquals("inner", again.boundary());
        assertArrayEquals(utf8("<list/>"), again.root().orElseThrow().body());
        assertEquals(2, read.parts().size());
    }

    @Test
    void encoderWritesBase64AndRefusesABoundaryInsideContent() {
        Multipart m = Multipart.related("application/rlmi+xml").boundary("q")
                .part(MimePart.builder().contentType("application/octet-stream").contentId("a@x")
                        .header("Content-Transfer-Encoding", "base64").body(new byte[] {1, 2, 3, (byte) 200})
                        .build())
                .build();
        Multipart read = MultipartCodec.strict().read(m.contentType(), MultipartCodec.standard().write(m));
        assertArrayEquals(new byte[] {1, 2, 3, (byte) 200}, read.parts().get(0).body());
        Multipart clash = Multipart.related("application/rlmi+xml").boundary("q")
                .part(MimePart.builder().body(utf8("x\r\n--q\r\n")).build()).build();
        assertThrows(IllegalArgumentException.class, () -> MultipartCodec.standard().write(clash));
        assertTrue(Multipart.related("a/b").build().boundary().length() >= 16, "a random boundary");
    }

    @Test
    void eachBrokenBodyHasItsReason() {
        Map<Reason, String[]> cases = Map.of(
                Reason.MISSING_BOUNDARY_PARAMETER, new String[] {"multipart/related;type=a/b", "--b1\r\n\r\nx\r\n--b1--"},
                Reason.BAD_CONTENT_TYPE, new String[] {"multipart/related;boundary=\"b1", "--b1\r\n\r\nx\r\n--b1--"},
                Reason.BOUNDARY_NEVER_FOUND, new String[] {"multipart/related;boundary=b1", "--b2\r\n\r\nx\r\n--b2--"},
                Reason.TRUNCATED_PART, new String[] {"multipart/related;boundary=b1", "--b1\r\nContent-ID: <a>\r\n\r\nx"},
                Reason.START_NOT_FOUND, new String[] {"multipart/related;boundary=b1;start=\"<zz>\"",
                    "--b1\r\nContent-ID: <a>\r\n\r\nx\r\n--b1--"},
                Reason.BAD_HEADER, new String[] {"multipart/related;boundary=b1", "--b1\r\nno colon here\r\n\r\nx\r\n--b1--"},
                Reason.MISSING_CLOSE_DELIMITER, new String[] {"multipart/related;boundary=b1",
                    "--b1\r\nContent-ID: <a>\r\n\r\nx\r\n"});
        cases.forEach((reason, c) -> {
            MultipartParseException e = assertThrows(MultipartParseException.class,
                    () -> MultipartCodec.strict().read(c[0], utf8(c[1])), reason.name());
            assertEquals(reason, e.reason(), e.getMessage());
        });
        assertEquals(Reason.BAD_CONTENT_TYPE, assertThrows(MultipartParseException.class,
                () -> MultipartCodec.standard().read("application/pidf+xml", utf8("x"))).reason());
    }

    @Test
    void lenientModeAcceptsAMissingCloseDelimiterAfterACompletePartWithAWarning() {
        Multipart m = MultipartCodec.standard().read("multipart/related;boundary=b1",
                utf8("--b1\r\nContent-ID: <a>\r\n\r\nx\r\n"));
        assertArrayEquals(utf8("x"), m.parts().get(0).body());
        assertEquals(1, m.warnings().size(), () -> m.warnings().toString());
        Multipart afterDelimiter = MultipartCodec.standard().read("multipart/related;boundary=b1",
                utf8("--b1\r\nContent-ID: <a>\r\n\r\nx\r\n--b1"));
        assertEquals(1, afterDelimiter.parts().size());
        assertFalse(afterDelimiter.warnings().isEmpty());
    }

    @Test
    void lenientModeStartsTheContentAtAHeaderLineWithoutName() {
        String b = "--b1\nContent-ID: <a>\nContent-Type: application/rlmi+xml\n<?xml version=\"1.0\"?>\n<list/>\n--b1--\n";
        Multipart m = MultipartCodec.standard().read("multipart/related;boundary=b1", utf8(b));
        assertArrayEquals(utf8("<?xml version=\"1.0\"?>\n<list/>"), m.parts().get(0).body());
        assertEquals(1, m.warnings().size());
        assertEquals(Reason.BAD_HEADER, assertThrows(MultipartParseException.class,
                () -> MultipartCodec.strict().read("multipart/related;boundary=b1", utf8(b))).reason());
    }

    @Test
    void limitsAreEnforcedInEveryMode() {
        String three = "--b1\r\n\r\na\r\n--b1\r\n\r\nb\r\n--b1\r\n\r\nc\r\n--b1--\r\n";
        MultipartLimits twoParts = MultipartLimits.custom().maxParts(2).build();
        for (boolean strict : new boolean[] {true, false}) {
            MultipartCodec c = MultipartCodec.builder().strict(strict).limits(twoParts).build();
            assertEquals(Reason.LIMIT_EXCEEDED, assertThrows(MultipartParseException.class,
                    () -> c.read("multipart/mixed;boundary=b1", utf8(three))).reason());
        }
        MultipartCodec small = MultipartCodec.builder().limits(MultipartLimits.custom().maxTotalBytes(10).build())
                .build();
        assertEquals(Reason.LIMIT_EXCEEDED, assertThrows(MultipartParseException.class,
                () -> small.read("multipart/mixed;boundary=b1", utf8(three))).reason());
        MultipartCodec headers = MultipartCodec.builder().limits(MultipartLimits.custom().maxHeaderBytes(32).build())
                .build();
        String longHeader = "--b1\r\nX-Long: " + "x".repeat(100) + "\r\n\r\na\r\n--b1--\r\n";
        assertEquals(Reason.LIMIT_EXCEEDED, assertThrows(MultipartParseException.class,
                () -> headers.read("multipart/mixed;boundary=b1", utf8(longHeader))).reason());
        // nesting: each level a part holding the next
        String nested = "--l0\r\nContent-Type: multipart/mixed;boundary=l1\r\n\r\n"
                + "--l1\r\nContent-Type: multipart/mixed;boundary=l2\r\n\r\n--l2\r\n\r\nx\r\n--l2--\r\n--l1--\r\n--l0--\r\n";
        MultipartCodec shallow = MultipartCodec.builder().limits(MultipartLimits.custom().maxDepth(2).build()).build();
        assertEquals(Reason.LIMIT_EXCEEDED, assertThrows(MultipartParseException.class,
                () -> shallow.read("multipart/mixed;boundary=l0", utf8(nested))).reason());
        assertEquals(1, MultipartCodec.standard().read("multipart/mixed;boundary=l0", utf8(nested)).parts().size());
    }

    @Test
    void everyTruncationOfAValidBodyEndsInATypedErrorOrADocumentedOutcome() {
        for (String eol : List.of("\r\n", "\n")) {
            byte[] full = utf8(body(eol));
            for (int n = 0; n <= full.length; n++) {
                byte[] cut = Arrays.copyOf(full, n);
                for (MultipartCodec c : List.of(MultipartCodec.standard(), MultipartCodec.strict())) {
                    try {
                        Multipart m = c.read(TYPE, cut);
                        // accepted: complete up to the close delimiter, or lenient with a warning
                        boolean complete = new String(cut, StandardCharsets.UTF_8).contains("--b1--");
                        assertTrue(complete || (!c.isStrict() && !m.warnings().isEmpty()),
                                "accepted without warning at " + n);
                        assertTrue(m.root().isPresent());
                    } catch (MultipartParseException e) {
                        assertTrue(e.reason() != null);
                    } catch (RuntimeException e) {
                        fail("untyped failure at " + n + ": " + e, e);
                    }
                }
            }
        }
    }
}
