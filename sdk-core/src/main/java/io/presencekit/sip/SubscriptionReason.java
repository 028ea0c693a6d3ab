package io.presencekit.sip;

import java.util.Locale;

/**
 * The {@code reason} of a {@code Subscription-State: terminated} (RFC 6665, section 4.1.3) and
 * what a subscriber does about it:
 * <ul>
 * <li>{@link #DEACTIVATED}, {@link #TIMEOUT}: subscribe again at once (a new dialog);</li>
 * <li>{@link #PROBATION}, {@link #GIVEUP}: subscribe again after {@code retry-after}, or after a
 * back-off when none is given;</li>
 * <li>{@link #REJECTED}, {@link #NORESOURCE}, {@link #INVARIANT}: do not subscribe again;</li>
 * <li>{@link #UNKNOWN}: a reason this client does not know, treated as no reason at all (RFC 6665,
 * section 4.1.3: subscribe again after a back-off); the text is kept in
 * {@link Notification#reasonText()}.</li>
 * </ul>
 *
 * <p>Immutable.
 */
public enum SubscriptionReason {
    DEACTIVATED, PROBATION, REJECTED, TIMEOUT, GIVEUP, NORESOURCE, INVARIANT, UNKNOWN;

    /** The reason for a {@code reason=} token, {@link #UNKNOWN} for any other token. */
    public static SubscriptionReason parse(String token) {
        if (token == null) {
            return UNKNOWN;
        }
        return switch (token.trim().toLowerCase(Locale.ROOT)) {
            case "deactivated" -> DEACTIVATED;
            case "probation" -> PROBATION;
            case "rejected" -> REJECTED;
            case "timeout" -> TIMEOUT;
            case "giveup" -> GIVEUP;
            case "noresource" -> NORESOURCE;
            case "invariant" -> INVARIANT;
            default -> UNKNOWN;
        };
    }

    /** The token as it appears in the header. */
    public String token() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the subscriber must not subscribe again (rejected, noresource, invariant). */
    public boolean isFinal() {
        return this == REJECTED || this == NORESOURCE || this == INVARIANT;
    }

    /** Whether the subscriber subscribes again at once (deactivated, timeout). */
    public boolean retriesAtOnce() {
        return this == DEACTIVATED || this == TIMEOUT;
    }
}
