package io.presencekit.pidf;

import static io.presencekit.pidf.HostileInputs.PIDF;
import static io.presencekit.pidf.HostileInputs.assertPositioned;
import static io.presencekit.pidf.HostileInputs.assertPositionedAt;
import static io.presencekit.pidf.HostileInputs.assertRejected;
import static io.presencekit.pidf.HostileInputs.assertUnpositioned;
import static io.presencekit.pidf.HostileInputs.presence;
import static io.presencekit.pidf.HostileInputs.presenceWithTuple;
import static io.presencekit.pidf.HostileInputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bytes that do not decode in the document's encoding are {@link Reason#ENCODING}, placed at the
 * offending bytes; characters that decode but are not XML 1.0 characters (controls, NUL) are
 * {@link Reason#MALFORMED}. A valid document in another encoding reads as its UTF-8 twin.
 */
class CharacterEncodingInputTest {
    private static final String BODY = "<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\">"
            + "<note>caf\u00e9 \u6771\u4eac \uD83D\uDE00</note></presence>";
    private static final String NOTE = "caf\u00e9 \u6771\u4eac \uD83D\uDE00";
    /** A root start tag and a note start tag, then "a": 81 characters, so the next one is column 82. */
    private static final String ROOT_NOTE_A = "<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\"><note>a";

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    /** A UTF-8 PIDF document whose line 3 is {@code before}, the raw {@code bytes}, then {@code after}. */
    private static byte[] lineThree(String before, byte[] bytes, String after) {
        return concat(utf8(presence("").replace("\n\n</presence>", "\n" + before)), bytes,
                utf8(after + "\n</presence>"));
    }

    private static String note(byte[] document) {
        return PidfCodec.standard().read(document).notes().get(0).text();
    }

    static Stream<Arguments> invalidUtf8() {
        return Stream.of(
                Arguments.of("ff", "byte never valid in UTF-8"),
                Arguments.of("f8", "five-byte lead"),
                Arguments.of("80", "lone continuation byte"),
                Arguments.of("c3", "lead byte without its continuation"),
                Arguments.of("c080", "overlong NUL"),
                Arguments.of("e08080", "overlong three-byte NUL"),
                Arguments.of("eda080", "encoded surrogate U+D800"),
                Arguments.of("f4908080", "above U+10FFFF"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidUtf8")
    void invalidUtf8InTextIsAnEncodingErrorAtTheBadByte(String hex, String what) {
        DocumentParseException e = assertRejected(Reason.ENCODING,
                lineThree("<note>a", HexFormat.of().parseHex(hex), "b</note>"));
        assertPositionedAt(3, 8, e);
    }

    @Test
    void invalidUtf8InAnElementNameIsAnEncodingError() {
        byte[] document = lineThree("<no", new byte[] {(byte) 0xff}, "te>x</note>");
        assertPositionedAt(3, 4, assertRejected(Reason.ENCODING, document));
    }

    @Test
    void invalidUtf8InAnAttributeValueIsAnEncodingError() {
        byte[] document = lineThree("<note xml:lang=\"e", new byte[] {(byte) 0xff}, "n\">x</note>");
        assertPositionedAt(3, 18, assertRejected(Reason.ENCODING, document));
    }

    @Test
    void latin1BytesWithoutADeclarationAreAnEncodingError() {
        // without a declaration or BOM the document is UTF-8
        assertPositioned(assertRejected(Reason.ENCODING, BODY.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void latin1BytesDeclaredAsUtf8AreAnEncodingError() {
        byte[] document = ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + BODY).getBytes(StandardCharsets.ISO_8859_1);
        assertPositioned(assertRejected(Reason.ENCODING, document));
    }

    @Test
    void utf8BytesDeclaredAsUtf16AreAnEncodingError() {
        byte[] document = utf8("<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + BODY);
        assertPositionedAt(1, 39, assertRejected(Reason.ENCODING, document));
    }

    @Test
    void utf16BytesDeclaredAsUtf8AreAnEncodingError() {
        byte[] document = ("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + BODY)
                .getBytes(StandardCharsets.UTF_16BE);
        assertPositioned(assertRejected(Reason.ENCODING, document));
    }

    /**
     * Decision: the declaration names the encoding (XML 1.0, appendix F), and every byte is a
     * Latin-1 character, so UTF-8 bytes declared as ISO-8859-1 make a well-formed document whose
     * text is mojibake. Nothing in the bytes tells the two apart; refusing would mean guessing.
     * The document is read as declared.
     */
    @Test
    void utf8BytesDeclaredAsLatin1AreReadAsDeclared() {
        byte[] document = utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>\n" + BODY);
        assertEquals(new String(utf8(NOTE), StandardCharsets.ISO_8859_1), note(document));
    }

    @Test
    void asciiDocumentDeclaredAsLatin1ReadsLikeUtf8() {
        String ascii = "<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\"><note>plain</note></presence>";
        byte[] declared = utf8("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>" + ascii);
        assertEquals(PidfCodec.standard().read(utf8(ascii)), PidfCodec.standard().read(declared));
    }

    @Test
    void unsupportedEncodingIsAnEncodingError() {
        // the declaration cannot be honoured, so no character of the document has a position
        DocumentParseException e = assertRejected(Reason.ENCODING,
                utf8("<?xml version=\"1.0\" encoding=\"X-NO-SUCH-CHARSET\"?>" + BODY));
        assertUnpositioned(e);
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16BE", "UTF-16LE"})
    void validUtf16WithABomIsRead(String charset) {
        Charset cs = Charset.forName(charset);
        assertEquals(NOTE, note(("\uFEFF<?xml version=\"1.0\" encoding=\"UTF-16\"?>\n" + BODY).getBytes(cs)));
        assertEquals(NOTE, note(("\uFEFF" + BODY).getBytes(cs)));
    }

    @Test
    void validUtf16WithoutABomButDeclaredIsRead() {
        byte[] document = ("<?xml version=\"1.0\" encoding=\"UTF-16\"?>" + BODY).getBytes(StandardCharsets.UTF_16BE);
        assertEquals(NOTE, note(document));
    }

    @Test
    void utf8WithABomIsRead() {
        assertEquals(NOTE, note(concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8(BODY))));
    }

    @ParameterizedTest(name = "unpaired surrogate {0}")
    @ValueSource(strings = {"d800", "dc00"})
    void unpairedSurrogateInUtf16IsAnEncodingError(String unit) {
        // the JDK decoder would replace it with U+FFFD; it must not pass as text
        byte[] document = concat(("\uFEFF" + ROOT_NOTE_A).getBytes(StandardCharsets.UTF_16BE),
                HexFormat.of().parseHex(unit), "b</note></presence>".getBytes(StandardCharsets.UTF_16BE));
        DocumentParseException e = assertRejected(Reason.ENCODING, document);
        assertPositionedAt(1, 82, e);
    }

    @Test
    void bytesUndefinedInADeclaredSingleByteEncodingAreAnEncodingError() {
        // 0x81 has no character in windows-1252
        byte[] document = concat(utf8("<?xml version=\"1.0\" encoding=\"windows-1252\"?>\n" + ROOT_NOTE_A),
                new byte[] {(byte) 0x81}, utf8("b</note></presence>"));
        assertPositionedAt(2, 82, assertRejected(Reason.ENCODING, document));
    }

    @Test
    void nonAsciiByteInADocumentDeclaredAsAsciiIsAnEncodingError() {
        byte[] document = concat(utf8("<?xml version=\"1.0\" encoding=\"US-ASCII\"?>\n" + ROOT_NOTE_A),
                new byte[] {(byte) 0xe9}, utf8("b</note></presence>"));
        assertPositionedAt(2, 82, assertRejected(Reason.ENCODING, document));
    }

    @Test
    void utf16CutInsideACodeUnitIsMalformed() {
        byte[] full = ("\uFEFF" + BODY).getBytes(StandardCharsets.UTF_16BE);
        assertPositioned(assertRejected(Reason.MALFORMED, Arrays.copyOf(full, full.length - 1)));
    }

    @Test
    void controlCharacterInTextIsMalformed() {
        assertPositionedAt(3, 8, assertRejected(Reason.MALFORMED, presence("<note>a\u0001b</note>")));
    }

    @Test
    void controlCharacterInAnAttributeIsMalformed() {
        assertPositionedAt(3, 18, assertRejected(Reason.MALFORMED, presence("<note xml:lang=\"e\u0001n\">a</note>")));
    }

    @Test
    void controlCharacterInAnElementNameIsMalformed() {
        assertPositioned(assertRejected(Reason.MALFORMED, presence("<no\u0001te>a</no\u0001te>")));
    }

    @Test
    void nulByteIsMalformed() {
        assertPositionedAt(3, 8, assertRejected(Reason.MALFORMED, presence("<note>a\u0000b</note>")));
        assertPositioned(assertRejected(Reason.MALFORMED, presence("<note xml:lang=\"e\u0000n\">a</note>")));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"&#1;", "&#x1F;", "&#0;", "&#xD800;", "&#xFFFE;", "&#x110000;"})
    void characterReferenceToANonCharacterIsMalformed(String reference) {
        assertPositioned(assertRejected(Reason.MALFORMED, presence("<note>a" + reference + "b</note>")));
        assertPositioned(assertRejected(Reason.MALFORMED,
                presenceWithTuple("<contact a=\"" + reference + "\">x</contact>")));
    }

    @Test
    void xml11WhichAdmitsControlCharactersIsRefused() {
        // XML 1.1 allows &#1;, which no XML 1.0 document (and so no document this SDK writes) can carry
        String document = "<?xml version=\"1.1\"?>\n<presence xmlns=\"" + PIDF
                + "\" entity=\"pres:a@example.com\"><note>a&#1;b</note></presence>";
        assertPositioned(assertRejected(Reason.FORBIDDEN_CONSTRUCT, document));
        assertPositioned(assertRejected(Reason.FORBIDDEN_CONSTRUCT, PidfCodec.strict(), utf8(document)));
    }

    @Test
    void tabsAndLineEndsInTextAreKept() {
        assertEquals("a\tb\nc\nd", note(utf8(presence("<note>a\tb\r\nc\rd</note>"))));
    }
}
