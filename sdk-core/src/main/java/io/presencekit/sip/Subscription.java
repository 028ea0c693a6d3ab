package io.presencekit.sip;

import java.util.concurrent.CompletableFuture;

/**
 * A subscription usage (RFC 6665): created by {@link SipEngine#subscribe}, started with
 * {@link #start()}, kept alive and recovered by the engine until {@link #end()} or a final
 * termination by the notifier.
 *
 * <p>Behaviour: 200 and 202 both accept the SUBSCRIBE; a NOTIFY that arrives before the 2xx is
 * processed; every NOTIFY is answered 200 at once, and one whose CSeq is not above the last
 * processed one is not delivered (where JAIN-SIP's own dialog layer tracks the dialog, it answers
 * a lower CSeq 500 itself, as RFC 3261, section 12.2.2 requires); the subscription is refreshed before it expires
 * ({@code max(1 s, expires - 30 s, expires / 2)} of the granted Expires, or of a shorter
 * {@code expires=} in Subscription-State); a terminated notification is handled by its reason
 * (see {@link SubscriptionReason}); 481 to a refresh starts a new subscription, 423 adopts
 * Min-Expires, 405/489/501 end it as unsupported, other failures retry per the
 * {@link RetryPolicy}. A lost connection makes the engine resubscribe every subscription on a
 * new dialog, spread over time. After {@link #end()} nothing is ever sent again for it, whatever
 * the notifier answers.
 *
 * <p>Thread-safe: methods post to the engine's event loop, where all the state lives. The
 * futures complete on that loop too: do not block in stages chained to them.
 */
public interface Subscription {

    /** The request this subscription sends. */
    SubscriptionRequest request();

    /**
     * Sends the first SUBSCRIBE. Completes with the first notification (pending, active, or
     * terminated), or exceptionally with the {@link SipException} of the first failed attempt
     * (retries continue per the policy; the listener hears about them). Calling it again returns
     * the same future.
     */
    CompletableFuture<Notification> start();

    /** Refreshes now (in the dialog; the notifier sends the full state again). */
    void refresh();

    /**
     * Ends the subscription: un-SUBSCRIBE with {@code Expires: 0} and wait a little for the final
     * NOTIFY (a resource list server may send none; its 200 then counts as the end). Completes
     * when it is over; never fails.
     */
    CompletableFuture<Void> end();

    /** The state the notifier reported last ({@link SubscriptionState#PENDING} before any). */
    SubscriptionState state();
}
