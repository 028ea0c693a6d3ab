package io.presencekit.pidf.xmpp.internal;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/** Lowercase hexadecimal and strict UTF-8 decoding, as the gateway's resource codec needs them. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    /** {@code bytes} as lowercase hex, two digits per byte. */
    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0; i < bytes.length; i++) {
            out[2 * i] = DIGITS[(bytes[i] >> 4) & 0xF];
            out[2 * i + 1] = DIGITS[bytes[i] & 0xF];
        }
        return new String(out);
    }

    /** The bytes of {@code hex} (either case, even length), or null when it is not hex. */
    public static byte[] decode(String hex) {
        int n = hex.length();
        if ((n & 1) != 0) {
            return null;
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = Character.digit(hex.charAt(i), 16);
            int lo = Character.digit(hex.charAt(i + 1), 16);
            if (hi < 0 || lo < 0 || hex.charAt(i) > 'f' || hex.charAt(i + 1) > 'f') {
                return null;
            }
            out[i / 2] = (byte) (hi << 4 | lo);
        }
        return out;
    }

    /** {@code bytes} as UTF-8 text, or null when they are not well-formed UTF-8. */
    public static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
