package io.presencekit.pidf.watcherinfo;

import io.presencekit.xml.Values;

/**
 * The state of one watcher's subscription: the {@code status} attribute of RFC 3858, section 3,
 * whose values are the states of the watcher subscription state machine of RFC 3857.
 */
public enum WatcherStatus {
    /** The subscription awaits the user's authorization decision. */
    PENDING("pending"),
    /** The subscription is authorized and active. */
    ACTIVE("active"),
    /** A pending subscription timed out; the watcher is remembered while the user may still decide. */
    WAITING("waiting"),
    /** The subscription is over (see the {@link WatcherEvent} for why). */
    TERMINATED("terminated");

    private final String token;

    WatcherStatus(String token) {
        this.token = token;
    }

    /** The value as written in XML. */
    public String token() {
        return token;
    }

    /**
     * Whether a watcher in this status is waiting for the user's authorization decision
     * ({@link #PENDING} or {@link #WAITING}): the ones an application asks the user about.
     */
    public boolean awaitsAuthorization() {
        return this == PENDING || this == WAITING;
    }

    /** The constant for {@code token} (surrounding whitespace ignored, case significant), or null. */
    public static WatcherStatus fromToken(String token) {
        return token == null ? null : Values.byToken(values(), WatcherStatus::token, token.strip());
    }
}
