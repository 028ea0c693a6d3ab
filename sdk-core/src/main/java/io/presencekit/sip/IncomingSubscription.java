package io.presencekit.sip;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * A subscription someone made to us: the notifier side of RFC 6665, section 4.2, created by an
 * incoming SUBSCRIBE for a package passed to {@link SipEngine#acceptSubscriptions}. The
 * application decides with {@link #accept}, {@link #acceptPending} or {@link #reject}, pushes
 * state with {@link #notify(String, byte[])} and ends it with {@link #end(String)}; what the
 * subscriber and the timers do comes back through the {@link IncomingSubscriptionHandler}.
 *
 * <p>Protocol behaviour: the SUBSCRIBE is answered {@code 200 OK} (never 202, which RFC 6665,
 * section 8.3.1 deprecates; a pending decision travels in the NOTIFY's Subscription-State), with
 * our To tag, Contact and the granted Expires. Every NOTIFY carries Subscription-State with the
 * remaining {@code expires}. NOTIFYs are serialized: one in flight per subscription; bodies given
 * while one is in flight collapse to the latest, whose future then completes all of them.
 * A refreshing SUBSCRIBE restarts the expiry timer and is answered with a NOTIFY of the current
 * state (section 4.2.1.2); {@code Expires: 0} ends the subscription with a final NOTIFY
 * {@code terminated;reason=timeout}; so does the expiry timer. A NOTIFY answered 481 or 408, or
 * not answered at all, ends the subscription without further NOTIFYs (section 4.2.2). If the
 * handler neither accepts nor rejects before it returns, the SUBSCRIBE is answered at once and a
 * {@code pending} NOTIFY sent, so the subscriber never waits for a human decision.
 *
 * <p>Thread-safe: the getters return values fixed at creation (or volatile state), the verbs post
 * to the engine's event loop and return futures completed on it.
 */
public interface IncomingSubscription {

    /** Where the subscription stands (RFC 6665, section 4.1.3 Subscription-State values). */
    enum State {
        /** SUBSCRIBE received, no decision yet and no answer sent. */
        NEW,
        /** Accepted as pending: the subscriber waits for authorization. */
        PENDING,
        /** Accepted: NOTIFYs carry state. */
        ACTIVE,
        /** Over: rejected, ended, expired, unsubscribed or failed. */
        TERMINATED
    }

    /** The subscriber: the From URI of the SUBSCRIBE. */
    String subscriber();

    /** The subscriber's display name, or null. */
    String subscriberDisplayName();

    /** The resource subscribed to: the To URI of the SUBSCRIBE. */
    String target();

    /** The Request-URI of the SUBSCRIBE. */
    String requestUri();

    /** The event package. */
    String event();

    /** The Event header's {@code id} parameter, or null. */
    String eventId();

    /** The media types the subscriber accepts (Accept header values), possibly empty. */
    List<String> accept();

    /** The Expires the subscriber asked for, if it sent one. */
    Optional<Duration> requestedExpires();

    /** The lifetime granted by the last SUBSCRIBE (after capping). */
    Duration expires();

    /** The SUBSCRIBE's Content-Type, or null without body. */
    String contentType();

    /** A copy of the SUBSCRIBE's body (empty without body). */
    byte[] body();

    /** The SIP Call-ID of the subscription's dialog. */
    String callId();

    /** The current state. */
    State state();

    /**
     * Answers 200 (if not done yet) and sends a NOTIFY {@code active} with {@code body} (or
     * without body when {@code body} is null). Completes when that NOTIFY is answered 2xx.
     */
    CompletableFuture<Void> accept(String contentType, byte[] body);

    /** Answers 200 (if not done yet) and sends a body-less NOTIFY {@code pending}. */
    CompletableFuture<Void> acceptPending();

    /**
     * Refuses the subscription: before an answer, the SUBSCRIBE is answered {@code status}
     * (a 3xx-6xx code); after it, a NOTIFY {@code terminated;reason=rejected} is sent instead.
     */
    CompletableFuture<Void> reject(int status);

    /**
     * Sends a NOTIFY with the current state ({@code active} or {@code pending}) and {@code body}.
     * Completes when the NOTIFY carrying this body (or a later one that replaced it) is answered.
     */
    CompletableFuture<Void> notify(String contentType, byte[] body);

    /**
     * Ends the subscription with a NOTIFY {@code terminated;reason=<reason>} (RFC 6665, section
     * 4.1.3: deactivated, probation, rejected, timeout, giveup, noresource, invariant), or null for
     * no reason. Completes when the final NOTIFY is answered or failed; never exceptionally.
     */
    CompletableFuture<Void> end(String reason);
}
