package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.pidf.watcherinfo.WatcherInfoUpdate;
import io.presencekit.pidf.watcherinfo.WatcherStatus;
import io.presencekit.sip.event.PresenceSubscription;
import io.presencekit.sip.event.WatcherInfoSubscription;
import io.presencekit.sip.event.XcapDiffSubscription;
import io.presencekit.sip.testing.PemTrust;
import io.presencekit.testing.Interop;
import io.presencekit.testing.RawSip;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.diff.XcapDiff;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.store.DocumentFormat;
import io.presencekit.xcap.store.MemoryDocumentCache;
import io.presencekit.xcap.store.XcapDocumentStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Subscriptions against the project's Kamailio (interop/kamailio/NOTES.md, "Presence"): presence
 * with PIDF over TCP and TLS, a pending watcher seen through presence.winfo and authorized through
 * pres-rules, xcap-diff driving the document store, and one client holding 1,000 subscriptions.
 */
@Tag(Interop.TAG)
class SubscriptionInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Interop.Server server = Interop.server();
    private final List<AutoCloseable> closing = new ArrayList<>();
    @TempDir
    Path state;

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private SipEngine engine(String user, Transport t) throws Exception {
        var hop = t == Transport.TLS ? server.sipTls() : server.sip();
        SipAccount account = SipAccount.builder(server.aor(user)).password(server.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=" + t.token())
                .stateDirectory(state.resolve(user)).build();
        SipSettings settings = SipSettings.builder().trustStore(PemTrust.keyStore(server.tlsCertificate()))
                .requestTimeout(Duration.ofSeconds(15)).build();
        SipEngine engine = new SipEngine(account, settings, null);
        closing.add(() -> engine.close(Duration.ofSeconds(30)));
        engine.start().get(15, TimeUnit.SECONDS);
        return engine;
    }

    private XcapClient xcap(String user) {
        XcapClient c = XcapClient.builder(server.xcapRoot()).credentials(user, server.password().toCharArray())
                .compatibility(XcapCompatibility.KAMAILIO).responseTimeout(Duration.ofSeconds(10)).build();
        closing.add(c::close);
        return c;
    }

    /** Writes {@code owner}'s pres-rules: {@code watcher} gets {@code handling}. */
    private void rules(String owner, String watcher, SubHandling handling) {
        TestPresRules.write(server, owner, watcher, handling);
    }

    /** {@code user} publishes a PIDF whose note is {@code marker}, with a raw PUBLISH. */
    private void publish(String user, String marker) {
        try (RawSip sip = RawSip.connect(server, user)) {
            String pidf = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence xmlns=\"urn:ietf:params:xml:ns:pidf\""
                    + " entity=\"" + server.aor(user) + "\"><tuple id=\"t1\"><status><basic>open</basic></status>"
                    + "<note>" + marker + "</note></tuple></presence>";
            RawSip.Message r = sip.send(sip.request("PUBLISH", server.aor(user)).header("Event", "presence")
                    .header("Expires", "120").body("application/pidf+xml", pidf));
            assertEquals(200, r.status(), () -> "PUBLISH: " + String.join("\n----\n", sip.transcript()));
        }
    }

    private static <T> T await(BlockingQueue<T> q, Predicate<T> wanted, String what) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            T t = q.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (t != null && wanted.test(t)) {
                return t;
            }
        }
        throw new AssertionError("no " + what + " within " + WAIT);
    }

    private static String noteOf(PresenceDocument d) {
        return d.tuples().stream().flatMap(t -> t.notes().stream()).map(io.presencekit.pidf.Note::text).reduce("", String::concat);
    }

    private void presenceOver(Transport t) throws Exception {
        rules("bob", "alice", SubHandling.ALLOW);
        SipEngine alice = engine("alice", t);
        BlockingQueue<PresenceDocument> docs = new LinkedBlockingQueue<>();
        PresenceSubscription s = PresenceSubscription.create(alice, PresenceSubscription.request(server.aor("bob"))
                .build(), new PresenceSubscription.Listener() {
                    @Override
                    public void presenceChanged(PresenceDocument document, Notification notification) {
                        docs.add(document);
                    }
                });
        Notification first = s.start().get(15, TimeUnit.SECONDS);
        assertEquals(SubscriptionState.ACTIVE, first.state(), first.toString());
        String marker = "note-" + UUID.randomUUID();
        publish("bob", marker);
        PresenceDocument doc = await(docs, d -> noteOf(d).contains(marker), "PIDF with " + marker);
        assertEquals(server.aor("bob"), doc.entity());
        assertEquals(SubscriptionState.ACTIVE, s.subscription().state());
        s.end().get(15, TimeUnit.SECONDS);
        assertEquals(SubscriptionState.TERMINATED, s.subscription().state());
    }

    @Test
    void aliceReceivesBobsPidfOverTcp() throws Exception {
        presenceOver(Transport.TCP);
    }

    @Test
    void aliceReceivesBobsPidfOverTls() throws Exception {
        presenceOver(Transport.TLS);
    }

    @Test
    void aPendingWatcherSeenThroughWinfoBecomesActiveWhenAuthorized() throws Exception {
        rules("alice", "carol", SubHandling.CONFIRM);
        SipEngine alice = engine("alice", Transport.TCP);
        BlockingQueue<WatcherInfoUpdate> updates = new LinkedBlockingQueue<>();
        WatcherInfoSubscription winfo = WatcherInfoSubscription.create(alice,
                WatcherInfoSubscription.request(server.aor("alice")).build(), new WatcherInfoSubscription.Listener() {
                    @Override
                    public void watchersChanged(WatcherInfoUpdate update, Notification notification) {
                        updates.add(update);
                    }
                });
        assertEquals(SubscriptionState.ACTIVE, winfo.start().get(15, TimeUnit.SECONDS).state());

        SipEngine carol = engine("carol", Transport.TCP);
        BlockingQueue<SubscriptionState> carolStates = new LinkedBlockingQueue<>();
        Subscription watching = carol.subscribe(PresenceSubscription.request(server.aor("alice")).build(),
                new SubscriptionListener() {
                    @Override
                    public void notified(Notification n) {
                        carolStates.add(n.state());
                    }
                });
        assertEquals(SubscriptionState.PENDING, watching.start().get(15, TimeUnit.SECONDS).state());
        Predicate<Watcher> carolW = w -> w.uri().contains("carol");
        await(updates, u -> u.state().watchers(WatcherStatus.PENDING).stream().anyMatch(carolW), "carol pending");
        assertTrue(winfo.state().awaitingAuthorization().stream().anyMatch(carolW));

        rules("alice", "carol", SubHandling.ALLOW);
        await(carolStates, st -> st == SubscriptionState.ACTIVE, "carol active");
        assertEquals(SubscriptionState.ACTIVE, watching.state());
        // Kamailio does not tell winfo subscribers about authorization changes: the table still says
        // pending until a refresh brings the full state
        Thread.sleep(1000);
        assertTrue(winfo.state().watchers(WatcherStatus.PENDING).stream().anyMatch(carolW), winfo.state()::toString);
        winfo.refresh();
        await(updates, u -> u.state().watchers(WatcherStatus.ACTIVE).stream().anyMatch(carolW), "carol active in winfo");
        watching.end().get(15, TimeUnit.SECONDS);
        winfo.end().get(15, TimeUnit.SECONDS);
    }

    @Test
    void anXcapChangeMakesTheStoreRefetchExactlyThatDocument() throws Exception {
        XcapClient mine = xcap("alice");
        XcapClient other = xcap("alice");
        DocumentFormat<String> text = DocumentFormat.utf8("application/resource-lists+xml");
        XcapUri watched = mine.uri().auid("resource-lists").user(server.aor("alice")).document("index").build();
        XcapUri untouched = mine.uri().auid("resource-lists").user(server.aor("alice")).document("spare").build();
        XcapDocumentStore store = XcapDocumentStore.builder(mine).cache(new MemoryDocumentCache()).build();
        String v1 = lists("sip:one@example.com");
        assertTrue(other.put(watched, text.contentType(), v1.getBytes(StandardCharsets.UTF_8)).join().status() < 300);
        assertTrue(other.put(untouched, text.contentType(), v1.getBytes(StandardCharsets.UTF_8)).join().status() < 300);
        store.fetch(watched, text).join();
        store.fetch(untouched, text).join();

        SipEngine alice = engine("alice", Transport.TCP);
        BlockingQueue<List<XcapUri>> refetched = new LinkedBlockingQueue<>();
        List<XcapDiff> diffs = new CopyOnWriteArrayList<>();
        XcapDiffSubscription sub = XcapDiffSubscription.create(alice,
                XcapDiffSubscription.request(server.aor("alice"), List.of(watched, untouched)).build(), store,
                new XcapDiffSubscription.Listener() {
                    @Override
                    public void documentsChanged(XcapDiff diff, Notification n) {
                        diffs.add(diff);
                    }

                    @Override
                    public void documentsRefetched(XcapDiff diff, List<XcapUri> documents) {
                        refetched.add(documents);
                    }
                });
        sub.start().get(15, TimeUnit.SECONDS);
        // the first NOTIFY repeats the last change (our own PUT of "spare", already cached): nothing refetched
        String v2 = lists("sip:two@example.com");
        assertTrue(other.put(watched, text.contentType(), v2.getBytes(StandardCharsets.UTF_8)).join().status() < 300);
        List<XcapUri> docs = await(refetched, l -> !l.isEmpty(), "a refetch");
        assertEquals(List.of(watched), docs, diffs.toString());
        // Kamailio stores documents as it re-serialises them: compare the content, not the bytes
        assertTrue(store.cached(watched, text).orElseThrow().value().orElseThrow().contains("sip:two@example.com"));
        assertTrue(store.cached(untouched, text).orElseThrow().value().orElseThrow().contains("sip:one@example.com"));
        sub.end().get(15, TimeUnit.SECONDS);
    }

    private static String lists(String entry) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\">"
                + "<list name=\"l\"><entry uri=\"" + entry + "\"/></list></resource-lists>";
    }

    @Test
    void oneClientHoldsAThousandSubscriptionsAndGetsEveryNotifyOfOnePublish() throws Exception {
        int n = 1000;
        rules("bob", "alice", SubHandling.ALLOW);
        SipEngine alice = engine("alice", Transport.TCP);
        String marker = "many-" + UUID.randomUUID();
        AtomicInteger seen = new AtomicInteger();
        CompletableFuture<Void> all = new CompletableFuture<>();
        List<PresenceSubscription> subs = new ArrayList<>();
        List<CompletableFuture<Notification>> firsts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            PresenceSubscription s = PresenceSubscription.create(alice, PresenceSubscription.request(server.aor("bob"))
                    .build(), new PresenceSubscription.Listener() {
                        private boolean counted;

                        @Override
                        public void presenceChanged(PresenceDocument document, Notification notification) {
                            if (!counted && noteOf(document).contains(marker)) {
                                counted = true;
                                if (seen.incrementAndGet() == n) {
                                    all.complete(null);
                                }
                            }
                        }
                    });
            subs.add(s);
            firsts.add(s.start());
        }
        CompletableFuture.allOf(firsts.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        for (CompletableFuture<Notification> f : firsts) {
            assertEquals(SubscriptionState.ACTIVE, f.join().state());
        }
        publish("bob", marker);
        try {
            all.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("only " + seen.get() + " of " + n + " NOTIFYs within 60 s");
        }
        List<CompletableFuture<Void>> ends = new ArrayList<>();
        subs.forEach(s -> ends.add(s.end()));
        CompletableFuture.allOf(ends.toArray(new CompletableFuture[0])).get(60, TimeUnit.SECONDS);
        assertTrue(subs.stream().allMatch(s -> s.subscription().state() == SubscriptionState.TERMINATED));
    }
}
