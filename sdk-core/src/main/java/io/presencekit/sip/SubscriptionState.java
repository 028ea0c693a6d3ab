package io.presencekit.sip;

import java.util.Locale;
import java.util.Optional;

/**
 * The state of a subscription as the notifier reports it in {@code Subscription-State}
 * (RFC 6665, section 8.2.3). A subscription whose notifier has not said anything yet counts as
 * {@link #PENDING} (RFC 6665, section 4.1.2.1: the 2xx alone does not authorize anything).
 *
 * <p>Immutable.
 */
public enum SubscriptionState {
    /** Received, not yet authorized: the notifications carry no state (or the neutral state). */
    PENDING,
    /** Authorized: notifications carry the resource's state. */
    ACTIVE,
    /** Over: the notifier ended it, or we did. */
    TERMINATED;

    /** The state for a {@code Subscription-State} value ({@code active}, {@code pending}, {@code terminated}), case-insensitive. */
    public static Optional<SubscriptionState> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "active" -> Optional.of(ACTIVE);
            case "pending" -> Optional.of(PENDING);
            case "terminated" -> Optional.of(TERMINATED);
            default -> Optional.empty();
        };
    }
}
