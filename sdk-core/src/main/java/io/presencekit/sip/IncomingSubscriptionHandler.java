package io.presencekit.sip;

import java.time.Duration;

/**
 * Receives new incoming subscriptions of one event package and what happens to them afterwards
 * (RFC 6665, section 4.2). {@link #incomingSubscription} is called for every SUBSCRIBE that
 * creates a dialog; decide there (or later) with {@link IncomingSubscription#accept},
 * {@link IncomingSubscription#acceptPending} or {@link IncomingSubscription#reject}. The other
 * methods report events and default to nothing.
 *
 * <p>Every method is called on the engine's event loop, one call at a time: return quickly.
 */
@FunctionalInterface
public interface IncomingSubscriptionHandler {

    /** A new subscription; it is answered as soon as this method returns if no decision was made. */
    void incomingSubscription(IncomingSubscription subscription);

    /** The subscriber refreshed the subscription; {@code expires} is the new granted lifetime. */
    default void refreshed(IncomingSubscription subscription, Duration expires) {
    }

    /** The subscriber sent {@code Expires: 0}; the final NOTIFY {@code terminated} is on its way. */
    default void unsubscribed(IncomingSubscription subscription) {
    }

    /** The subscription was not refreshed in time; the final NOTIFY {@code terminated;reason=timeout} is on its way. */
    default void expired(IncomingSubscription subscription) {
    }

    /**
     * A NOTIFY failed: answered 481 or 408 or not answered at all (the subscription is over), or
     * answered with another error ({@code status}; the subscription goes on). {@code status} is 0
     * for a timeout or transport failure.
     */
    default void notifyFailed(IncomingSubscription subscription, int status, SipException error) {
    }

    /** The subscription is over, for whatever reason ({@code reason} as in Subscription-State, or null). */
    default void ended(IncomingSubscription subscription, String reason) {
    }
}
