package io.presencekit.rls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.presencekit.error.DocumentParseException;
import io.presencekit.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the {@code rlmi} vector family, as the manifest says: read by the standard and the
 * strict codec alike without warnings, and written and read back equal; or refused for the stated
 * reason by both.
 */
class RlmiVectorTest {
    private static final Map<String, Integer> COUNTS = new TreeMap<>();

    @TestFactory
    Stream<DynamicTest> rlmiDocuments() {
        return Vectors.manifest().family("rlmi").stream()
                .map(e -> DynamicTest.dynamicTest(e.file() + " (" + e.expectation() + ")", () -> check(e)));
    }

    @AfterAll
    static void printCounts() {
        if (!COUNTS.isEmpty()) {
            StringBuilder sb = new StringBuilder("rlmi vectors checked:\n");
            COUNTS.forEach((k, v) -> sb.append(String.format("  %-32s %d%n", k, v)));
            System.out.print(sb);
        }
    }

    private static void count(String key) {
        synchronized (COUNTS) {
            COUNTS.merge(key, 1, Integer::sum);
        }
    }

    private static void check(Vectors.Entry e) {
        byte[] input = Vectors.bytes(e.file());
        switch (e.expectation()) {
            case "parse" -> {
                RlmiList list = RlmiCodec.standard().read(input);
                assertTrue(list.warnings().isEmpty(), () -> "warnings: " + list.warnings());
                assertEquals(list, RlmiCodec.strict().read(input), "the strict codec read it differently");
                assertTrue(list.version().isPresent(), "a version");
                assertTrue(!list.resources().isEmpty(), "resources");
                byte[] written = RlmiCodec.standard().write(list);
                RlmiList again = RlmiCodec.strict().read(written);
                assertEquals(list, again, () -> "round trip changed the model; written:\n"
                        + new String(written, StandardCharsets.UTF_8));
                assertArrayEquals(written, RlmiCodec.standard().write(again), "writing is not deterministic");
                count("parse");
            }
            case "reject" -> {
                DocumentParseException.Reason reason = DocumentParseException.Reason.valueOf(e.argument());
                for (RlmiCodec codec : new RlmiCodec[] {RlmiCodec.standard(), RlmiCodec.strict()}) {
                    DocumentParseException ex = assertThrows(DocumentParseException.class, () -> codec.read(input));
                    assertEquals(reason, ex.reason(), ex.getMessage());
                    assertTrue(ex.line() > 0, "a position");
                }
                count("reject " + reason);
            }
            default -> fail("unexpected expectation for this family: " + e);
        }
    }
}
