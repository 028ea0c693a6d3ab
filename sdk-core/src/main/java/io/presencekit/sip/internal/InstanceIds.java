package io.presencekit.sip.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.UUID;

/**
 * The stable {@code +sip.instance} id of RFC 5627, section 4.1: a {@code urn:uuid} stored in one
 * small file per AoR ({@code instance-<hash>.id}) under the state directory, created on first use.
 * Stateless and thread-safe; concurrent first uses may both write, the last rename wins.
 */
public final class InstanceIds {
    private InstanceIds() {
    }

    /** The persisted instance id for {@code aor}, created and stored when missing or unreadable. */
    public static String stable(Path dir, String aor) {
        Path file = dir.resolve("instance-" + UUID.nameUUIDFromBytes(aor.toLowerCase(Locale.ROOT)
                .getBytes(StandardCharsets.UTF_8)) + ".id");
        try {
            if (Files.isRegularFile(file)) {
                String s = Files.readString(file, StandardCharsets.UTF_8).trim();
                try {
                    return "urn:uuid:" + UUID.fromString(s.replace("urn:uuid:", ""));
                } catch (IllegalArgumentException broken) {
                    // fall through and write a fresh one
                }
            }
            String id = "urn:uuid:" + UUID.randomUUID();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, "instance", ".tmp");
            Files.writeString(tmp, id + "\n", StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return id;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the SIP instance id under " + dir, e);
        }
    }
}
