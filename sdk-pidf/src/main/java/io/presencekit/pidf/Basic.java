package io.presencekit.pidf;

/** The basic status of a tuple (RFC 3863, section 4.1.4). */
public enum Basic {
    OPEN("open"),
    CLOSED("closed");

    private final String token;

    Basic(String token) {
        this.token = token;
    }

    /** The value as written in XML. */
    public String token() {
        return token;
    }

    /** The constant for {@code token} ({@code open} or {@code closed}, surrounding whitespace ignored), or null. */
    public static Basic fromToken(String token) {
        String t = token.strip();
        if ("open".equals(t)) {
            return OPEN;
        }
        if ("closed".equals(t)) {
            return CLOSED;
        }
        return null;
    }
}
