package io.presencekit.xcap.internal;

/**
 * The XML {@code AttValue} production (XML 1.0, production 10): a quoted attribute value with
 * character and entity references. XCAP uses it in node-selector predicates
 * ({@code [@name="friends"]}, RFC 4825, section 6.3) and as the body of attribute operations
 * ({@code application/xcap-att+xml}, RFC 4825, section 7.7).
 *
 * <p>Stateless and thread-safe.
 */
public final class AttValues {
    private AttValues() {
    }

    /** {@code value} in double quotes, with {@code &}, {@code <} and {@code "} escaped. */
    public static String quote(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '"' -> sb.append("&quot;");
                default -> sb.append(c);
            }
        }
        return sb.append('"').toString();
    }

    /**
     * The value of a quoted {@code AttValue} ({@code "..."} or {@code '...'}), references resolved.
     *
     * @throws IllegalArgumentException when {@code quoted} is not an {@code AttValue}
     */
    public static String unquote(String quoted) {
        int n = quoted.length();
        if (n < 2 || (quoted.charAt(0) != '"' && quoted.charAt(0) != '\'') || quoted.charAt(n - 1) != quoted.charAt(0)) {
            throw new IllegalArgumentException("not a quoted attribute value: " + quoted);
        }
        char delimiter = quoted.charAt(0);
        StringBuilder sb = new StringBuilder(n);
        for (int i = 1; i < n - 1; i++) {
            char c = quoted.charAt(i);
            if (c == delimiter || c == '<') {
                throw new IllegalArgumentException("'" + c + "' must be escaped in an attribute value: " + quoted);
            }
            if (c != '&') {
                sb.append(c);
                continue;
            }
            int end = quoted.indexOf(';', i);
            if (end < 0 || end >= n - 1) {
                throw new IllegalArgumentException("unterminated reference in " + quoted);
            }
            sb.appendCodePoint(resolve(quoted.substring(i + 1, end), quoted));
            i = end;
        }
        return sb.toString();
    }

    private static int resolve(String ref, String context) {
        switch (ref) {
            case "lt":
                return '<';
            case "gt":
                return '>';
            case "amp":
                return '&';
            case "quot":
                return '"';
            case "apos":
                return '\'';
            default:
                break;
        }
        try {
            int cp;
            if (ref.startsWith("#x")) {
                cp = Integer.parseInt(ref.substring(2), 16);
            } else if (ref.startsWith("#")) {
                cp = Integer.parseInt(ref.substring(1));
            } else {
                throw new IllegalArgumentException("unknown entity &" + ref + "; in " + context);
            }
            if (cp == 0 || !Character.isValidCodePoint(cp) || cp <= 0xFFFF && Character.isSurrogate((char) cp)) {
                throw new IllegalArgumentException("bad character reference &" + ref + "; in " + context);
            }
            return cp;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("bad character reference &" + ref + "; in " + context, e);
        }
    }
}
