package io.presencekit.xml.internal;

/**
 * Shared strings for the short tokens presence documents repeat in every NOTIFY ({@code true},
 * {@code open}, {@code active}, {@code away}...): text content matching one is returned as the
 * constant instead of a new string.
 */
final class Tokens {
    private static final String[][] BY_LENGTH = new String[12][];

    static {
        String[] all = {"0", "1", "en", "true", "open", "idle", "away", "busy", "full", "false", "closed", "active",
            "partial", "pending", "offline", "unknown", "available", "terminated", "subscribe", "presence"};
        for (int len = 0; len < BY_LENGTH.length; len++) {
            int n = 0;
            for (String s : all) {
                if (s.length() == len) {
                    n++;
                }
            }
            String[] bucket = new String[n];
            n = 0;
            for (String s : all) {
                if (s.length() == len) {
                    bucket[n++] = s;
                }
            }
            BY_LENGTH[len] = bucket;
        }
    }

    private Tokens() {
    }

    /** The characters as a string: a shared constant when they spell a known token. */
    static String string(char[] buf, int start, int len) {
        if (len < BY_LENGTH.length) {
            candidates:
            for (String s : BY_LENGTH[len]) {
                for (int i = 0; i < len; i++) {
                    if (s.charAt(i) != buf[start + i]) {
                        continue candidates;
                    }
                }
                return s;
            }
        }
        return new String(buf, start, len);
    }
}
