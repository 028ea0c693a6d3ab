package io.presencekit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Keeps the manifest and the vector folder in step, so that no vector is skipped silently. */
class VectorManifestTest {
    private static final Set<String> EXPECTATIONS = Set.of("parse", "reject", "fragment", "generic", "pending",
            "schema", "ignore");

    @Test
    void everyVectorFileIsInTheManifestAndEveryEntryExists() {
        List<String> files = Vectors.allFiles();
        Set<String> listed = Vectors.manifest().entries().stream().map(Vectors.Entry::file).collect(Collectors.toSet());
        List<String> unknown = new ArrayList<>();
        for (String f : files) {
            if (!listed.contains(f)) {
                unknown.add(f);
            }
        }
        List<String> missing = new ArrayList<>();
        for (String f : listed) {
            if (!files.contains(f)) {
                missing.add(f);
            }
        }
        assertTrue(unknown.isEmpty(), "vector files the manifest does not know: " + unknown);
        assertTrue(missing.isEmpty(), "manifest entries with no vector file: " + missing);
        assertEquals(files.size(), Vectors.manifest().entries().size(), "duplicate manifest entries");
    }

    @Test
    void everyEntryHasAKnownExpectation() {
        for (Vectors.Entry e : Vectors.manifest().entries()) {
            assertTrue(EXPECTATIONS.contains(e.expectation()), "unknown expectation in " + e);
            if (e.expectation().equals("reject") || e.expectation().equals("fragment")) {
                assertTrue(!e.argument().isEmpty(), e.expectation() + " needs an argument: " + e);
            }
            if (e.expectation().equals("parse")) {
                assertTrue(e.argument().isEmpty() || e.argument().equals("lenient"),
                        "parse takes no argument but 'lenient': " + e);
            }
        }
    }

    @Test
    void printsTheCountPerFamily() {
        Vectors.root();
        Map<String, Map<String, Long>> counts = new TreeMap<>();
        for (Vectors.Entry e : Vectors.manifest().entries()) {
            counts.computeIfAbsent(e.family(), k -> new TreeMap<>()).merge(e.expectation(), 1L, Long::sum);
        }
        StringBuilder sb = new StringBuilder("Test vectors per family (tested by):\n");
        counts.forEach((family, byExpectation) -> sb.append(String.format("  %-14s %-9s %s%n", family,
                Vectors.manifest().owners().get(family), byExpectation)));
        System.out.print(sb);
        assertTrue(counts.values().stream().mapToLong(m -> m.values().stream().mapToLong(Long::longValue).sum())
                .sum() > 0);
    }
}
