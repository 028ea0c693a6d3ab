package io.presencekit.sip;

/**
 * Why a {@link Subscription} ended for good: after this it sends nothing more and reports
 * nothing more. Immutable.
 */
public enum SubscriptionEnd {
    /** {@link Subscription#end()} was called (or the engine closed). */
    ENDED_LOCALLY,
    /** The notifier ended it with {@code reason=rejected} (RFC 6665, section 4.1.3). */
    REJECTED,
    /** The notifier ended it with {@code reason=noresource}: the resource does not exist. */
    NORESOURCE,
    /** The notifier ended it with {@code reason=invariant}: it will never be possible. */
    INVARIANT,
    /** The server does not support the event package or SUBSCRIBE (489, 405, 501). */
    UNSUPPORTED,
    /** The {@link RetryPolicy} gave up after repeated failures or terminations. */
    RETRIES_EXHAUSTED,
    /** A one-shot fetch (RFC 6665, section 4.4.3) is over. */
    FETCHED
}
