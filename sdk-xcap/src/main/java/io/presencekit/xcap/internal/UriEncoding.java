package io.presencekit.xcap.internal;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding of XCAP URI parts (RFC 3986, section 2.1; RFC 4825, section 6).
 *
 * <p>Hex digits are written in lower case, as every XCAP URI in RFC 4825 writes them
 * ({@code list%5b@name=%22friends%22%5d}); RFC 3986 (section 6.2.2.1) makes the case
 * insignificant, and servers (Kamailio among them) decode either.
 *
 * <p>Stateless and thread-safe.
 */
public final class UriEncoding {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private UriEncoding() {
    }

    /**
     * Whether {@code c} may appear unencoded in a path segment: RFC 3986 {@code pchar} without
     * {@code pct-encoded}, that is unreserved, sub-delims, {@code :} and {@code @}.
     */
    public static boolean isPchar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        switch (c) {
            case '-', '.', '_', '~', // unreserved
                    '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=', // sub-delims
                    ':', '@' -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /** {@code s} as one path segment: every character but a {@link #isPchar pchar} is encoded, {@code /} included. */
    public static String encodeSegment(String s) {
        return encode(s, false);
    }

    /** {@code s} as a query: {@link #isPchar pchar}, {@code /} and {@code ?} stay, everything else is encoded. */
    public static String encodeQuery(String s) {
        return encode(s, true);
    }

    private static String encode(String s, boolean query) {
        int n = s.length();
        int i = 0;
        while (i < n && allowed(s.charAt(i), query)) {
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder sb = new StringBuilder(n + 16).append(s, 0, i);
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (allowed(c, query)) {
                sb.append(c);
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                cp = Character.toCodePoint(c, s.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException("unpaired surrogate in " + describe(s));
            }
            for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
                sb.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
            }
        }
        return sb.toString();
    }

    private static boolean allowed(char c, boolean query) {
        return isPchar(c) || (query && (c == '/' || c == '?'));
    }

    /**
     * Decodes percent-escapes as UTF-8. A {@code %} not followed by two hex digits, or bytes that
     * are not UTF-8, are refused: an XCAP URI that does not decode cannot name a document.
     *
     * @throws IllegalArgumentException on a bad escape or bad UTF-8
     */
    public static String decode(String s) {
        int pct = s.indexOf('%');
        if (pct < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length() || hex(s.charAt(i + 1)) < 0 || hex(s.charAt(i + 2)) < 0) {
                    throw new IllegalArgumentException("bad percent-escape at index " + i + " in " + describe(s));
                }
                out.write(hex(s.charAt(i + 1)) << 4 | hex(s.charAt(i + 2)));
                i += 2;
            } else if (c < 0x80) {
                out.write(c);
            } else {
                int cp = s.codePointAt(i);
                byte[] b = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                i += Character.charCount(cp) - 1;
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("percent-escapes that are not UTF-8 in " + describe(s), e);
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static String describe(String s) {
        return s.length() > 200 ? "'" + s.substring(0, 200) + "...'" : "'" + s + "'";
    }
}
