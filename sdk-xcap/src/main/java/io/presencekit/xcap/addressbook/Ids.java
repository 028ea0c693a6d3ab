package io.presencekit.xcap.addressbook;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

/** Blink-style ids: {@code "id"} + microseconds since the epoch + six random digits. */
final class Ids {
    private Ids() {
    }

    static String newId() {
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, Instant.now());
        return "id" + micros + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
