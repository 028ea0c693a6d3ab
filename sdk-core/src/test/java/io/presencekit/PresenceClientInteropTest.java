package io.presencekit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.SummaryStatus;
import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.event.ContactPresenceWatcher;
import io.presencekit.sip.testing.PemTrust;
import io.presencekit.testing.Interop;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.prescontent.PresContent;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two applications on the facade against the project's Kamailio (interop/kamailio/NOTES.md): a
 * watcher asked for and allowed through watcher information and pres-rules, presence, note,
 * offline status and icon seen by the other side; and two devices of one account kept in step
 * through the own-AoR subscription and xcap-diff. Uses the extra users (start.sh
 * {@code --extra-users}) so that the watcher decisions Kamailio caches per watcher start clean.
 */
@Tag(Interop.TAG)
class PresenceClientInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private final Interop.Server server = Interop.server();
    private final List<PresenceClient> clients = new ArrayList<>();
    @TempDir
    Path state;

    private final java.util.Set<String> touched = new java.util.LinkedHashSet<>();

    @AfterEach
    void closeAll() {
        for (int i = clients.size() - 1; i >= 0; i--) {
            clients.get(i).close(Duration.ofSeconds(20));
        }
        // other tests use the extra users too: leave no pres-rules (Kamailio uses the first one it finds)
        touched.forEach(u -> reset(u, null));
    }

    /** What one client heard, in order. */
    static final class Recorder implements PresenceListener {
        final BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        final List<Object> all = new CopyOnWriteArrayList<>();

        private void add(Object e) {
            events.add(e);
            all.add(e);
        }

        record Loaded(AddressBook book) { }

        record Changed(AddressBook book, Origin origin) { }

        record Own(ContactPresence presence) { }

        @Override
        public void contactPresenceChanged(ContactPresenceEvent event) {
            add(event);
        }

        @Override
        public void contactsLoaded(AddressBook addressBook) {
            add(new Loaded(addressBook));
        }

        @Override
        public void contactsChanged(AddressBook addressBook, Origin origin) {
            add(new Changed(addressBook, origin));
        }

        @Override
        public void watcherRequest(Watcher watcher) {
            add(watcher);
        }

        @Override
        public void ownPresenceChanged(ContactPresence presence) {
            add(new Own(presence));
        }

        @Override
        public void clientStateChanged(ClientState s) {
            add(s);
        }

        @Override
        public void error(PresenceKitException error) {
            add(error);
        }

        <T> T await(Class<T> type, Predicate<T> wanted, String what) throws InterruptedException {
            long end = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < end) {
                Object e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (type.isInstance(e) && wanted.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            throw new AssertionError("no " + what + " within " + WAIT + "; heard " + all);
        }
    }

    private String user(int n) {
        String u = String.format("user%02d", n);
        assumeTrue(server.users().contains(u), "start Kamailio with --extra-users to run this test");
        return u;
    }

    private PresenceClient client(String user, String device, Recorder recorder) throws Exception {
        return client(user, device, recorder, true);
    }

    private PresenceClient client(String user, String device, Recorder recorder, boolean list) throws Exception {
        var hop = server.sip();
        SipAccount account = SipAccount.builder(server.aor(user)).password(server.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=tcp")
                .instanceId("urn:uuid:" + UUID.randomUUID()).stateDirectory(state.resolve(user + "-" + device))
                .build();
        SipSettings settings = SipSettings.builder().trustStore(PemTrust.keyStore(server.tlsCertificate()))
                .requestTimeout(Duration.ofSeconds(15)).build();
        PresenceClient c = PresenceClient.builder(account).settings(settings).xcapRoot(server.xcapRoot())
                .xcapCompatibility(XcapCompatibility.KAMAILIO).useListSubscription(list).listener(recorder).build();
        clients.add(c);
        c.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        return c;
    }

    /**
     * Forgets what earlier runs left: the account's documents go, and {@code watcher} is put back
     * to pending at {@code presentity} (a confirm rule, then no rules: Kamailio keeps the cached
     * decision when the document is deleted).
     */
    private void reset(String presentity, String watcher) {
        touched.add(presentity);
        try (XcapClient c = XcapClient.builder(server.xcapRoot()).credentials(presentity, server.password().toCharArray())
                .compatibility(XcapCompatibility.KAMAILIO).responseTimeout(Duration.ofSeconds(10)).build()) {
            String aor = server.aor(presentity);
            if (watcher != null) {
                XcapUri rules = c.uri().auid(ApplicationUsage.OMA_PRES_RULES.auid()).user(aor).document("index").build();
                Rule confirm = Rule.builder("reset").conditions(Identity.ofUris(server.aor(watcher)))
                        .subHandling(SubHandling.CONFIRM).build();
                c.put(rules, ApplicationUsage.OMA_PRES_RULES.mimeType(),
                        ApplicationUsage.OMA_PRES_RULES.codec().write(Ruleset.of(confirm))).join();
            }
            for (String auid : List.of(ApplicationUsage.OMA_PRES_RULES.auid(), ApplicationUsage.RESOURCE_LISTS.auid(),
                    ApplicationUsage.RLS_SERVICES.auid(), ApplicationUsage.PIDF_MANIPULATION.auid())) {
                // a missing document answers 500 on Kamailio: nothing to do then
                c.delete(c.uri().auid(auid).user(aor).document("index").build()).exceptionally(e -> null).join();
            }
            for (String auid : List.of(ApplicationUsage.OMA_PRES_RULES.auid(), ApplicationUsage.PRES_RULES.auid())) {
                for (String name : List.of("index", "pres-rules")) {
                    c.delete(c.uri().auid(auid).user(aor).document(name).build()).exceptionally(e -> null).join();
                }
            }
            c.delete(c.uri().auid(ApplicationUsage.OMA_PRES_CONTENT.auid()).user(aor)
                    .document("oma_status-icon", "index").build()).exceptionally(e -> null).join();
        }
    }

    private static boolean showing(ContactPresenceEvent e, SummaryStatus status, String note) {
        return e.presence().summary() == status && (note == null || e.presence().note().equals(Optional.of(note)));
    }

    /** Alice and Bob up, Alice has added Bob, Bob allowed her on her request, she sees him available. */
    private record Pair(PresenceClient alice, Recorder aliceHears, PresenceClient bob, Recorder bobHears,
            String bobAor) { }

    private Pair aliceWatchesBob(String alice, String bob) throws Exception {
        return aliceWatchesBob(alice, bob, true);
    }

    private Pair aliceWatchesBob(String alice, String bob, boolean list) throws Exception {
        reset(bob, alice);
        reset(alice, null);
        Recorder bobHears = new Recorder();
        Recorder aliceHears = new Recorder();
        PresenceClient bobClient = client(bob, "laptop", bobHears);
        PresenceClient aliceClient = client(alice, "laptop", aliceHears, list);
        aliceHears.await(Recorder.Loaded.class, l -> l.book().contacts().isEmpty(), "an empty address book");

        aliceClient.addContact(Contact.builder("Bob").uri(server.aor(bob)).subscribe(true)
                .policy(HandlingPolicy.ALLOW).build()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(aliceClient.watchedContacts().contains(server.aor(bob)));

        Watcher request = bobHears.await(Watcher.class, w -> w.uri().equals(server.aor(alice)), "alice's request");
        bobClient.allowWatcher(request.uri()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(HandlingPolicy.ALLOW, bobClient.addressBook().watcherPolicy(server.aor(alice)).orElseThrow()
                .policy());

        ContactPresenceEvent available = aliceHears.await(ContactPresenceEvent.class,
                e -> e.uri().equals(server.aor(bob)) && showing(e, SummaryStatus.AVAILABLE, null), "bob available");
        assertEquals("Bob", available.contact().orElseThrow().name());
        assertEquals(Optional.of(list ? ContactPresenceWatcher.Mode.LIST : ContactPresenceWatcher.Mode.PER_CONTACT),
                aliceClient.watchMode());
        return new Pair(aliceClient, aliceHears, bobClient, bobHears, server.aor(bob));
    }

    private static boolean allClosed(ContactPresenceEvent e) {
        return !e.documents().isEmpty() && e.documents().stream().flatMap(d -> d.tuples().stream())
                .allMatch(t -> t.basic().equals(Optional.of(io.presencekit.pidf.Basic.CLOSED)));
    }

    @Test
    void aliceAddsBobWhoAllowsHerAndSheFollowsHisPresenceUntilHeLeaves() throws Exception {
        Pair p = aliceWatchesBob(user(1), user(2));

        p.bob().setPresence(OwnPresence.builder(OwnPresence.Availability.AWAY).note("Back in 10 minutes", "en")
                .build()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        p.aliceHears().await(ContactPresenceEvent.class, e -> showing(e, SummaryStatus.AWAY, "Back in 10 minutes"),
                "bob away with his note");

        byte[] icon = {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0, 0, 13, 'I', 'H', 'D', 'R'};
        p.bob().setIcon(icon, "image/png").get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Optional<PresContent> seen = p.alice().iconOf(p.bobAor()).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertArrayEquals(icon, seen.orElseThrow().decodedData());
        assertEquals(Optional.of("image/png"), seen.get().mimeType());
        ContactPresenceEvent withIcon = p.aliceHears().await(ContactPresenceEvent.class,
                e -> e.presence().icon().isPresent(), "bob's icon URL in his presence");
        assertTrue(withIcon.presence().icon().get().contains("oma_status-icon"), withIcon.presence().icon().get());

        p.bob().setOfflineStatus(Note.of("Gone fishing", "en")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        PresenceDocument stored = p.bob().addressBookManager().orElseThrow().offlineStatus()
                .get(WAIT.toSeconds(), TimeUnit.SECONDS).orElseThrow();
        assertEquals(Optional.of("Gone fishing"), ContactPresence.of(p.bobAor(), stored).note());
        p.bob().close(Duration.ofSeconds(20));
        p.bobHears().await(ClientState.class, s -> s.equals(ClientState.OFFLINE), "bob offline");
        // Kamailio's body for a presentity that stopped publishing: the last tuple, closed
        p.aliceHears().await(ContactPresenceEvent.class, PresenceClientInteropTest::allClosed, "bob's tuple closed");
    }

    @Test
    void withoutTheListOptionEachContactHasItsOwnSubscription() throws Exception {
        Pair p = aliceWatchesBob(user(7), user(8), false);
        p.bob().setPresence(OwnPresence.builder(OwnPresence.Availability.BUSY).note("On a call").build())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        p.aliceHears().await(ContactPresenceEvent.class, e -> showing(e, SummaryStatus.BUSY, "On a call"),
                "bob busy on a call");
        p.alice().removeContact(p.alice().addressBook().contactByUri(p.bobAor()).orElseThrow().id())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(p.alice().watchedContacts().isEmpty());
        assertTrue(p.alice().contactPresence().isEmpty());
    }

    /**
     * The offline status (RFC 4827) shown once Bob leaves. Kamailio NOTIFYs his removed device's
     * tuple, basic closed with its extended status kept, next to the offline document's tuple: the
     * closed tuple must not count as online, and the offline tuple's note shows.
     */
    @Test
    void whenBobLeavesAliceSeesHisOfflineNote() throws Exception {
        Pair p = aliceWatchesBob(user(5), user(6));
        p.bob().setOfflineStatus(Note.of("Gone fishing", "en")).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        p.bob().close(Duration.ofSeconds(20));
        p.aliceHears().await(ContactPresenceEvent.class, e -> showing(e, SummaryStatus.OFFLINE, "Gone fishing"),
                "bob offline with his offline note");
    }

    @Test
    void twoDevicesOfOneAccountSeeEachOthersPresenceAndContacts() throws Exception {
        String user = user(3);
        reset(user, null);
        Recorder phoneHears = new Recorder();
        Recorder laptopHears = new Recorder();
        PresenceClient phone = client(user, "phone", phoneHears);
        PresenceClient laptop = client(user, "laptop", laptopHears);

        laptop.setPresence(OwnPresence.builder(OwnPresence.Availability.BUSY).note("Writing, do not disturb").build())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        phoneHears.await(Recorder.Own.class, o -> o.presence().summary() == SummaryStatus.BUSY
                && o.presence().note().equals(Optional.of("Writing, do not disturb")), "the laptop's presence");

        String carol = server.aor(user(4));
        phone.addContact(Contact.of("Carol", carol)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Recorder.Changed changed = laptopHears.await(Recorder.Changed.class,
                c -> c.origin() == Origin.REMOTE && c.book().contactByUri(carol).isPresent(), "the phone's contact");
        assertEquals("Carol", changed.book().contactByUri(carol).get().name());
        assertTrue(laptop.watchedContacts().contains(carol), laptop.watchedContacts()::toString);
        assertTrue(laptop.addressBook().contactByUri(carol).isPresent());

        // neither device reports its own publication as another device's
        assertFalse(laptopHears.all.stream().anyMatch(e -> e instanceof Recorder.Own o
                && o.presence().note().equals(Optional.of("Writing, do not disturb"))), laptopHears.all::toString);
        assertTrue(phoneHears.all.stream().noneMatch(e -> e instanceof Recorder.Changed c && c.origin() == Origin.REMOTE
                && c.book().contactByUri(carol).isPresent()), "the phone's own change came back as remote");
    }
}
