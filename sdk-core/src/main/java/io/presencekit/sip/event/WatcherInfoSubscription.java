package io.presencekit.sip.event;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.watcherinfo.WatcherInfo;
import io.presencekit.pidf.watcherinfo.WatcherInfoCodec;
import io.presencekit.pidf.watcherinfo.WatcherInfoState;
import io.presencekit.pidf.watcherinfo.WatcherInfoUpdate;
import io.presencekit.sip.Notification;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.Subscription;
import io.presencekit.sip.SubscriptionRequest;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@code presence.winfo} subscription (RFC 3857) to one's own presentity: who watches, and who
 * waits for authorization. Each {@code application/watcherinfo+xml} body (RFC 3858) is read with
 * {@link WatcherInfoCodec#standard()} and merged into a {@link WatcherInfoState}: a full document
 * replaces the table, a partial one is merged by version, a stale one is ignored. A version gap, a
 * partial document before any full one, or a document without usable version makes the
 * subscription refresh, so that the notifier sends the full state again (RFC 3858, section 4). A
 * new dialog (after a resubscription) restarts the version count but keeps the table, so its
 * first full document reports only real changes.
 *
 * <p>Kamailio does not notify winfo subscribers of authorization changes made through pres-rules,
 * only of new and ended watcher subscriptions; {@link #refresh()} fetches the current table.
 *
 * <p>Thread-safe.
 */
public final class WatcherInfoSubscription {
    /** The event package. */
    public static final String EVENT = "presence.winfo";

    /** What a watcher-info subscription reports. */
    public interface Listener extends PackageListener {
        /**
         * A document was applied: {@code update.state()} is the merged table, {@code update.changes()}
         * the watchers added, changed and removed, {@code update.newlyAwaitingAuthorization()} the
         * ones to ask the user about.
         */
        default void watchersChanged(WatcherInfoUpdate update, Notification notification) {
        }
    }

    private final Subscription subscription;
    private final AtomicReference<WatcherInfoState> state = new AtomicReference<>(WatcherInfoState.empty());
    private final AtomicReference<String> dialog = new AtomicReference<>();

    private WatcherInfoSubscription(SipEngine engine, SubscriptionRequest request, Listener listener) {
        Listener l = listener != null ? listener : new Listener() { };
        this.subscription = engine.subscribe(request, new Forwarder(l) {
            @Override
            public void notified(Notification n) {
                l.notified(n);
                if (!n.callId().equals(dialog.getAndSet(n.callId())) && state.get().version().isPresent()) {
                    state.set(state.get().newSubscription());
                }
                if (!n.hasBody()) {
                    return;
                }
                if (!n.mediaType().orElse("").equals(WatcherInfoCodec.CONTENT_TYPE)) {
                    l.bodyRejected(n, new PresenceKitException("not a watcherinfo document: "
                            + n.contentType().orElse("")));
                    return;
                }
                WatcherInfo doc;
                try {
                    doc = WatcherInfoCodec.standard().read(n.body());
                } catch (RuntimeException e) {
                    l.bodyRejected(n, e);
                    subscription().refresh();
                    return;
                }
                WatcherInfoUpdate update = state.get().apply(doc);
                if (update.applied()) {
                    state.set(update.state());
                    l.watchersChanged(update, n);
                }
                if (update.needsRefresh()) {
                    subscription().refresh();
                }
            }
        });
    }

    /**
     * The request for the user's own {@code aor}: {@code Event: presence.winfo},
     * {@code Accept: application/watcherinfo+xml}.
     */
    public static SubscriptionRequest.Builder request(String aor) {
        return SubscriptionRequest.builder(aor, EVENT).accept(WatcherInfoCodec.CONTENT_TYPE);
    }

    /** A watcher-info subscription for {@code request}; call {@link #start()}. */
    public static WatcherInfoSubscription create(SipEngine engine, SubscriptionRequest request, Listener listener) {
        Objects.requireNonNull(engine, "engine");
        if (!EVENT.equals(request.event())) {
            throw new IllegalArgumentException("not a presence.winfo request: " + request.event());
        }
        return new WatcherInfoSubscription(engine, request, listener);
    }

    /** The underlying subscription. */
    public Subscription subscription() {
        return subscription;
    }

    /** Starts it; see {@link Subscription#start()}. */
    public CompletableFuture<Notification> start() {
        return subscription.start();
    }

    /** Asks the notifier for the full state again (an in-dialog refresh). */
    public void refresh() {
        subscription.refresh();
    }

    /** Ends it; see {@link Subscription#end()}. */
    public CompletableFuture<Void> end() {
        return subscription.end();
    }

    /** The merged watcher table as known now. */
    public WatcherInfoState state() {
        return state.get();
    }
}
