package io.presencekit.sip;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The element ids of an account's own presence document (RFC 3863 tuple ids, RFC 4479 person and
 * device ids, all {@code xs:ID}s), derived the way Blink derives them so that other devices and
 * Blink itself recognise them:
 * <ul>
 *   <li>tuple (service) {@code SID-<instance uuid>}: one per device, from the instance id;</li>
 *   <li>person {@code PID-<md5 hex of "user@domain">}: the same on every device of the account;</li>
 *   <li>device {@code DID-<instance uuid>}, whose {@code deviceID} is the instance URN;</li>
 *   <li>the offline service (the pidf-manipulation document shown when no device publishes)
 *       {@code SID-<md5 hex of "user@domain">}.</li>
 * </ul>
 * The md5 is taken over the AoR without its scheme and parameters ({@code alice@example.com}, as
 * Blink's account id). The instance id is the one the account registers with; as it is kept on
 * disk ({@link SipAccount#instanceId()}), the ids stay the same across runs, so a restarted client
 * replaces its own tuple instead of adding a second one.
 *
 * <p>Immutable and thread-safe.
 */
public final class PresenceIds {
    private static final Pattern URN_UUID = Pattern.compile(
            "urn:uuid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

    private final String uuid;
    private final String accountHash;

    private PresenceIds(String uuid, String accountHash) {
        this.uuid = uuid;
        this.accountHash = accountHash;
    }

    /** The ids of {@code account}'s own presence. */
    public static PresenceIds of(SipAccount account) {
        return of(account.aor(), account.instanceId());
    }

    /**
     * The ids for the AoR {@code aor} ({@code sip:user@domain}) on the device with the instance id
     * {@code instanceId} ({@code urn:uuid:...}, RFC 5627, section 4.1).
     */
    public static PresenceIds of(String aor, String instanceId) {
        Objects.requireNonNull(aor, "aor");
        Objects.requireNonNull(instanceId, "instanceId");
        var m = URN_UUID.matcher(instanceId.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("not a urn:uuid instance id: " + instanceId);
        }
        String id = accountId(aor);
        try {
            byte[] md5 = MessageDigest.getInstance("MD5").digest(id.getBytes(StandardCharsets.UTF_8));
            return new PresenceIds(m.group(1), HexFormat.of().formatHex(md5));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is missing from this JVM", e);
        }
    }

    private static String accountId(String aor) {
        String s = aor.trim();
        int colon = s.indexOf(':');
        if (colon > 0 && s.substring(0, colon).matches("(?i)sips?")) {
            s = s.substring(colon + 1);
        }
        int semi = s.indexOf(';');
        if (semi >= 0) {
            s = s.substring(0, semi);
        }
        if (!s.contains("@") || s.startsWith("@") || s.endsWith("@")) {
            throw new IllegalArgumentException("not a user@domain address of record: " + aor);
        }
        return s;
    }

    /** The tuple (service) id of this device: {@code SID-<instance uuid>}. */
    public String tupleId() {
        return "SID-" + uuid;
    }

    /** The person id, shared by the account's devices: {@code PID-<md5 hex of user@domain>}. */
    public String personId() {
        return "PID-" + accountHash;
    }

    /** The device id of this device: {@code DID-<instance uuid>}. */
    public String deviceId() {
        return "DID-" + uuid;
    }

    /** The device's {@code deviceID} (RFC 4479, section 3.4.1): the instance URN {@code urn:uuid:...}. */
    public String deviceUrn() {
        return "urn:uuid:" + uuid;
    }

    /** The instance uuid alone (Blink's device-info id). */
    public String instanceUuid() {
        return uuid;
    }

    /** The service id of the offline document: {@code SID-<md5 hex of user@domain>}. */
    public String offlineTupleId() {
        return "SID-" + accountHash;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PresenceIds p && uuid.equals(p.uuid) && accountHash.equals(p.accountHash);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uuid, accountHash);
    }

    @Override
    public String toString() {
        return "PresenceIds[" + tupleId() + ", " + personId() + ", " + deviceId() + "]";
    }
}
