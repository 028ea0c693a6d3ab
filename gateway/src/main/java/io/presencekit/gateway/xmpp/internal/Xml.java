package io.presencekit.gateway.xmpp.internal;

/** XML escaping for what the component writes. Stateless. */
public final class Xml {
    private Xml() {
    }

    /** {@code s} escaped for element text. */
    public static String text(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        appendText(b, s);
        return b.toString();
    }

    /** {@code s} escaped for an attribute value in single or double quotes. */
    public static String attr(String s) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        appendAttr(b, s);
        return b.toString();
    }

    static void appendText(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '\r' -> b.append("&#xD;");
                default -> b.append(c);
            }
        }
    }

    static void appendAttr(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&apos;");
                case '\n' -> b.append("&#xA;");
                case '\r' -> b.append("&#xD;");
                case '\t' -> b.append("&#x9;");
                default -> b.append(c);
            }
        }
    }
}
