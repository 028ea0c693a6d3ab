package io.presencekit.sip;

import java.util.List;

/**
 * What {@link SipEngine#acceptSubscriptions} returns: the engine accepts SUBSCRIBEs for one event
 * package until {@link #close()}. Closing stops accepting new subscriptions (further SUBSCRIBEs
 * for the package get 489 Bad Event, RFC 6665 section 8.3.2); the subscriptions already made go
 * on until they end. Thread-safe.
 */
public interface Notifier extends AutoCloseable {

    /** The event package. */
    String eventPackage();

    /** The subscriptions not yet terminated. */
    List<IncomingSubscription> subscriptions();

    /** Stops accepting new subscriptions. Idempotent. */
    @Override
    void close();
}
