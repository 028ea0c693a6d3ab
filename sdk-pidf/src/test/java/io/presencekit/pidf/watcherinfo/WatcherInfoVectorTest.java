package io.presencekit.pidf.watcherinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.testing.Vectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every watcherinfo vector (RFC 3857, RFC 3858, RFC 4825): parses strictly and round-trips. */
class WatcherInfoVectorTest {
    @TestFactory
    Stream<DynamicTest> watcherInfoDocuments() {
        return Vectors.manifest().family("watcherinfo").stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> {
            assertEquals("parse", e.expectation(), "only full documents in this family");
            byte[] input = Vectors.bytes(e.file());
            WatcherInfo strict = WatcherInfoCodec.strict().read(input);
            assertTrue(strict.warnings().isEmpty(), () -> "warnings: " + strict.warnings());
            assertFalse(strict.watcherLists().isEmpty(), "at least one watcher list");
            WatcherInfo again = WatcherInfoCodec.standard().read(WatcherInfoCodec.standard().write(strict));
            assertEquals(strict, again);
        }));
    }
}
