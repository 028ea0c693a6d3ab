package io.presencekit.pidf.watcherinfo;

import io.presencekit.xml.Values;

/**
 * The event that last moved a watcher's subscription to its current status: the {@code event}
 * attribute of RFC 3858, section 3, whose values are the transitions of the watcher subscription
 * state machine of RFC 3857.
 */
public enum WatcherEvent {
    /** A new subscription arrived (to {@link WatcherStatus#PENDING} or {@link WatcherStatus#ACTIVE}). */
    SUBSCRIBE("subscribe"),
    /** The subscription was authorized ({@link WatcherStatus#ACTIVE}). */
    APPROVED("approved"),
    /** The subscription was ended by the notifier; the watcher may resubscribe at once. */
    DEACTIVATED("deactivated"),
    /** The subscription was ended by the notifier; the watcher should wait before resubscribing. */
    PROBATION("probation"),
    /** Authorization was refused. */
    REJECTED("rejected"),
    /** The subscription expired without a refresh. */
    TIMEOUT("timeout"),
    /** A pending subscription was given up: no decision within the notifier's time. */
    GIVEUP("giveup"),
    /** The watched resource no longer exists. */
    NORESOURCE("noresource");

    private final String token;

    WatcherEvent(String token) {
        this.token = token;
    }

    /** The value as written in XML. */
    public String token() {
        return token;
    }

    /** The constant for {@code token} (surrounding whitespace ignored, case significant), or null. */
    public static WatcherEvent fromToken(String token) {
        return token == null ? null : Values.byToken(values(), WatcherEvent::token, token.strip());
    }
}
