package io.presencekit.sip;

import java.util.Locale;

/** A SIP transport (RFC 3261, section 18). Immutable. */
public enum Transport {
    TLS, TCP, UDP;

    /** The lower-case name used in URIs and by JAIN-SIP ({@code tls}, {@code tcp}, {@code udp}). */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the transport is connection-oriented (TCP and TLS). */
    public boolean reliable() {
        return this != UDP;
    }

    /** The transport named by a {@code transport=} parameter, case-insensitively. */
    public static Transport of(String token) {
        return valueOf(token.trim().toUpperCase(Locale.ROOT));
    }
}
