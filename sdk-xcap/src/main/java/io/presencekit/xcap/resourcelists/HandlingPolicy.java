package io.presencekit.xcap.resourcelists;

/**
 * What the address book wants done with a URI's subscriptions: the AG Projects address book's
 * {@code policy} value (schema type {@code PolicyString}).
 */
public enum HandlingPolicy {
    /** Authorize watchers from this URI. */
    ALLOW("allow"),
    /** Block watchers from this URI. */
    BLOCK("block"),
    /** Leave it to the default rule for unlisted watchers. */
    DEFAULT("default");

    private final String token;

    HandlingPolicy(String token) {
        this.token = token;
    }

    /** The value as written in XML. */
    public String token() {
        return token;
    }

    /** The constant for {@code token} (surrounding whitespace ignored), or null. */
    public static HandlingPolicy fromToken(String token) {
        if (token == null) {
            return null;
        }
        String t = token.strip();
        for (HandlingPolicy p : values()) {
            if (p.token.equals(t)) {
                return p;
            }
        }
        return null;
    }
}
