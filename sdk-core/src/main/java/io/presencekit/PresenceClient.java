package io.presencekit;

import io.presencekit.error.PresenceKitException;
import io.presencekit.internal.KeyedSerialExecutor;
import io.presencekit.internal.OwnPresenceDocuments;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.pidf.watcherinfo.WatcherInfoUpdate;
import io.presencekit.sip.Notification;
import io.presencekit.sip.Publication;
import io.presencekit.sip.PublicationListener;
import io.presencekit.sip.PublicationRequest;
import io.presencekit.sip.RegistrationInfo;
import io.presencekit.sip.RegistrationState;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipEngineListener;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.Subscription;
import io.presencekit.sip.SubscriptionListener;
import io.presencekit.sip.SubscriptionRequest;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.event.ContactPresenceWatcher;
import io.presencekit.sip.event.PresenceSubscription;
import io.presencekit.sip.event.WatcherInfoSubscription;
import io.presencekit.sip.event.XcapDiffSubscription;
import io.presencekit.sip.internal.Backoff;
import io.presencekit.sip.PresenceIds;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.AddressBookManager;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.addressbook.DefaultPolicy;
import io.presencekit.xcap.addressbook.Group;
import io.presencekit.xcap.addressbook.WatcherPolicy;
import io.presencekit.xcap.diff.XcapDiff;
import io.presencekit.xcap.prescontent.PresContent;
import io.presencekit.xcap.resourcelists.ContactUri;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.store.DocumentCache;
import io.presencekit.xcap.store.FileDocumentCache;
import io.presencekit.xcap.store.XcapDocumentStore;
import java.net.URI;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One SIP account's presence, the way Blink does it, behind one object: {@link #start()}
 * registers (RFC 3261, section 10, with GRUU), loads the address book over XCAP (RFC 4825, stored
 * as Blink stores it; see {@link AddressBookManager}), publishes the own presence (RFC 3903,
 * {@link OwnPresence}), watches the contacts marked "subscribe", the watchers of the own presence (presence.winfo, RFC 3857), the account's XCAP
 * documents (xcap-diff, RFC 5874: changes made on another device reload the address book and the
 * watched set follows) and the own AoR's presence (what the account's other devices publish).
 * Contacts are watched by a {@link ContactPresenceWatcher}: one resource list subscription
 * (RFC 4662) to {@link AddressBookManager#presenceListUri()} when the list option is on and the
 * server has that list, else one presence subscription (RFC 3856) per contact.
 * Everything it learns goes to the {@link PresenceListener}.
 *
 * <p>XCAP is optional and fails soft: without an XCAP root, or when the XCAP server cannot be
 * reached at start, the client runs with an empty address book in state
 * {@link ClientState.Status#DEGRADED}; presence publication, watcher information and
 * {@link #subscribe} keep working. An XCAP server that was unreachable is tried again (after a
 * random delay of at most 5 s, the bound doubling up to 5 minutes, and at once when the SIP
 * connection comes back or an address book operation succeeds); when it answers, the listener
 * hears
 * {@link PresenceListener#contactsLoaded}, the contacts are watched (through the list server
 * when the list option is on), xcap-diff starts and the client goes back to
 * {@link ClientState.Status#ONLINE}.
 *
 * <p>Invisibility ({@link OwnPresence.Availability#INVISIBLE}) publishes a closed, offline
 * document while every subscription stays active.
 *
 * <p>Thread-safe: every public method may be called from any thread. Protocol state lives on the
 * SIP engine's loop; listener calls run on the callback executor, in order per contact.
 */
public final class PresenceClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceClient.class);
    private static final String CLIENT_KEY = "";
    /** Retries of an unavailable XCAP server: full jitter below 5 s doubling up to 5 min, at least 1 s. */
    private static final Backoff XCAP_BACKOFF = new Backoff(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofSeconds(1), new java.util.Random());

    private final SipAccount account;
    private final PresenceListener listener;
    private final ExecutorService ownedExecutor;
    private final KeyedSerialExecutor callbacks;
    private final boolean listSubscription;
    private final boolean selfSubscription;
    private final SipSettings settings;
    private final SipEngine engine;
    private final XcapClient xcap;
    private final AddressBookManager manager;
    private final OwnPresenceDocuments documents;

    private final Object lock = new Object();
    private ClientState state = ClientState.OFFLINE;
    private CompletableFuture<Void> started;
    private boolean closed;
    private boolean xcapAvailable;
    private boolean connectionDegraded;
    private AddressBook addressBook = AddressBook.EMPTY;
    private OwnPresence ownPresence;
    private String iconUrl;
    private Publication publication;
    private ContactPresenceWatcher watch;
    private Set<String> watched = Set.of();
    private WatcherInfoSubscription winfo;
    private XcapDiffSubscription xcapDiff;
    private int watchGeneration;
    private int xcapRetries;
    private ScheduledFuture<?> xcapRetry;
    private PresenceSubscription self;
    private final Map<String, ContactPresence> presence = new LinkedHashMap<>();
    private List<Watcher> watchers = List.of();
    private ContactPresence otherDevices;

    private PresenceClient(Builder b) {
        this.account = b.account;
        this.listener = b.listener != null ? b.listener : new PresenceListener() { };
        if (b.executor != null) {
            this.ownedExecutor = null;
            this.callbacks = new KeyedSerialExecutor(b.executor, this::listenerFailed);
        } else {
            this.ownedExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "presencekit-callbacks-" + account.user());
                t.setDaemon(true);
                return t;
            });
            this.callbacks = new KeyedSerialExecutor(ownedExecutor, this::listenerFailed);
        }
        this.listSubscription = b.listSubscription;
        this.selfSubscription = b.selfSubscription;
        this.settings = b.settings;
        this.ownPresence = b.initialPresence;
        this.engine = new SipEngine(account, b.settings, new EngineEvents());
        if (b.xcapRoot != null) {
            XcapClient.Builder xb = XcapClient.builder(b.xcapRoot)
                    .credentials(account.authUser(), account.password()).compatibility(b.xcapCompatibility)
                    .userAgent(account.userAgent());
            if (b.xcapTrust != null) {
                xb.trustStore(b.xcapTrust);
            }
            this.xcap = xb.build();
            // one cache per device: a cache shared by two devices of the account would hide each
            // other's changes from xcap-diff (the store refetches only what its cache lacks)
            DocumentCache cache = b.xcapCache != null ? b.xcapCache
                    : new FileDocumentCache(account.stateDirectory().resolve("xcap-cache"));
            XcapDocumentStore store = XcapDocumentStore.builder(xcap).cache(cache).build();
            this.manager = AddressBookManager.builder(xcap, account.aor()).store(store).build();
        } else {
            this.xcap = null;
            this.manager = null;
        }
        this.documents = new OwnPresenceDocuments(account.aor(), PresenceIds.of(account), account.userAgent());
    }

    /** A builder for {@code account}. */
    public static Builder builder(SipAccount account) {
        return new Builder(account);
    }

    // ------------------------------------------------------------------ lifecycle

    /**
     * Registers, loads the address book, publishes the own presence and starts the subscriptions.
     * Completes when the registration succeeded and the first publication was answered; fails with
     * the {@link SipException} of the registration (the client is then offline; close it).
     * Calling it again returns the same future.
     */
    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("client closed"));
            }
            if (started != null) {
                return started;
            }
            started = new CompletableFuture<>();
        }
        changeState(ClientState.STARTING);
        engine.start()
                .thenCompose(x -> loadAddressBook())
                .thenCompose(book -> {
                    emit(() -> listener.contactsLoaded(book));
                    startSubscriptions();
                    return publishInitial();
                })
                .whenComplete((x, e) -> {
                    if (e != null) {
                        Throwable cause = unwrap(e);
                        changeState(ClientState.offline(cause.getMessage() == null ? cause.toString() : cause.getMessage()));
                        started.completeExceptionally(cause);
                    } else {
                        changeState(healthyState());
                        started.complete(null);
                    }
                });
        return started;
    }

    private CompletableFuture<AddressBook> loadAddressBook() {
        if (manager == null) {
            synchronized (lock) {
                xcapAvailable = false;
            }
            return CompletableFuture.completedFuture(AddressBook.EMPTY);
        }
        return fetchAddressBook().exceptionally(e -> {
            Throwable cause = unwrap(e);
            LOG.warn("{}: address book unavailable ({}); presence goes on without it, retrying", account.aor(),
                    cause.toString());
            reportError(cause, "address book unavailable");
            scheduleXcapRetry();
            return AddressBook.EMPTY;
        });
    }

    /**
     * Reads (and normalises, as Blink does at start: this also writes the rule that lets the
     * account's other devices watch the own AoR) the address book and the status icon; on success
     * the XCAP server counts as available.
     */
    private CompletableFuture<AddressBook> fetchAddressBook() {
        CompletableFuture<Optional<PresContent>> icon = manager.statusIcon()
                .exceptionally(e -> Optional.empty());
        return manager.normalize().thenCombine(icon, (book, i) -> {
            synchronized (lock) {
                addressBook = book;
                xcapAvailable = true;
                xcapRetries = 0;
                iconUrl = i.isPresent() ? manager.statusIconUri().toUri().toString() : null;
            }
            return book;
        }).whenComplete((book, e) -> {
            if (e != null) {
                synchronized (lock) {
                    xcapAvailable = false;
                }
            }
        });
    }

    /**
     * Tries the XCAP server again after a back-off ({@link #XCAP_BACKOFF}) while it is
     * unavailable; once it answers, {@link #xcapRecovered} loads what was missed.
     */
    private void scheduleXcapRetry() {
        Duration delay;
        synchronized (lock) {
            if (closed || manager == null || xcapAvailable || xcapRetry != null) {
                return;
            }
            delay = XCAP_BACKOFF.delay(xcapRetries++);
            if (!scheduleXcapRetryLocked(delay)) {
                return;
            }
        }
        LOG.info("{}: trying the XCAP server again in {} ms", account.aor(), delay.toMillis());
    }

    /** When a retry is pending (the server was unavailable), tries at once and starts the back-off again. */
    private void retryXcapSoon() {
        synchronized (lock) {
            if (xcapRetry == null || xcapAvailable || !xcapRetry.cancel(false)) {
                return;
            }
            xcapRetry = null;
            xcapRetries = 0;
            scheduleXcapRetryLocked(Duration.ZERO);
        }
    }

    /** Schedules {@link #retryXcap} on the engine's loop; false when the engine is stopped. Holds the lock. */
    private boolean scheduleXcapRetryLocked(Duration delay) {
        try {
            xcapRetry = engine.core().loop.schedule(delay, this::retryXcap);
            return true;
        } catch (RuntimeException stopped) {
            LOG.debug("{}: no XCAP retry, the engine is stopped", account.aor());
            return false;
        }
    }

    private void retryXcap() {
        String oldIcon;
        synchronized (lock) {
            xcapRetry = null;
            if (closed || xcapAvailable) {
                return;
            }
            oldIcon = iconUrl;
        }
        fetchAddressBook().whenComplete((book, e) -> {
            if (e != null) {
                LOG.info("{}: XCAP server still unavailable: {}", account.aor(), unwrap(e).toString());
                scheduleXcapRetry();
            } else {
                xcapRecovered(book, oldIcon);
            }
        });
    }

    /**
     * The XCAP server answers after failing at start: reports the address book, watches its
     * contacts (through the list server when configured, replacing the per-contact watch),
     * subscribes to xcap-diff, republishes when the status icon is now known, and reports the
     * client healthy again.
     */
    private void xcapRecovered(AddressBook book, String oldIcon) {
        boolean republish;
        synchronized (lock) {
            if (closed) {
                return;
            }
            republish = !Objects.equals(oldIcon, iconUrl);
        }
        LOG.info("{}: XCAP server available again; address book of {} contacts loaded", account.aor(),
                book.contacts().size());
        emit(() -> listener.contactsLoaded(book));
        if (listSubscription) {
            watchThroughList(book);
        }
        followAddressBook(book);
        startXcapDiff();
        if (republish) {
            republish().exceptionally(e -> {
                reportError(unwrap(e), "publication with the status icon failed");
                return null;
            });
        }
        changeState(healthyState());
    }

    /**
     * Replaces the current watch by one of the address book's contacts through its list service
     * (RFC 4662), started once the old one has ended; {@link #followAddressBook} then finds the
     * watched set up to date.
     */
    private void watchThroughList(AddressBook book) {
        Set<String> uris = watchedUris(book);
        ContactPresenceWatcher old;
        ContactPresenceWatcher next;
        synchronized (lock) {
            if (closed) {
                return;
            }
            old = watch;
            next = newWatchLocked(uris, true);
            watch = next;
            watched = uris;
        }
        CompletableFuture<Void> ended = old == null ? CompletableFuture.completedFuture(null)
                : old.close().exceptionally(e -> null);
        ended.thenRun(() -> startWatch(next));
    }

    /**
     * A watcher of {@code uris}, through the address book's list service when {@code throughList};
     * its events count while it is the newest one. Holds the lock.
     */
    private ContactPresenceWatcher newWatchLocked(Set<String> uris, boolean throughList) {
        ContactPresenceWatcher.Builder wb = ContactPresenceWatcher.builder(engine).contacts(uris)
                .listener(new WatchEvents(++watchGeneration));
        if (throughList) {
            wb.listUri(manager.presenceListUri());
        }
        return wb.build();
    }

    private void startWatch(ContactPresenceWatcher w) {
        w.start().whenComplete((mode, e) -> LOG.debug("{}: contacts watched {}", account.aor(),
                e != null ? "by nothing: " + e.getMessage() : "in mode " + mode));
    }

    private CompletableFuture<Void> publishInitial() {
        Publication p = engine.publish(PublicationRequest.builder().build(), new PublicationListener() { });
        synchronized (lock) {
            publication = p;
        }
        return p.update(ownDocument()).handle((r, e) -> {
            if (e != null) {
                reportError(unwrap(e), "initial publication failed");
            }
            return null;
        });
    }

    private void startSubscriptions() {
        Set<String> uris = watchedUris(addressBook());
        ContactPresenceWatcher w;
        synchronized (lock) {
            w = newWatchLocked(uris, listSubscription && manager != null && xcapAvailable);
        }
        WatcherInfoSubscription wi = WatcherInfoSubscription.create(engine,
                WatcherInfoSubscription.request(account.aor()).build(), new WinfoEvents());
        PresenceSubscription me = selfSubscription ? PresenceSubscription.create(engine,
                PresenceSubscription.request(account.aor()).build(), new SelfEvents()) : null;
        synchronized (lock) {
            if (closed) {
                return;
            }
            watch = w;
            watched = uris;
            winfo = wi;
            self = me;
        }
        startWatch(w);
        wi.start().exceptionally(e -> null);
        if (me != null) {
            me.start().exceptionally(e -> null);
        }
        startXcapDiff();
    }

    /** Subscribes to changes of the account's XCAP documents (RFC 5875), when the server is available. */
    private void startXcapDiff() {
        if (manager == null || !xcapAvailable()) {
            return;
        }
        manager.presRulesUri().exceptionally(e -> null).thenAccept(presRules -> {
            List<XcapUri> docs = new ArrayList<>(List.of(manager.resourceListsUri(), manager.rlsServicesUri(),
                    manager.statusIconUri()));
            if (presRules != null) {
                docs.add(presRules);
            }
            XcapDiffSubscription d = XcapDiffSubscription.create(engine,
                    XcapDiffSubscription.request(account.aor(), docs).build(), manager.store(), new DiffEvents());
            synchronized (lock) {
                if (closed || xcapDiff != null) {
                    return;
                }
                xcapDiff = d;
            }
            d.start().exceptionally(e -> null);
        });
    }

    /**
     * Ends the publication (removing the own presence), the subscriptions and the registration,
     * waiting at most {@code timeout} in all, then stops everything. The listener hears
     * {@link ClientState#OFFLINE} last.
     */
    public void close(Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        ContactPresenceWatcher w;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            w = watch;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        if (w != null) {
            try {
                w.close().get(Math.max(0, deadline - System.nanoTime()) / 2, java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // closing anyway
            }
        }
        engine.close(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        finish();
    }

    /** Closes with a timeout of 5 s; see {@link #close(Duration)}. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /** Stops everything at once: nothing is unpublished, unsubscribed or unregistered. */
    public void closeNow() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
        }
        engine.closeNow();
        finish();
    }

    private void finish() {
        ScheduledFuture<?> retry;
        synchronized (lock) {
            retry = xcapRetry;
            xcapRetry = null;
        }
        if (retry != null) {
            retry.cancel(false);
        }
        if (xcap != null) {
            xcap.close();
        }
        changeState(ClientState.OFFLINE);
        if (ownedExecutor != null) {
            ownedExecutor.shutdown();
        }
    }

    // ------------------------------------------------------------------ state

    /** The client's state now. */
    public ClientState state() {
        synchronized (lock) {
            return state;
        }
    }

    /** The account. */
    public SipAccount account() {
        return account;
    }

    /** The address book as known now (empty until loaded, or without XCAP). */
    public AddressBook addressBook() {
        synchronized (lock) {
            return addressBook;
        }
    }

    /** The presence of every watched contact heard from so far, by URI. */
    public Map<String, ContactPresence> contactPresence() {
        synchronized (lock) {
            return Map.copyOf(presence);
        }
    }

    /** The watchers of the own presence, as the last watcher-info notification listed them. */
    public List<Watcher> watchers() {
        synchronized (lock) {
            return watchers;
        }
    }

    /** The own presence this device publishes. */
    public OwnPresence ownPresence() {
        synchronized (lock) {
            return ownPresence;
        }
    }

    /** What the account's other devices publish, when known. */
    public Optional<ContactPresence> otherDevicesPresence() {
        synchronized (lock) {
            return Optional.ofNullable(otherDevices);
        }
    }

    /** The URIs the client watches now: those of the contacts (and watcher policies) marked "subscribe". */
    public Set<String> watchedContacts() {
        synchronized (lock) {
            return watched;
        }
    }

    /** How the contacts are watched (list or per contact), once started. */
    public Optional<ContactPresenceWatcher.Mode> watchMode() {
        ContactPresenceWatcher w;
        synchronized (lock) {
            w = watch;
        }
        return w == null ? Optional.empty() : Optional.of(w.mode());
    }

    /** The address book manager, when an XCAP root was given (for what the facade does not cover). */
    public Optional<AddressBookManager> addressBookManager() {
        return Optional.ofNullable(manager);
    }

    /** The SIP engine (for what the facade does not cover); valid after {@link #start()}. */
    public SipEngine engine() {
        return engine;
    }

    // ------------------------------------------------------------------ own presence

    /**
     * Publishes {@code presence} as this device's state. Completes when the server accepted it;
     * fails with the {@link SipException} the publication gave up on.
     */
    public CompletableFuture<Void> setPresence(OwnPresence presence) {
        Objects.requireNonNull(presence, "presence");
        Publication p;
        synchronized (lock) {
            ownPresence = presence;
            p = publication;
        }
        if (p == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("client not started"));
        }
        return p.update(ownDocument()).thenApply(r -> null);
    }

    private byte[] ownDocument() {
        OwnPresence own;
        String icon;
        synchronized (lock) {
            own = ownPresence;
            icon = iconUrl;
        }
        PresenceDocument doc = documents.document(own, icon, settings.clock().instant());
        return PidfCodec.standard().write(doc);
    }

    private CompletableFuture<Void> republish() {
        Publication p;
        synchronized (lock) {
            p = publication;
        }
        return p == null ? CompletableFuture.completedFuture(null) : p.update(ownDocument()).thenApply(r -> null);
    }

    /**
     * Stores the status icon (OMA pres-content) and publishes its URL (CIPID icon, RFC 4482,
     * section 3.2).
     */
    public CompletableFuture<Void> setIcon(byte[] image, String mimeType) {
        return xcapManager().thenCompose(m -> m.setStatusIcon(image, mimeType)).thenCompose(x -> {
            synchronized (lock) {
                iconUrl = manager.statusIconUri().toUri().toString();
            }
            return republish();
        });
    }

    /** Deletes the status icon and publishes the presence without it. */
    public CompletableFuture<Void> clearIcon() {
        return xcapManager().thenCompose(AddressBookManager::clearStatusIcon).thenCompose(x -> {
            synchronized (lock) {
                iconUrl = null;
            }
            return republish();
        });
    }

    /** The status icon of another user ({@code sip:user@domain}), if stored and readable. */
    public CompletableFuture<Optional<PresContent>> iconOf(String aor) {
        Objects.requireNonNull(aor, "aor");
        return xcapManager().thenCompose(m -> m.statusIconOf(aor));
    }

    /**
     * Stores the offline status (RFC 4827 pidf-manipulation): what watchers see, with
     * {@code note}, while no device of the account publishes.
     */
    public CompletableFuture<Void> setOfflineStatus(Note note) {
        Objects.requireNonNull(note, "note");
        PresenceDocument doc = documents.offlineDocument(note, settings.clock().instant());
        return xcapManager().thenCompose(m -> m.setOfflineStatus(doc));
    }

    /** Deletes the offline status. */
    public CompletableFuture<Void> clearOfflineStatus() {
        return xcapManager().thenCompose(AddressBookManager::clearOfflineStatus);
    }

    // ------------------------------------------------------------------ contacts

    /** Adds a contact; watched when {@link Contact#subscribe()}, allowed or blocked per its policy. */
    public CompletableFuture<AddressBook> addContact(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        return local(m -> m.addContact(contact));
    }

    /** Replaces the contact with the id of {@code contact}. */
    public CompletableFuture<AddressBook> updateContact(Contact contact) {
        Objects.requireNonNull(contact, "contact");
        return local(m -> m.updateContact(contact));
    }

    /** Removes the contact with id {@code contactId} (no longer watched). */
    public CompletableFuture<AddressBook> removeContact(String contactId) {
        Objects.requireNonNull(contactId, "contactId");
        return local(m -> m.removeContact(contactId));
    }

    /** Adds a group. */
    public CompletableFuture<AddressBook> addGroup(Group group) {
        Objects.requireNonNull(group, "group");
        return local(m -> m.addGroup(group));
    }

    /** Replaces the group with the id of {@code group}. */
    public CompletableFuture<AddressBook> updateGroup(Group group) {
        Objects.requireNonNull(group, "group");
        return local(m -> m.updateGroup(group));
    }

    /** Removes the group with id {@code groupId} (not its contacts). */
    public CompletableFuture<AddressBook> removeGroup(String groupId) {
        Objects.requireNonNull(groupId, "groupId");
        return local(m -> m.removeGroup(groupId));
    }

    // ------------------------------------------------------------------ watchers

    /**
     * Lets {@code uri} see the user's presence: the contact having that URI gets policy allow,
     * else a watcher policy allow is stored (OMA pres-rules through the address book).
     */
    public CompletableFuture<AddressBook> allowWatcher(String uri) {
        return decide(uri, HandlingPolicy.ALLOW);
    }

    /**
     * Lasting refusal: {@code uri}'s subscriptions are rejected from now on (policy block on the
     * contact, else a watcher policy block).
     */
    public CompletableFuture<AddressBook> blockWatcher(String uri) {
        return decide(uri, HandlingPolicy.BLOCK);
    }

    /**
     * Declines {@code uri}'s request without a lasting rule: any allow or block decision for it is
     * dropped, so the watcher falls back to the {@link DefaultPolicy} (with
     * {@link DefaultPolicy#CONFIRM}, the default, it stays pending and sees nothing).
     */
    public CompletableFuture<AddressBook> denyWatcher(String uri) {
        Objects.requireNonNull(uri, "uri");
        return local(m -> {
            AddressBook book = addressBook();
            Optional<Contact> c = book.contactByUri(uri);
            if (c.isPresent()) {
                return m.updateContact(c.get().toBuilder().policy(HandlingPolicy.DEFAULT).build());
            }
            if (book.watcherPolicy(uri).isPresent()) {
                return m.removeWatcherPolicy(uri);
            }
            return CompletableFuture.completedFuture(book);
        });
    }

    /** What happens to watchers that are neither contacts nor have a decision. */
    public CompletableFuture<AddressBook> setDefaultPolicy(DefaultPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return local(m -> m.setDefaultPolicy(policy));
    }

    private CompletableFuture<AddressBook> decide(String uri, HandlingPolicy policy) {
        Objects.requireNonNull(uri, "uri");
        return local(m -> {
            AddressBook book = addressBook();
            Optional<Contact> c = book.contactByUri(uri);
            if (c.isPresent()) {
                return m.updateContact(c.get().toBuilder().policy(policy).build());
            }
            WatcherPolicy p = book.watcherPolicy(uri).map(old -> old.toBuilder().policy(policy).build())
                    .orElseGet(() -> WatcherPolicy.of(uri, policy));
            return m.setWatcherPolicy(p);
        });
    }

    // ------------------------------------------------------------------ passthroughs

    /** Publishes other event state (RFC 3903) with this client's engine; see {@link SipEngine#publish}. */
    public Publication publish(PublicationRequest request, PublicationListener publicationListener) {
        return engine.publish(request, publicationListener);
    }

    /**
     * A subscription (RFC 6665) with this client's engine; see {@link SipEngine#subscribe}. Start
     * it with {@link Subscription#start()}; its listener runs on the SIP event loop.
     */
    public Subscription subscribe(SubscriptionRequest request, SubscriptionListener subscriptionListener) {
        return engine.subscribe(request, subscriptionListener);
    }

    // ------------------------------------------------------------------ internals

    private CompletableFuture<AddressBookManager> xcapManager() {
        if (manager == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no XCAP root configured"));
        }
        return CompletableFuture.completedFuture(manager);
    }

    private boolean xcapAvailable() {
        synchronized (lock) {
            return xcapAvailable;
        }
    }

    private CompletableFuture<AddressBook> local(
            java.util.function.Function<AddressBookManager, CompletableFuture<AddressBook>> change) {
        return xcapManager().thenCompose(change).thenApply(book -> {
            boolean changed;
            synchronized (lock) {
                changed = !book.equals(addressBook);
                addressBook = book;
            }
            if (changed) {
                emit(() -> listener.contactsChanged(book, Origin.LOCAL));
                followAddressBook(book);
            }
            // the server answers again: load everything that was missed now
            retryXcapSoon();
            return book;
        });
    }

    /** Watches what the address book says, and asks for the watcher table again (Kamailio does not notify authorization changes). */
    private void followAddressBook(AddressBook book) {
        ContactPresenceWatcher w;
        WatcherInfoSubscription wi;
        Set<String> uris = watchedUris(book);
        boolean changed;
        synchronized (lock) {
            w = watch;
            wi = winfo;
            changed = !uris.equals(watched);
            watched = uris;
            presence.keySet().retainAll(uris);
        }
        if (w != null && changed) {
            w.setContacts(uris);
        }
        if (wi != null) {
            wi.refresh();
        }
    }

    private Set<String> watchedUris(AddressBook book) {
        Set<String> out = new LinkedHashSet<>();
        // the list server watches what the address book's presence list holds: the same URIs
        for (Contact c : book.contacts()) {
            if (c.subscribe()) {
                c.uris().stream().map(ContactUri::uri).forEach(out::add);
            }
        }
        for (WatcherPolicy p : book.watcherPolicies()) {
            if (p.subscribe()) {
                out.add(p.uri());
            }
        }
        out.remove(account.aor());
        return out;
    }

    private boolean decided(String uri) {
        AddressBook book = addressBook();
        return book.contactByUri(uri).map(c -> c.policy() != HandlingPolicy.DEFAULT).orElse(false)
                || book.watcherPolicy(uri).map(p -> p.policy() != HandlingPolicy.DEFAULT).orElse(false);
    }

    private ClientState healthyState() {
        synchronized (lock) {
            if (closed) {
                return ClientState.OFFLINE;
            }
            if (connectionDegraded) {
                return ClientState.degraded("connection to the server lost; recovering");
            }
            if (manager == null) {
                return ClientState.degraded("no XCAP server: address book unavailable");
            }
            if (!xcapAvailable) {
                return ClientState.degraded("XCAP server unreachable: address book unavailable");
            }
            return ClientState.ONLINE;
        }
    }

    private void changeState(ClientState next) {
        synchronized (lock) {
            if (next.equals(state) || (closed && next.status() != ClientState.Status.OFFLINE)) {
                return;
            }
            if (state.status() == ClientState.Status.OFFLINE && closed) {
                return;
            }
            state = next;
        }
        emit(() -> listener.clientStateChanged(next));
    }

    private void reportError(Throwable cause, String what) {
        PresenceKitException error = cause instanceof PresenceKitException p ? p
                : new PresenceKitException(what + ": " + cause.getMessage(), cause);
        emit(() -> listener.error(error));
    }

    private void emit(Runnable call) {
        callbacks.execute(CLIENT_KEY, call);
    }

    private void listenerFailed(Throwable t) {
        if (t instanceof java.util.concurrent.RejectedExecutionException) {
            LOG.debug("{}: callback dropped, the callback executor is shut down", account.aor());
        } else {
            LOG.warn("{}: the presence listener threw", account.aor(), t);
        }
    }

    private static Throwable unwrap(Throwable e) {
        while ((e instanceof CompletionException || e instanceof java.util.concurrent.ExecutionException)
                && e.getCause() != null) {
            e = e.getCause();
        }
        return e;
    }

    private final class EngineEvents implements SipEngineListener {
        @Override
        public void registrationChanged(RegistrationState regState, RegistrationInfo info, SipException error) {
            boolean live;
            synchronized (lock) {
                live = started != null && started.isDone() && !closed;
            }
            if (!live) {
                return;
            }
            if (regState == RegistrationState.REGISTERED) {
                changeState(healthyState());
            } else if (regState == RegistrationState.FAILED || regState == RegistrationState.AUTHENTICATION_FAILED) {
                changeState(ClientState.degraded("registration failed"
                        + (error != null ? ": " + error.getMessage() : "")));
            }
        }

        @Override
        public void connectionDegraded(String reason) {
            synchronized (lock) {
                connectionDegraded = true;
            }
            changeState(ClientState.degraded("connection lost: " + reason));
        }

        @Override
        public void connectionRestored() {
            synchronized (lock) {
                connectionDegraded = false;
            }
            changeState(healthyState());
            // the network is back: an XCAP server that was unavailable is tried now, not after the back-off
            retryXcapSoon();
        }

        @Override
        public void unexpectedError(Throwable error) {
            reportError(error, "SIP engine failure");
        }
    }

    private final class WatchEvents implements ContactPresenceWatcher.Listener {
        private final int generation;

        WatchEvents(int generation) {
            this.generation = generation;
        }

        @Override
        public void presenceChanged(String uri, ContactPresence p, List<PresenceDocument> docs) {
            Optional<Contact> contact;
            synchronized (lock) {
                if (generation != watchGeneration) {
                    return; // a watch that was replaced
                }
                presence.put(uri, p);
                contact = addressBook.contactByUri(uri);
            }
            ContactPresenceEvent event = new ContactPresenceEvent(uri, contact, p, docs);
            callbacks.execute(uri, () -> listener.contactPresenceChanged(event));
        }

        @Override
        public void subscriptionStateChanged(String uri, SubscriptionState subState, String reason) {
            LOG.debug("{}: subscription to {} is {}{}", account.aor(), uri, subState,
                    reason == null ? "" : " (" + reason + ")");
        }

        @Override
        public void modeChanged(ContactPresenceWatcher.Mode mode, String why) {
            LOG.info("{}: contacts watched {} ({})", account.aor(), mode, why);
        }

        @Override
        public void error(PresenceKitException error) {
            emit(() -> listener.error(error));
        }
    }

    private final class WinfoEvents implements WatcherInfoSubscription.Listener {
        @Override
        public void watchersChanged(WatcherInfoUpdate update, Notification notification) {
            List<Watcher> all = update.state().watchers();
            synchronized (lock) {
                watchers = List.copyOf(all);
            }
            for (Watcher w : update.newlyAwaitingAuthorization()) {
                if (!decided(w.uri())) {
                    emit(() -> listener.watcherRequest(w));
                }
            }
            emit(() -> listener.watchersChanged(all));
        }

        @Override
        public void bodyRejected(Notification notification, RuntimeException error) {
            reportError(error, "unreadable watcher information");
        }
    }

    private final class SelfEvents implements PresenceSubscription.Listener {
        @Override
        public void presenceChanged(PresenceDocument document, Notification notification) {
            Optional<PresenceDocument> others = documents.fromOtherDevices(document);
            ContactPresence view = others.map(documents::view).orElse(null);
            synchronized (lock) {
                if (Objects.equals(view, otherDevices)) {
                    return;
                }
                otherDevices = view;
            }
            ContactPresence reported = view != null ? view : ContactPresence.unknown(account.aor());
            emit(() -> listener.ownPresenceChanged(reported));
        }
    }

    private final class DiffEvents implements XcapDiffSubscription.Listener {
        @Override
        public void documentsChanged(XcapDiff diff, Notification notification) {
            LOG.debug("{}: xcap-diff {}", account.aor(), diff);
        }

        @Override
        public void documentsRefetched(XcapDiff diff, List<XcapUri> changed) {
            LOG.debug("{}: refetched {}", account.aor(), changed);
            if (changed.isEmpty()) {
                return;
            }
            if (changed.contains(manager.statusIconUri())) {
                manager.statusIcon().thenAccept(icon -> {
                    synchronized (lock) {
                        iconUrl = icon.isPresent() ? manager.statusIconUri().toUri().toString() : null;
                    }
                });
            }
            manager.load().whenComplete((book, e) -> {
                if (e != null) {
                    reportError(unwrap(e), "address book reload failed");
                    return;
                }
                boolean differs;
                synchronized (lock) {
                    differs = !book.equals(addressBook);
                    addressBook = book;
                }
                if (differs) {
                    emit(() -> listener.contactsChanged(book, Origin.REMOTE));
                    followAddressBook(book);
                }
            });
        }

        @Override
        public void refetchFailed(XcapDiff diff, Throwable error) {
            reportError(unwrap(error), "address book refetch failed");
        }
    }

    /** Builds a {@link PresenceClient}. Not thread-safe. */
    public static final class Builder {
        private final SipAccount account;
        private SipSettings settings = SipSettings.DEFAULT;
        private URI xcapRoot;
        private XcapCompatibility xcapCompatibility = XcapCompatibility.STANDARD;
        private KeyStore xcapTrust;
        private DocumentCache xcapCache;
        private PresenceListener listener;
        private Executor executor;
        private boolean listSubscription = true;
        private boolean selfSubscription = true;
        private OwnPresence initialPresence = OwnPresence.AVAILABLE;

        private Builder(SipAccount account) {
            this.account = Objects.requireNonNull(account, "account");
        }

        /** The SIP settings (trust, timeouts, clock, scheduler); {@link SipSettings#DEFAULT} unless set. */
        public Builder settings(SipSettings settings) {
            this.settings = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /** The XCAP root URI (RFC 4825, section 6.1); without one the client runs without address book. */
        public Builder xcapRoot(URI root) {
            this.xcapRoot = root;
            return this;
        }

        /** The XCAP root URI as a string. */
        public Builder xcapRoot(String root) {
            return xcapRoot(root == null ? null : URI.create(root));
        }

        /** How the XCAP server deviates from RFC 4825 ({@link XcapCompatibility#STANDARD} unless set). */
        public Builder xcapCompatibility(XcapCompatibility compatibility) {
            this.xcapCompatibility = Objects.requireNonNull(compatibility, "compatibility");
            return this;
        }

        /**
         * Where XCAP documents are cached between runs; files under the account's
         * {@link SipAccount#stateDirectory()} unless set. Give each device its own cache.
         */
        public Builder xcapCache(DocumentCache cache) {
            this.xcapCache = cache;
            return this;
        }

        /** The certificates to trust for an {@code https} XCAP root (the JVM's unless set). */
        public Builder xcapTrustStore(KeyStore trustStore) {
            this.xcapTrust = trustStore;
            return this;
        }

        public Builder listener(PresenceListener listener) {
            this.listener = listener;
            return this;
        }

        /**
         * Where listener calls run; one single thread owned by the client unless set. Calls about
         * one contact are still made one at a time and in order on a multi-threaded executor.
         */
        public Builder callbackExecutor(Executor executor) {
            this.executor = executor;
            return this;
        }

        /** Whether to watch contacts through one RLS list subscription (RFC 4662); yes unless set. */
        public Builder useListSubscription(boolean yes) {
            this.listSubscription = yes;
            return this;
        }

        /**
         * Whether to subscribe to the own AoR's presence to learn what the account's other
         * devices publish ({@link PresenceListener#ownPresenceChanged}); yes unless set.
         */
        public Builder subscribeToOwnPresence(boolean yes) {
            this.selfSubscription = yes;
            return this;
        }

        /** The presence published at start; available unless set. */
        public Builder initialPresence(OwnPresence presence) {
            this.initialPresence = Objects.requireNonNull(presence, "presence");
            return this;
        }

        public PresenceClient build() {
            return new PresenceClient(this);
        }
    }
}
