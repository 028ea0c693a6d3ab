package io.presencekit.sip.event;

import io.presencekit.sip.Notification;
import io.presencekit.sip.SubscriptionListener;

/**
 * What every event-package listener also hears: the plain {@link SubscriptionListener} calls,
 * and notifications whose body could not be used. Called on the engine's event loop; return
 * quickly.
 */
public interface PackageListener extends SubscriptionListener {

    /**
     * A notification's body could not be read (not well-formed, hostile, or of a type the package
     * does not know). The subscription goes on.
     */
    default void bodyRejected(Notification notification, RuntimeException error) {
    }
}
