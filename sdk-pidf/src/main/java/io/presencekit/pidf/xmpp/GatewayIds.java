package io.presencekit.pidf.xmpp;

import io.presencekit.pidf.xmpp.internal.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Objects;
import java.util.Optional;

/**
 * The identifiers SylkServer's XMPP gateway derives from XMPP addresses, kept byte-compatible:
 * an XMPP resource is carried on the SIP side as the lowercase hex of its UTF-8 bytes (in the
 * tuple id, the {@code gr} contact parameter, {@code dm:deviceID} and the device-info id); the
 * tuple id is {@code SID-} + that hex; the person id is {@code PID-} + the MD5 (lowercase hex) of
 * the UTF-8 bare address {@code user@domain}. Gateways before 2013 wrote {@code ID-} for both;
 * it is accepted when reading.
 *
 * <p>The gateway's Python 3 port computes these from {@code str} and {@code bytes} mixed up (an
 * MD5 of text, {@code SID-b'…'}); here every hash and hex is over UTF-8 bytes, as the Python 2
 * gateway produced them. Stateless and thread-safe.
 */
public final class GatewayIds {
    /** The tuple id prefix the gateway writes. */
    public static final String TUPLE_PREFIX = "SID-";
    /** The person id prefix the gateway writes. */
    public static final String PERSON_PREFIX = "PID-";
    /** The prefix older gateways wrote for tuples and persons. */
    public static final String LEGACY_PREFIX = "ID-";

    private GatewayIds() {
    }

    /** The resource as lowercase hex of its UTF-8 bytes. */
    public static String encodeResource(String resource) {
        return Hex.encode(resource.getBytes(StandardCharsets.UTF_8));
    }

    /** The resource {@code hex} encodes, or empty when it is not hex of well-formed, non-empty UTF-8. */
    public static Optional<String> decodeResource(String hex) {
        Objects.requireNonNull(hex, "hex");
        byte[] bytes = Hex.decode(hex);
        if (bytes == null || bytes.length == 0) {
            return Optional.empty();
        }
        return Optional.ofNullable(Hex.utf8(bytes));
    }

    /** The lowercase hex MD5 of the UTF-8 bare address {@code local@domain} (or {@code domain}). */
    public static String md5(Jid jid) {
        return md5(jid.bareString());
    }

    /** The lowercase hex MD5 of the UTF-8 bytes of {@code text}. */
    public static String md5(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8));
            return Hex.encode(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 is required of every Java platform", e);
        }
    }

    /** {@code PID-} + {@link #md5(Jid)}: the one person of a translated document. */
    public static String personId(Jid jid) {
        return PERSON_PREFIX + md5(jid);
    }

    /**
     * The encoded resource of a stanza from {@code from}: {@link #encodeResource} of its resource,
     * or, for a stanza without resource, {@link #md5(Jid)} of its bare address (the gateway's
     * workaround for clients that omit it).
     */
    public static String encodedResource(Jid from) {
        return from.resource() == null ? md5(from) : encodeResource(from.resource());
    }

    /** {@code SID-} + {@link #encodedResource(Jid)}. */
    public static String tupleId(Jid from) {
        return TUPLE_PREFIX + encodedResource(from);
    }

    /**
     * The encoded part of a gateway tuple id: what follows {@code SID-} or the older {@code ID-},
     * or empty when the id has neither prefix.
     */
    public static Optional<String> encodedPart(String tupleId) {
        if (tupleId.startsWith(TUPLE_PREFIX)) {
            return Optional.of(tupleId.substring(TUPLE_PREFIX.length()));
        }
        if (tupleId.startsWith(LEGACY_PREFIX)) {
            return Optional.of(tupleId.substring(LEGACY_PREFIX.length()));
        }
        return Optional.empty();
    }
}
