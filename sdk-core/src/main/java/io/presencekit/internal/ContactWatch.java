package io.presencekit.internal;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.sip.Notification;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SubscriptionEnd;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.event.PresenceSubscription;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * One presence subscription (RFC 3856) per watched URI, following the watched set: URIs added
 * are subscribed, URIs removed are unsubscribed. Thread-safe; the sink is called on the engine's
 * event loop.
 */
public final class ContactWatch {
    /** Where the watch reports. */
    public interface Sink {
        void presenceChanged(String uri, List<PresenceDocument> documents);

        void stateChanged(String uri, SubscriptionState state, String reason);

        void error(PresenceKitException error);
    }

    private final SipEngine engine;
    private final Sink sink;
    private final Map<String, PresenceSubscription> subscriptions = new LinkedHashMap<>();
    private boolean closed;

    public ContactWatch(SipEngine engine, Sink sink) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    /** Watches exactly {@code uris} from now on. */
    public void setContacts(Collection<String> uris) {
        Set<String> wanted = new LinkedHashSet<>(uris);
        List<PresenceSubscription> ending = new ArrayList<>();
        List<PresenceSubscription> starting = new ArrayList<>();
        synchronized (subscriptions) {
            if (closed) {
                return;
            }
            subscriptions.entrySet().removeIf(e -> {
                if (!wanted.contains(e.getKey())) {
                    ending.add(e.getValue());
                    return true;
                }
                return false;
            });
            for (String uri : wanted) {
                if (!subscriptions.containsKey(uri)) {
                    PresenceSubscription s = PresenceSubscription.create(engine,
                            PresenceSubscription.request(uri).build(), listener(uri));
                    subscriptions.put(uri, s);
                    starting.add(s);
                }
            }
        }
        ending.forEach(PresenceSubscription::end);
        for (PresenceSubscription s : starting) {
            s.start().exceptionally(e -> null);
        }
    }

    /** The URIs watched now. */
    public Set<String> contacts() {
        synchronized (subscriptions) {
            return Set.copyOf(subscriptions.keySet());
        }
    }

    /** Ends every subscription; completes when all are over. */
    public CompletableFuture<Void> close() {
        List<PresenceSubscription> all;
        synchronized (subscriptions) {
            closed = true;
            all = new ArrayList<>(subscriptions.values());
            subscriptions.clear();
        }
        return CompletableFuture.allOf(all.stream().map(PresenceSubscription::end).toArray(CompletableFuture[]::new));
    }

    private PresenceSubscription.Listener listener(String uri) {
        return new PresenceSubscription.Listener() {
            @Override
            public void presenceChanged(PresenceDocument document, Notification notification) {
                sink.presenceChanged(uri, List.of(document));
            }

            @Override
            public void stateChanged(SubscriptionState previous, SubscriptionState current) {
                sink.stateChanged(uri, current, null);
            }

            @Override
            public void bodyRejected(Notification notification, RuntimeException error) {
                sink.error(new PresenceKitException("unreadable presence of " + uri + ": " + error.getMessage(), error));
            }

            @Override
            public void ended(SubscriptionEnd reason, Optional<SipException> error) {
                if (reason != SubscriptionEnd.ENDED_LOCALLY) {
                    sink.stateChanged(uri, SubscriptionState.TERMINATED, reason.name().toLowerCase(java.util.Locale.ROOT));
                    error.ifPresent(sink::error);
                }
            }
        };
    }
}
