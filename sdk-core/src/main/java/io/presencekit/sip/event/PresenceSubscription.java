package io.presencekit.sip.event;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.sip.Notification;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.Subscription;
import io.presencekit.sip.SubscriptionRequest;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@code presence} subscription (RFC 3856) to one presentity: every NOTIFY with an
 * {@code application/pidf+xml} body (RFC 3863) is read with {@link PidfCodec#standard()} and
 * handed over as a {@link PresenceDocument}. A pending or terminated notification without a body
 * says nothing about the presentity's state. A body that cannot be read is reported through
 * {@link PackageListener#bodyRejected}; the subscription goes on.
 *
 * <p>Thread-safe.
 */
public final class PresenceSubscription {
    /** The event package. */
    public static final String EVENT = "presence";

    /** What a presence subscription reports. */
    public interface Listener extends PackageListener {
        /** The presentity published a new state. */
        default void presenceChanged(PresenceDocument document, Notification notification) {
        }
    }

    private final Subscription subscription;
    private final AtomicReference<PresenceDocument> last = new AtomicReference<>();

    private PresenceSubscription(SipEngine engine, SubscriptionRequest request, Listener listener) {
        Listener l = listener != null ? listener : new Listener() { };
        this.subscription = engine.subscribe(request, new Forwarder(l) {
            @Override
            public void notified(Notification n) {
                l.notified(n);
                if (!n.hasBody()) {
                    return;
                }
                if (!n.mediaType().orElse("").equals(PidfCodec.CONTENT_TYPE)) {
                    l.bodyRejected(n, new PresenceKitException("not a PIDF document: " + n.contentType().orElse("")));
                    return;
                }
                PresenceDocument doc;
                try {
                    doc = PidfCodec.standard().read(n.body());
                } catch (RuntimeException e) {
                    l.bodyRejected(n, e);
                    return;
                }
                last.set(doc);
                l.presenceChanged(doc, n);
            }
        });
    }

    /** The request for {@code target}: {@code Event: presence}, {@code Accept: application/pidf+xml}. */
    public static SubscriptionRequest.Builder request(String target) {
        return SubscriptionRequest.builder(target, EVENT).accept(PidfCodec.CONTENT_TYPE);
    }

    /** A presence subscription for {@code request} (build it with {@link #request}); call {@link #start()}. */
    public static PresenceSubscription create(SipEngine engine, SubscriptionRequest request, Listener listener) {
        Objects.requireNonNull(engine, "engine");
        if (!EVENT.equals(request.event())) {
            throw new IllegalArgumentException("not a presence request: " + request.event());
        }
        return new PresenceSubscription(engine, request, listener);
    }

    /** The underlying subscription (start, refresh, end, state). */
    public Subscription subscription() {
        return subscription;
    }

    /** Starts it; see {@link Subscription#start()}. */
    public java.util.concurrent.CompletableFuture<Notification> start() {
        return subscription.start();
    }

    /** Ends it; see {@link Subscription#end()}. */
    public java.util.concurrent.CompletableFuture<Void> end() {
        return subscription.end();
    }

    /** The last presence document received, if any. */
    public Optional<PresenceDocument> last() {
        return Optional.ofNullable(last.get());
    }
}
