package io.presencekit.sip.event;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.rls.Instance;
import io.presencekit.rls.ListNotification;
import io.presencekit.rls.ListState;
import io.presencekit.rls.ListUpdate;
import io.presencekit.rls.NotificationDecoder;
import io.presencekit.rls.ResourceState;
import io.presencekit.rls.RlmiCodec;
import io.presencekit.sip.Notification;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipException;
import io.presencekit.sip.Subscription;
import io.presencekit.sip.SubscriptionEnd;
import io.presencekit.sip.SubscriptionListener;
import io.presencekit.sip.SubscriptionRequest;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.internal.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the presence of every contact of an address book, through one resource list
 * subscription (RFC 4662) when the server has a list service for it, else through one
 * {@code presence} subscription (RFC 3856) per contact.
 *
 * <p><b>List mode.</b> The SUBSCRIBE goes to the list service URI with
 * {@code Supported: eventlist} (on the initial request, every refresh and the un-SUBSCRIBE: a
 * Kamailio list server answers a refresh without it 481) and
 * {@code Accept: multipart/related, application/rlmi+xml, application/pidf+xml}. The server
 * confirms the list with {@code Require: eventlist} in its 2xx (RFC 4662, section 5.1). Each
 * NOTIFY body is decoded with {@link NotificationDecoder} and reconciled in a {@link ListState}
 * (full state replaces, partial state merges, stale versions are dropped); a first notification
 * that is not full state, a version gap or a body that cannot be decoded refreshes the
 * subscription so that the server sends full state again (RFC 4662, section 5.5). Per member the
 * presence documents of its live instances are aggregated into a {@link ContactPresence}, and
 * only members whose presence changed are reported; the state of a member's back-end
 * subscription (its RLMI {@code instance} state, section 5.2) goes to
 * {@link Listener#subscriptionStateChanged}. A member the server lists without any instance
 * (Kamailio before its back end answered, or a member still pending there) counts as pending.
 *
 * <p><b>Fallback.</b> When no list URI is given, or the server has no list service for it (404,
 * 489, a 2xx without {@code Require: eventlist}: that subscription then is ended at once, since it
 * reached a presence agent instead; or the list subscription ends for good later), every contact
 * gets its own {@link PresenceSubscription}, added and removed by {@link #setContacts}.
 * {@link Listener#modeChanged} says which mode was chosen and why.
 *
 * <p><b>Address book changes in list mode.</b> The list server reads the list document itself;
 * {@link #setContacts} makes it read the list again by ending the list subscription and
 * subscribing anew on a new dialog. An in-dialog refresh is not enough: a Kamailio list server
 * reads its rls-services and resource-lists documents only for a new subscription, and answers a
 * refresh with the members it already had. The new dialog's first full-state NOTIFY names the
 * new members; members that stay report only real changes.
 *
 * <p>Thread-safe: public methods may be called from any thread; all state lives on the engine's
 * event loop, and the {@link Listener} is called there, one call at a time.
 */
public final class ContactPresenceWatcher {
    private static final Logger LOG = LoggerFactory.getLogger(ContactPresenceWatcher.class);
    /** The event package. */
    public static final String EVENT = "presence";
    /** The option tag of RFC 4662, in Supported and Require. */
    public static final String EVENTLIST = "eventlist";

    /** How the contacts are watched. */
    public enum Mode {
        /** One resource list subscription (RFC 4662) to the list service. */
        LIST,
        /** One presence subscription per contact (RFC 3856). */
        PER_CONTACT
    }

    /**
     * What a watcher reports. All methods have empty defaults. Called on the engine's event loop,
     * one call at a time: return quickly and do not block.
     */
    public interface Listener {
        /**
         * The presence of {@code uri} changed; {@code documents} are the PIDF documents it was
         * aggregated from (empty when nothing is known, for example after the contact's
         * subscription ended).
         */
        default void presenceChanged(String uri, ContactPresence presence, List<PresenceDocument> documents) {
        }

        /**
         * The subscription to {@code uri} changed state: in list mode the state of the member's
         * back-end subscription, in per-contact mode the contact's own subscription; {@code reason}
         * is the termination reason when one was given, else null.
         */
        default void subscriptionStateChanged(String uri, SubscriptionState state, String reason) {
        }

        /** The watcher now works in {@code mode}, for the reason {@code why}. */
        default void modeChanged(Mode mode, String why) {
        }

        /** Something failed; the watcher goes on (retrying where that makes sense). */
        default void error(PresenceKitException error) {
        }
    }

    private final SipEngine engine;
    private final EventLoop loop;
    private final String listUri;
    private final Listener listener;
    private final CompletableFuture<Mode> started = new CompletableFuture<>();
    private final CompletableFuture<Void> closed = new CompletableFuture<>();

    // loop-confined
    private final Set<String> contacts = new LinkedHashSet<>();
    private final Map<String, ContactPresence> presences = new LinkedHashMap<>();
    private final Map<String, SubscriptionState> states = new HashMap<>();
    private final Map<String, PresenceSubscription> perContact = new LinkedHashMap<>();
    private final List<Notification> early = new ArrayList<>();
    private final ListState listState;
    private Subscription list;
    private String listCallId;
    private boolean startCalled;
    private boolean closing;

    private volatile Mode mode;
    private volatile Map<String, ContactPresence> published = Map.of();

    private ContactPresenceWatcher(Builder b) {
        this.engine = b.engine;
        this.loop = b.engine.core().loop;
        this.listUri = b.listUri;
        this.listener = b.listener != null ? b.listener : new Listener() { };
        this.contacts.addAll(b.contacts);
        this.listState = listUri != null ? ListState.create() : null;
    }

    /** A builder for a watcher on {@code engine}, which must have been started. */
    public static Builder builder(SipEngine engine) {
        return new Builder(engine);
    }

    /**
     * Starts watching. Completes with the mode once it is decided: at once without a list URI,
     * else when the list server confirms the list ({@link Mode#LIST}) or it turns out to have
     * none ({@link Mode#PER_CONTACT}). While the list subscription fails otherwise, it is retried
     * per its retry policy and the future stays open (the failures go to {@link Listener#error}).
     * Calling it again returns the same future.
     */
    public CompletableFuture<Mode> start() {
        loop.execute(() -> {
            if (startCalled || closing) {
                return;
            }
            startCalled = true;
            if (listUri == null) {
                enterPerContact("no resource list URI given");
            } else {
                startList();
            }
        });
        return started;
    }

    /**
     * The address book changed: in per-contact mode, subscriptions are added and ended to match
     * {@code uris}; in list mode the list is subscribed anew so that the server reads it again.
     */
    public void setContacts(Collection<String> uris) {
        List<String> copy = List.copyOf(uris);
        loop.execute(() -> {
            if (closing) {
                return;
            }
            contacts.clear();
            contacts.addAll(copy);
            if (mode == Mode.PER_CONTACT) {
                syncPerContact();
            } else if (mode == Mode.LIST && list != null) {
                // a refresh is not enough: Kamailio reads the list documents only for a new subscription
                Subscription old = list;
                list = null;
                old.end();
                startList();
            }
        });
    }

    /**
     * The current mode: before {@link #start()} has decided, the mode being tried
     * ({@link Mode#LIST} when a list URI was given).
     */
    public Mode mode() {
        Mode m = mode;
        return m != null ? m : listUri != null ? Mode.LIST : Mode.PER_CONTACT;
    }

    /**
     * The presence of every watched contact as last reported (unknown for those about which
     * nothing came yet): in list mode the members the server lists, in per-contact mode the
     * contacts. Immutable, in list or address book order.
     */
    public Map<String, ContactPresence> snapshot() {
        return published;
    }

    /**
     * Ends every subscription (un-SUBSCRIBE); nothing is resubscribed afterwards. Completes when
     * they are over; never fails. A {@link #start()} still undecided completes exceptionally.
     */
    public CompletableFuture<Void> close() {
        loop.execute(() -> {
            if (closing) {
                return;
            }
            closing = true;
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            if (list != null) {
                ends.add(list.end());
                list = null;
            }
            perContact.values().forEach(s -> ends.add(s.end()));
            perContact.clear();
            started.completeExceptionally(new IllegalStateException("watcher closed"));
            CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new))
                    .whenComplete((v, e) -> closed.complete(null));
        });
        return closed;
    }

    // ---- list mode ----

    /** The list SUBSCRIBE (RFC 4662, section 5.1). */
    static SubscriptionRequest listRequest(String listUri) {
        return SubscriptionRequest.builder(listUri, EVENT)
                .accept("multipart/related", RlmiCodec.CONTENT_TYPE, PidfCodec.CONTENT_TYPE)
                .header("Supported", EVENTLIST).build();
    }

    private void startList() {
        Subscription[] self = new Subscription[1];
        Subscription s = engine.subscribe(listRequest(listUri), new SubscriptionListener() {
            @Override
            public void accepted(int status, boolean newDialog, Map<String, List<String>> headers) {
                if (self[0] == list && newDialog) {
                    onListAccepted(headers);
                }
            }

            @Override
            public void notified(Notification n) {
                if (self[0] == list) {
                    onListNotify(n);
                }
            }

            @Override
            public void failed(SipException error, Optional<Duration> retryIn) {
                if (self[0] == list) {
                    onListFailed(error);
                }
            }

            @Override
            public void ended(SubscriptionEnd reason, Optional<SipException> error) {
                if (self[0] == list && !closing) {
                    list = null;
                    enterPerContact("the list subscription ended (" + reason.name().toLowerCase(Locale.ROOT)
                            + error.map(e -> ": " + e.getMessage()).orElse("") + ")");
                }
            }
        });
        self[0] = s;
        list = s;
        s.start();
    }

    private void onListAccepted(Map<String, List<String>> headers) {
        if (!hasToken(headers.getOrDefault("Require", List.of()), EVENTLIST)) {
            Subscription s = list;
            list = null;
            s.end();
            early.clear();
            enterPerContact("the server accepted " + listUri + " without Require: eventlist: no resource list there");
            return;
        }
        if (mode != Mode.LIST) {
            setMode(Mode.LIST, "the server has the resource list " + listUri);
            List<Notification> queued = List.copyOf(early);
            early.clear();
            queued.forEach(this::onListNotify);
        }
    }

    private void onListFailed(SipException error) {
        if (mode == null && (error.status() == 404 || error.status() == 489)) {
            Subscription s = list;
            list = null;
            s.end();
            enterPerContact("the server has no resource list " + listUri + " (" + error.status() + " "
                    + error.reason() + ")");
            return;
        }
        report(() -> listener.error(error));
    }

    private void onListNotify(Notification n) {
        if (mode != Mode.LIST) {
            early.add(n); // a NOTIFY ahead of the 2xx: the 2xx decides whether it is a list
            return;
        }
        if (!n.callId().equals(listCallId)) {
            listCallId = n.callId();
            listState.newSubscription(); // a new dialog starts its own version sequence
        }
        if (!n.hasBody()) {
            if (n.state() == SubscriptionState.TERMINATED) {
                LOG.debug("list subscription to {} terminated: {}", listUri, n.reasonText().orElse("no reason"));
            }
            return;
        }
        ListNotification decoded;
        try {
            decoded = NotificationDecoder.standard().decode(n.contentType().orElse(""), n.body());
        } catch (PresenceKitException e) {
            report(() -> listener.error(new PresenceKitException("unusable resource list NOTIFY from " + listUri
                    + ": " + e.getMessage(), e)));
            list.refresh(); // its changes are lost: ask for full state
            return;
        }
        if (!decoded.warnings().isEmpty()) {
            LOG.debug("resource list NOTIFY from {}: {}", listUri, decoded.warnings());
        }
        ListUpdate update = listState.apply(decoded);
        if (!update.applied()) {
            LOG.debug("resource list NOTIFY version {} dropped: {}", decoded.list().version(), update.outcome());
            return;
        }
        if (update.needsRefresh()) {
            list.refresh();
        }
        for (String uri : update.removed()) {
            if (listState.resource(uri).isEmpty()) {
                presences.remove(uri);
                reportState(uri, SubscriptionState.TERMINATED, "removed from the list");
                states.remove(uri);
            }
        }
        Set<String> touched = new LinkedHashSet<>(update.added());
        touched.addAll(update.changed());
        for (String uri : touched) {
            listState.resource(uri).ifPresent(this::memberChanged);
        }
        publish();
    }

    private void memberChanged(ResourceState r) {
        String uri = r.uri();
        SubscriptionState st = r.state().map(ContactPresenceWatcher::state).orElse(SubscriptionState.PENDING);
        String reason = st == SubscriptionState.TERMINATED ? r.termination().map(t -> t.reason()).orElse(null) : null;
        reportState(uri, st, reason);
        updatePresence(uri, r.presence());
    }

    private static SubscriptionState state(Instance.State s) {
        return switch (s) {
            case ACTIVE -> SubscriptionState.ACTIVE;
            case PENDING -> SubscriptionState.PENDING;
            case TERMINATED -> SubscriptionState.TERMINATED;
        };
    }

    // ---- per-contact mode ----

    private void enterPerContact(String why) {
        if (closing) {
            return;
        }
        presences.clear();
        states.clear();
        setMode(Mode.PER_CONTACT, why);
        syncPerContact();
    }

    private void syncPerContact() {
        for (var it = perContact.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (!contacts.contains(e.getKey())) {
                it.remove();
                e.getValue().end();
                presences.remove(e.getKey());
                states.remove(e.getKey());
            }
        }
        for (String uri : contacts) {
            if (!perContact.containsKey(uri)) {
                SubscriptionRequest request;
                try {
                    request = PresenceSubscription.request(uri).build();
                } catch (IllegalArgumentException e) {
                    report(() -> listener.error(new PresenceKitException("cannot watch " + uri + ": "
                            + e.getMessage(), e)));
                    continue;
                }
                PresenceSubscription s = PresenceSubscription.create(engine, request, contactListener(uri));
                perContact.put(uri, s);
                presences.put(uri, ContactPresence.unknown(uri));
                s.start();
            }
        }
        publish();
    }

    private PresenceSubscription.Listener contactListener(String uri) {
        return new PresenceSubscription.Listener() {
            private boolean current() {
                PresenceSubscription s = perContact.get(uri);
                return s != null && !closing && mode == Mode.PER_CONTACT;
            }

            @Override
            public void notified(Notification n) {
                if (current()) {
                    reportState(uri, n.state(), n.reasonText().orElse(null));
                }
            }

            @Override
            public void presenceChanged(PresenceDocument document, Notification notification) {
                if (current()) {
                    updatePresence(uri, List.of(document));
                    publish();
                }
            }

            @Override
            public void bodyRejected(Notification notification, RuntimeException error) {
                if (current()) {
                    report(() -> listener.error(error instanceof PresenceKitException p ? p
                            : new PresenceKitException("unusable NOTIFY body from " + uri + ": " + error.getMessage(),
                                    error)));
                }
            }

            @Override
            public void failed(SipException error, Optional<Duration> retryIn) {
                if (current()) {
                    report(() -> listener.error(error));
                }
            }

            @Override
            public void ended(SubscriptionEnd reason, Optional<SipException> error) {
                if (current()) {
                    reportState(uri, SubscriptionState.TERMINATED, reason.name().toLowerCase(Locale.ROOT));
                    updatePresence(uri, List.of());
                    publish();
                }
            }
        };
    }

    // ---- reporting ----

    private void setMode(Mode m, String why) {
        mode = m;
        LOG.debug("watching contacts in {} mode: {}", m, why);
        report(() -> listener.modeChanged(m, why));
        started.complete(m);
    }

    private void reportState(String uri, SubscriptionState st, String reason) {
        if (states.put(uri, st) != st) {
            report(() -> listener.subscriptionStateChanged(uri, st, reason));
        }
    }

    private void updatePresence(String uri, List<PresenceDocument> documents) {
        ContactPresence next = ContactPresence.of(uri, documents);
        ContactPresence previous = presences.put(uri, next);
        if (!next.equals(previous) && !(previous == null && documents.isEmpty())) {
            report(() -> listener.presenceChanged(uri, next, List.copyOf(documents)));
        }
    }

    private void publish() {
        published = Collections.unmodifiableMap(new LinkedHashMap<>(presences));
    }

    private void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("contact presence listener failed", e);
        }
    }

    private static boolean hasToken(List<String> values, String token) {
        for (String v : values) {
            for (String t : v.split(",")) {
                if (t.trim().equalsIgnoreCase(token)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Builds a {@link ContactPresenceWatcher}. Not thread-safe. */
    public static final class Builder {
        private final SipEngine engine;
        private String listUri;
        private final List<String> contacts = new ArrayList<>();
        private Listener listener;

        private Builder(SipEngine engine) {
            this.engine = Objects.requireNonNull(engine, "engine");
        }

        /**
         * The list service URI (RFC 4662), for example Blink's {@code sip:alice+presence@example.com};
         * without it the contacts are watched one by one.
         */
        public Builder listUri(String rlsServiceUri) {
            if (rlsServiceUri != null) {
                listRequest(rlsServiceUri); // validates the URI
            }
            this.listUri = rlsServiceUri == null ? null : rlsServiceUri.trim();
            return this;
        }

        /** The contacts to watch (used in per-contact mode; the list server has its own copy). */
        public Builder contacts(Collection<String> uris) {
            contacts.clear();
            contacts.addAll(List.copyOf(uris));
            return this;
        }

        /** What to tell about it. */
        public Builder listener(Listener listener) {
            this.listener = listener;
            return this;
        }

        /** The watcher; the engine must have been started. */
        public ContactPresenceWatcher build() {
            return new ContactPresenceWatcher(this);
        }
    }
}
