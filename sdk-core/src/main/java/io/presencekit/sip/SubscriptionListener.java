package io.presencekit.sip;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@link Subscription} reports. All methods have empty defaults. Called on the engine's
 * event loop, one call at a time and in order for all subscriptions of an engine: return quickly
 * and do not block (hand long work to an executor of your own).
 */
public interface SubscriptionListener {

    /**
     * A SUBSCRIBE of this subscription was accepted with a 2xx: {@code newDialog} is true for a
     * dialog-creating one (the first, or a resubscription on a new dialog), false for a refresh.
     * {@code headers} holds the Require, Supported, Expires and Contact values of the response; a
     * resource list server, for example, confirms a list subscription with
     * {@code Require: eventlist} (RFC 4662, section 5.1). The listener may {@link Subscription#end()}
     * the subscription from here.
     */
    default void accepted(int status, boolean newDialog, Map<String, List<String>> headers) {
    }

    /** A new NOTIFY (duplicates and reordered ones are not delivered). */
    default void notified(Notification notification) {
    }

    /** The subscription state changed (RFC 6665, section 4.1.3). */
    default void stateChanged(SubscriptionState previous, SubscriptionState current) {
    }

    /**
     * An attempt failed; the subscription tries again after {@code retryIn}, or, when it is
     * empty, gives up and {@link #ended} follows.
     */
    default void failed(SipException error, Optional<Duration> retryIn) {
    }

    /** The subscription ended for good; {@code error} tells what failed, when something did. */
    default void ended(SubscriptionEnd reason, Optional<SipException> error) {
    }
}
