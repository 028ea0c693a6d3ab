package io.presencekit.pidf;

import static io.presencekit.pidf.HostileInputs.multiTupleDocument;
import static io.presencekit.pidf.HostileInputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A valid multi-tuple document, damaged thousands of times by a seeded {@link Random} (byte and
 * bit flips, truncations, insertions of markup characters, duplicated and deleted spans), is
 * either read or refused with a {@link DocumentParseException}, in both modes: never another
 * exception type, never an error, never a hang. A failure names the case and carries the input
 * in Base64, so it replays without the generator.
 */
class MutatedInputRobustnessTest {
    private static final long SEED = 0x3863_4479L;
    private static final int CASES = 3_000;
    /** A hang guard for the whole run, not a performance check. */
    private static final Duration GUARD = Duration.ofMinutes(5);

    private static final byte[][] INSERTS = {
        utf8("<"), utf8(">"), utf8("&"), utf8("\""), utf8("'"), utf8("/"), utf8("="), utf8(":"), utf8("</"),
        utf8("/>"), utf8("<!--"), utf8("-->"), utf8("<![CDATA["), utf8("]]>"), utf8("<?"), utf8("?>"),
        utf8("&#"), utf8("&#x"), utf8(";"), utf8("&amp;"), utf8("&lt"), utf8("<!DOCTYPE presence>"),
        utf8("xmlns:x=\"urn:x\""), utf8(" xmlns=\"\""), utf8("x:"), utf8("<x:e>"), utf8("</tuple>"),
        utf8("<tuple id=\"t\">"), utf8("<status>"), utf8("\u00e9"), utf8("\uD83D\uDE00"), {0}, {(byte) 0xff},
        {(byte) 0xc3}, {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, utf8("\r"), utf8("\n"), utf8("\t"),
    };

    private int read;
    private int refused;

    @Test
    void mutatedUtf8DocumentsAreReadOrRefusedNeverCrash() {
        run(utf8(multiTupleDocument()), CASES);
    }

    @Test
    void mutatedUtf16DocumentsAreReadOrRefusedNeverCrash() {
        byte[] utf16 = ("\uFEFF" + multiTupleDocument().replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\""))
                .getBytes(StandardCharsets.UTF_16BE);
        run(utf16, CASES / 3);
    }

    private void run(byte[] original, int cases) {
        assertEquals(0, PidfCodec.strict().read(original).warnings().size(), "the original is valid");
        Random random = new Random(SEED);
        assertTimeoutPreemptively(GUARD, () -> {
            for (int i = 0; i < cases; i++) {
                byte[] mutated = mutate(original, random);
                check(i, "standard", PidfCodec.standard(), mutated);
                check(i, "strict", PidfCodec.strict(), mutated);
            }
        });
        // both outcomes occur, so the mutations neither always break nor never break the document
        assertTrue(read > 0, "no mutated document was read");
        assertTrue(refused > 0, "no mutated document was refused");
    }

    private void check(int n, String mode, PidfCodec codec, byte[] input) {
        Throwable unexpected;
        try {
            codec.read(input);
            read++;
            return;
        } catch (DocumentParseException e) {
            refused++;
            boolean positioned = e.line() >= 1 && e.column() >= 0;
            boolean unpositioned = e.line() == -1 && e.column() == -1;
            if (positioned || unpositioned) {
                return;
            }
            unexpected = e;
        } catch (RuntimeException | Error e) {
            unexpected = e;
        }
        throw new AssertionError("case " + n + " (" + mode + "): " + unexpected + "\ninput (Base64): "
                + Base64.getEncoder().encodeToString(input), unexpected);
    }

    /** One to four random damages. */
    static byte[] mutate(byte[] original, Random random) {
        byte[] b = original;
        int damages = 1 + random.nextInt(4);
        for (int d = 0; d < damages && b.length > 0; d++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(7)) {
                case 0 -> {
                    b = b.clone();
                    b[at] = (byte) random.nextInt(256);
                }
                case 1 -> {
                    b = b.clone();
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                case 2 -> b = Arrays.copyOf(b, at);
                case 3, 4 -> b = insert(b, at, INSERTS[random.nextInt(INSERTS.length)]);
                case 5 -> {
                    int from = random.nextInt(b.length);
                    int to = Math.min(b.length, from + 1 + random.nextInt(64));
                    b = insert(b, at, Arrays.copyOfRange(b, from, to));
                }
                default -> {
                    int to = Math.min(b.length, at + 1 + random.nextInt(16));
                    ByteArrayOutputStream out = new ByteArrayOutputStream(b.length);
                    out.write(b, 0, at);
                    out.write(b, to, b.length - to);
                    b = out.toByteArray();
                }
            }
        }
        return b;
    }

    private static byte[] insert(byte[] b, int at, byte[] what) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + what.length);
        out.write(b, 0, at);
        out.writeBytes(what);
        out.write(b, at, b.length - at);
        return out.toByteArray();
    }
}
