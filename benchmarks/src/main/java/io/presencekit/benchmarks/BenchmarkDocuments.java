package io.presencekit.benchmarks;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The documents the benchmarks parse: {@code t1}, the Blink-style single-tuple document of the
 * performance anchors (2,660 bytes), and {@code t50}, the same document with 50 tuples (69,643 bytes).
 *
 * <p>In t50 the first tuple is t1's; each further tuple is a copy whose SID, UUID (GRUU,
 * device-info id, deviceID) and timestamp differ, with every value the same length as the
 * original so that the size matches the anchors. There is still one person and one device.
 */
public final class BenchmarkDocuments {
    /** The UUID the t1 tuple uses in its SID, GRUU, device-info id and deviceID. */
    static final String T1_UUID = "a8f3c7e2-4b1d-4e9a-9f6c-2d7e8b5a1c30";
    /** The timestamp every element of t1 carries; tuples of t50 shift its seconds and microseconds. */
    static final String T1_TIMESTAMP = "2026-07-20T14:32:05.123456+02:00";

    private static final DateTimeFormatter TIMESTAMP_FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSxxx");
    private static final String TUPLE_START = "  <tuple ";
    private static final String TUPLE_END = "  </tuple>\n";

    private BenchmarkDocuments() {
    }

    /** The document named {@code name} ({@code t1} or {@code t50}) as UTF-8 bytes. */
    public static byte[] named(String name) {
        return switch (name) {
            case "t1" -> t1();
            case "t50" -> withTuples(50);
            default -> throw new IllegalArgumentException("unknown document: " + name);
        };
    }

    /** The t1 document, read from {@code blink-t1.xml}. */
    public static byte[] t1() {
        try (InputStream in = BenchmarkDocuments.class.getResourceAsStream("/blink-t1.xml")) {
            if (in == null) {
                throw new IllegalStateException("blink-t1.xml is not on the class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** t1 with {@code count} tuples: t1's own tuple first, then copies with distinct ids and timestamps. */
    public static byte[] withTuples(int count) {
        String t1 = new String(t1(), StandardCharsets.UTF_8);
        int start = t1.indexOf(TUPLE_START);
        int end = t1.indexOf(TUPLE_END, start) + TUPLE_END.length();
        if (start < 0 || end < start || t1.indexOf(TUPLE_START, end) >= 0) {
            throw new IllegalStateException("blink-t1.xml must hold exactly one indented tuple");
        }
        String tuple = t1.substring(start, end);
        StringBuilder doc = new StringBuilder(t1.length() + (count - 1) * tuple.length());
        doc.append(t1, 0, end);
        for (int i = 1; i < count; i++) {
            // Name-based UUIDs: distinct, deterministic, and the same length as the original.
            String uuid = UUID.nameUUIDFromBytes(("blink-t50-tuple-" + i).getBytes(StandardCharsets.UTF_8)).toString();
            doc.append(tuple.replace(T1_UUID, uuid).replace(T1_TIMESTAMP, timestamp(i)));
        }
        doc.append(t1, end, t1.length());
        return doc.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** T1_TIMESTAMP moved back by {@code i} seconds and on by {@code i} microseconds; same length. */
    private static String timestamp(int i) {
        return OffsetDateTime.parse(T1_TIMESTAMP).minusSeconds(i).plusNanos(i * 1_000L).format(TIMESTAMP_FORMAT);
    }
}
