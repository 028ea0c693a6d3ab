package io.presencekit.xcap.addressbook;

import io.presencekit.pidf.PresenceDocument;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.addressbook.internal.BlinkLayout;
import io.presencekit.xcap.directory.DirectoryEntry;
import io.presencekit.xcap.directory.XcapDirectory;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.prescontent.PresContent;
import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.rlsservices.RlsServices;
import io.presencekit.xcap.store.DocumentFormat;
import io.presencekit.xcap.store.StoredDocument;
import io.presencekit.xcap.store.XcapDocumentStore;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user's address book over XCAP, stored the way Blink (python-sipsimple) stores it, so that
 * both clients share one address book:
 *
 * <ul>
 * <li>contacts, groups and watcher policies are {@code addressbook:contact}, {@code group} and
 * {@code policy-element} elements of the {@code sipsimple_addressbook} list in the
 * resource-lists document {@code index} (RFC 4826, section 3);</li>
 * <li>the derived lists {@code oma_grantedcontacts}, {@code oma_blockedcontacts} and
 * {@code sipsimple_presence_rls} (and their dialog counterparts) are rebuilt when their content
 * changes;</li>
 * <li>the rls-services document {@code index} (RFC 4826, section 4) holds the service
 * {@code sip:<user>+presence@<domain>} whose {@code resource-list} points at
 * {@code sipsimple_presence_rls} in the form Kamailio's RLS resolves;</li>
 * <li>the pres-rules document (RFC 5025; found through the OMA xcap-directory, never a second
 * one created) holds Blink's {@code wp_prs_*} rules, which also carry explicit {@code identity}
 * conditions for servers that ignore OMA {@code external-list} (block rules first, the default
 * rule last). Rules, lists and services of other clients and elements in unknown namespaces are
 * kept (python-sipsimple deletes foreign rules).</li>
 * </ul>
 *
 * <p>Every change is an {@link XcapDocumentStore#update} operation: when another device changed
 * a document in between (412), the change is applied again to the new version, so both land.
 * A document whose model does not change is not written. Each method returns the address book as
 * it is after the change.
 *
 * <p>Also the status icon (OMA pres-content {@code oma_status-icon/index}) and the offline
 * status (RFC 4827 pidf-manipulation {@code index}).
 *
 * <p>Thread-safe; the manager does not own the client or the store.
 */
public final class AddressBookManager {
    private static final Logger LOG = LoggerFactory.getLogger(AddressBookManager.class);
    private static final Duration DEFAULT_VERIFY_DELAY = Duration.ofMillis(200);

    private final XcapClient client;
    private final XcapDocumentStore store;
    private final String aor;
    private final XcapUri resourceLists;
    private final XcapUri rlsServices;
    private final XcapUri statusIcon;
    private final XcapUri offlineStatus;
    private final XcapUri directory;
    private final String resourceListsUrl;
    private final AtomicReference<CompletableFuture<XcapUri>> presRules = new AtomicReference<>();

    private AddressBookManager(Builder b) {
        this.client = b.client;
        this.store = b.store != null ? b.store : XcapDocumentStore.builder(b.client).build();
        this.aor = b.aor;
        this.resourceLists = userDocument(ApplicationUsage.RESOURCE_LISTS.auid(), "index");
        this.rlsServices = userDocument(ApplicationUsage.RLS_SERVICES.auid(), "index");
        this.statusIcon = userDocument(ApplicationUsage.OMA_PRES_CONTENT.auid(), "oma_status-icon", "index");
        this.offlineStatus = userDocument(ApplicationUsage.PIDF_MANIPULATION.auid(), "index");
        this.directory = userDocument(ApplicationUsage.OMA_XCAP_DIRECTORY.auid(), "directory.xml");
        this.resourceListsUrl = resourceLists.toUri().toString();
        if (b.presRules != null) {
            presRules.set(CompletableFuture.completedFuture(b.presRules));
        }
    }

    /** A builder for the address book of {@code aor} ({@code sip:user@domain}, also the XUI). */
    public static Builder builder(XcapClient client, String aor) {
        return new Builder(client, aor);
    }

    private XcapUri userDocument(String auid, String... path) {
        return client.uri().auid(auid).user(aor).document(path).build();
    }

    /** The account's AoR. */
    public String aor() {
        return aor;
    }

    /** The document store the manager writes through. */
    public XcapDocumentStore store() {
        return store;
    }

    /** The resource-lists document holding the address book. */
    public XcapUri resourceListsUri() {
        return resourceLists;
    }

    /** The rls-services document. */
    public XcapUri rlsServicesUri() {
        return rlsServices;
    }

    /** The URI of the RLS service that watches every subscribed contact. */
    public String presenceListUri() {
        return BlinkLayout.serviceUri(aor, "presence");
    }

    /**
     * The pres-rules document in use: the first one the xcap-directory lists (OMA usage first,
     * then IETF), else {@code org.openmobilealliance.pres-rules/users/<aor>/index} as Blink names
     * it. Looked up once.
     */
    public CompletableFuture<XcapUri> presRulesUri() {
        CompletableFuture<XcapUri> f = presRules.get();
        if (f != null) {
            return f;
        }
        CompletableFuture<XcapUri> mine = new CompletableFuture<>();
        if (!presRules.compareAndSet(null, mine)) {
            return presRules.get();
        }
        XcapUri fallback = userDocument(ApplicationUsage.OMA_PRES_RULES.auid(), "index");
        store.fetch(directory, ApplicationUsage.OMA_XCAP_DIRECTORY.codec()).handle((doc, failure) -> {
            if (failure != null) {
                LOG.debug("no xcap-directory for {} ({}); pres-rules at {}", aor, failure.toString(), fallback);
                return fallback;
            }
            return doc.value().flatMap(this::presRulesIn).orElse(fallback);
        }).whenComplete((uri, failure) -> {
            if (failure != null) {
                presRules.set(null);
                mine.completeExceptionally(failure);
            } else {
                mine.complete(uri);
            }
        });
        return mine;
    }

    private Optional<XcapUri> presRulesIn(XcapDirectory dir) {
        for (String auid : List.of(ApplicationUsage.OMA_PRES_RULES.auid(), ApplicationUsage.PRES_RULES.auid())) {
            for (DirectoryEntry e : dir.documents(auid)) {
                Optional<XcapUri> u = parseUnderRoot(e.uri());
                if (u.isPresent() && u.get().xui().equals(Optional.of(aor))) {
                    return u;
                }
            }
        }
        return Optional.empty();
    }

    private Optional<XcapUri> parseUnderRoot(String uri) {
        try {
            return Optional.of(XcapUri.parse(client.root(), uri));
        } catch (IllegalArgumentException e) {
            // The server names itself by another host (Kamailio uses the Host header): take the path.
            try {
                URI u = URI.create(uri);
                String target = u.getRawPath() + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery());
                return Optional.of(XcapUri.parse(client.root(), target));
            } catch (IllegalArgumentException again) {
                LOG.debug("ignoring directory entry {}: {}", uri, again.getMessage());
                return Optional.empty();
            }
        }
    }

    // ------------------------------------------------------------------ address book

    /** Reads the address book (empty when the documents do not exist yet). Writes nothing. */
    public CompletableFuture<AddressBook> load() {
        CompletableFuture<StoredDocument<ResourceLists>> lists = store.fetch(resourceLists,
                ApplicationUsage.RESOURCE_LISTS.codec());
        CompletableFuture<StoredDocument<Ruleset>> rules = presRulesUri()
                .thenCompose(u -> store.fetch(u, ApplicationUsage.OMA_PRES_RULES.codec()));
        return lists.thenCombine(rules, (l, r) -> BlinkLayout.read(l.value(), r.value()));
    }

    /** Adds {@code contact} (or replaces the contact with its id), and puts it in its groups. */
    public CompletableFuture<AddressBook> addContact(Contact contact) {
        return edit(BlinkLayout.putContact(Objects.requireNonNull(contact, "contact")), Optional.empty());
    }

    /** Replaces the contact with the id of {@code contact}, keeping what other applications attached. */
    public CompletableFuture<AddressBook> updateContact(Contact contact) {
        return edit(BlinkLayout.putContact(Objects.requireNonNull(contact, "contact")), Optional.empty());
    }

    /** Removes the contact with id {@code contactId} and its group memberships. */
    public CompletableFuture<AddressBook> removeContact(String contactId) {
        return edit(BlinkLayout.removeContact(Objects.requireNonNull(contactId, "contactId")), Optional.empty());
    }

    /** Adds {@code group} (or replaces the group with its id); unknown member ids are dropped. */
    public CompletableFuture<AddressBook> addGroup(Group group) {
        return edit(BlinkLayout.putGroup(Objects.requireNonNull(group, "group")), Optional.empty());
    }

    /** Replaces the group with the id of {@code group}: name and members. */
    public CompletableFuture<AddressBook> updateGroup(Group group) {
        return edit(BlinkLayout.putGroup(Objects.requireNonNull(group, "group")), Optional.empty());
    }

    /** Removes the group with id {@code groupId} (not its contacts). */
    public CompletableFuture<AddressBook> removeGroup(String groupId) {
        return edit(BlinkLayout.removeGroup(Objects.requireNonNull(groupId, "groupId")), Optional.empty());
    }

    /** Sets the policy for a watcher that is not a contact (replacing the one for the same URI). */
    public CompletableFuture<AddressBook> setWatcherPolicy(WatcherPolicy policy) {
        return edit(BlinkLayout.putPolicy(Objects.requireNonNull(policy, "policy")), Optional.empty());
    }

    /** Removes the policy for watcher {@code uri}. */
    public CompletableFuture<AddressBook> removeWatcherPolicy(String uri) {
        return edit(BlinkLayout.removePolicy(Objects.requireNonNull(uri, "uri")), Optional.empty());
    }

    /** Sets what happens to watchers that are neither contacts nor have a policy. */
    public CompletableFuture<AddressBook> setDefaultPolicy(DefaultPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return derived(Optional.of(policy));
    }

    /**
     * Brings the derived lists, rls-services and pres-rules in line with the stored address book
     * without changing it, as Blink's normalisation does: use it after another device changed the
     * address book (an xcap-diff notification), since two devices deriving at the same moment may
     * leave the derived documents one change behind. Writes nothing when all is in line.
     */
    public CompletableFuture<AddressBook> normalize() {
        return edit(book -> book, Optional.empty());
    }

    private CompletableFuture<AddressBook> edit(BlinkLayout.Edit edit, Optional<DefaultPolicy> policy) {
        return write(edit).thenCompose(x -> derived(policy));
    }

    /**
     * A change through the store: conflicts (412), and on servers whose conditional writes race
     * (Kamailio) lost writes and 500s, are handled there by applying the operation again.
     */
    private <T> CompletableFuture<StoredDocument<T>> update(XcapUri uri, DocumentFormat<T> codec,
            UnaryOperator<Optional<T>> operation) {
        return store.update(uri, codec, operation);
    }

    private CompletableFuture<StoredDocument<ResourceLists>> write(BlinkLayout.Edit edit) {
        return update(resourceLists, ApplicationUsage.RESOURCE_LISTS.codec(),
                current -> Optional.of(BlinkLayout.resourceLists(current, edit, resourceListsUrl)));
    }

    /**
     * Brings rls-services and pres-rules in line with the stored resource-lists document, and
     * gives the address book they now describe (from the versions just written: no second read).
     */
    private CompletableFuture<AddressBook> derived(Optional<DefaultPolicy> policy) {
        CompletableFuture<StoredDocument<RlsServices>> rls = update(rlsServices,
                ApplicationUsage.RLS_SERVICES.codec(),
                current -> Optional.of(BlinkLayout.rlsServices(current, aor, resourceListsUrl)));
        CompletableFuture<StoredDocument<Ruleset>> rules = store.fetch(resourceLists,
                ApplicationUsage.RESOURCE_LISTS.codec()).thenCompose(fetched -> presRulesUri()
                .thenCompose(uri -> update(uri, ApplicationUsage.OMA_PRES_RULES.codec(), current -> {
                    // The latest version this process knows, so concurrent edits do not undo each other.
                    Optional<ResourceLists> lists = store.cached(resourceLists,
                            ApplicationUsage.RESOURCE_LISTS.codec()).flatMap(StoredDocument::value)
                            .or(fetched::value);
                    return Optional.of(BlinkLayout.presRules(current, BlinkLayout.presence(lists), aor,
                            resourceListsUrl, policy));
                })));
        return CompletableFuture.allOf(rls, rules).thenCompose(x -> store.cached(resourceLists,
                ApplicationUsage.RESOURCE_LISTS.codec()).map(CompletableFuture::completedFuture)
                // nothing cached only when the server sent no ETag for our write: read it then
                .orElseGet(() -> store.fetch(resourceLists, ApplicationUsage.RESOURCE_LISTS.codec())))
                .thenApply(lists -> BlinkLayout.read(lists.value(), rules.join().value()));
    }

    // ------------------------------------------------------------------ status icon

    /**
     * Stores the status icon (base64 in OMA pres-content {@code oma_status-icon/index}).
     *
     * @param image    the image bytes, at most {@link PresContent#MAX_ICON_BYTES}
     * @param mimeType {@code image/jpeg}, {@code image/png} or {@code image/gif}
     */
    public CompletableFuture<Void> setStatusIcon(byte[] image, String mimeType) {
        Objects.requireNonNull(image, "image");
        if (!PresContent.ICON_MIME_TYPES.contains(mimeType)) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not an icon type: " + mimeType));
        }
        if (image.length == 0 || image.length > PresContent.MAX_ICON_BYTES) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("icon size " + image.length));
        }
        PresContent icon = PresContent.icon(image, mimeType, null);
        return update(statusIcon, ApplicationUsage.OMA_PRES_CONTENT.codec(), current -> Optional.of(icon))
                .thenApply(x -> null);
    }

    /** The stored status icon, if any. */
    public CompletableFuture<Optional<PresContent>> statusIcon() {
        return store.fetch(statusIcon, ApplicationUsage.OMA_PRES_CONTENT.codec()).thenApply(StoredDocument::value);
    }

    /** The status icon of another user ({@code sip:user@domain}), if the server lets this user read it. */
    public CompletableFuture<Optional<PresContent>> statusIconOf(String otherAor) {
        XcapUri uri = client.uri().auid(ApplicationUsage.OMA_PRES_CONTENT.auid()).user(otherAor)
                .document("oma_status-icon", "index").build();
        return store.fetch(uri, ApplicationUsage.OMA_PRES_CONTENT.codec()).thenApply(StoredDocument::value);
    }

    /** The XCAP URI of the status icon document (what Blink publishes in {@code cipid:icon}). */
    public XcapUri statusIconUri() {
        return statusIcon;
    }

    /** Deletes the status icon (nothing is written when there is none). */
    public CompletableFuture<Void> clearStatusIcon() {
        return update(statusIcon, ApplicationUsage.OMA_PRES_CONTENT.codec(), current -> Optional.empty())
                .thenApply(x -> null);
    }

    // ------------------------------------------------------------------ offline status

    /** Stores the presence document the server shows while the user publishes none (RFC 4827). */
    public CompletableFuture<Void> setOfflineStatus(PresenceDocument document) {
        Objects.requireNonNull(document, "document");
        return update(offlineStatus, ApplicationUsage.PIDF_MANIPULATION.codec(),
                current -> Optional.of(document)).thenApply(x -> null);
    }

    /** The stored offline status, if any. */
    public CompletableFuture<Optional<PresenceDocument>> offlineStatus() {
        return store.fetch(offlineStatus, ApplicationUsage.PIDF_MANIPULATION.codec())
                .thenApply(StoredDocument::value);
    }

    /** Deletes the offline status (nothing is written when there is none). */
    public CompletableFuture<Void> clearOfflineStatus() {
        return update(offlineStatus, ApplicationUsage.PIDF_MANIPULATION.codec(), current -> Optional.empty())
                .thenApply(x -> null);
    }

    /** Builds an {@link AddressBookManager}. Not thread-safe. */
    public static final class Builder {
        private final XcapClient client;
        private final String aor;
        private XcapDocumentStore store;
        private XcapUri presRules;

        private Builder(XcapClient client, String aor) {
            this.client = Objects.requireNonNull(client, "client");
            this.aor = Objects.requireNonNull(aor, "aor");
            BlinkLayout.serviceUri(aor, "presence");
        }

        /** The store to write through (by default a new one with a memory cache over the client). */
        public Builder store(XcapDocumentStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Uses this pres-rules document instead of looking in the xcap-directory. */
        public Builder presRules(XcapUri document) {
            this.presRules = Objects.requireNonNull(document, "document").documentUri();
            return this;
        }

        public AddressBookManager build() {
            return new AddressBookManager(this);
        }
    }
}
