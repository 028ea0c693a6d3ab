package io.presencekit.sip.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.sip.Publication;
import io.presencekit.sip.PublicationRequest;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.event.ContactPresenceWatcher.Mode;
import io.presencekit.testing.Interop;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapResponse;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.AddressBookManager;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contact presence watcher against the project's Kamailio (interop/kamailio/NOTES.md,
 * "Resource lists"): alice's address book, written the way Blink writes it, holds user01..user20,
 * whose pres-rules allow alice (the list server subscribes to each member as alice); three of them
 * publish. Alice's watcher subscribes to her list service {@code sip:alice+presence@example.com},
 * sees all twenty members and the publishers' states, follows a change, and sees bob join after he
 * is added to the address book. A list URI without an rls-services entry falls back to one
 * subscription per contact (Kamailio's presence agent answers it 200 without Require: eventlist).
 *
 * <p>Needs the server started with {@code --extra-users 20}. Leaves alice's address book empty and
 * the members' pres-rules deleted.
 */
@Tag(Interop.TAG)
class ContactPresenceWatcherInteropTest {
    private static final int USERS = 20;
    private static final int PUBLISHERS = 3;
    private static final Duration WAIT = Duration.ofSeconds(40);

    private final Interop.Server server = Interop.server();
    private final XcapClient aliceXcap = xcap("alice");
    private final AddressBookManager book = AddressBookManager.builder(aliceXcap, server.aor("alice")).build();
    private final List<String> ruled = new ArrayList<>();
    private final List<SipEngine> engines = new ArrayList<>();
    private final Map<String, SubscriptionState> states = new ConcurrentHashMap<>();
    private final List<String> modes = new java.util.concurrent.CopyOnWriteArrayList<>();
    private ContactPresenceWatcher watcher;
    @TempDir
    Path state;

    private XcapClient xcap(String user) {
        return XcapClient.builder(server.xcapRoot()).credentials(user, server.password().toCharArray())
                .compatibility(XcapCompatibility.KAMAILIO).responseTimeout(Duration.ofSeconds(10)).build();
    }

    private static String user(int i) {
        return String.format("user%02d", i);
    }

    private XcapUri rulesUri(XcapClient client, String user) {
        return client.uri().auid(ApplicationUsage.OMA_PRES_RULES.auid()).user(server.aor(user))
                .document(ApplicationUsage.OMA_PRES_RULES.defaultDocumentName()).build();
    }

    /** Lets alice watch {@code user}. */
    private void allowAlice(String user) {
        try (XcapClient c = xcap(user)) {
            Rule allow = Rule.builder("alice-allow").conditions(Identity.ofUris(server.aor("alice")))
                    .subHandling(SubHandling.ALLOW).build();
            byte[] body = ApplicationUsage.OMA_PRES_RULES.codec().write(Ruleset.of(allow));
            XcapResponse r = c.put(rulesUri(c, user), ApplicationUsage.OMA_PRES_RULES.mimeType(), body).join();
            assertTrue(r.status() == 200 || r.status() == 201, () -> "PUT pres-rules of " + user + ": " + r.status());
            ruled.add(user);
        }
    }

    private SipEngine engine(String user) throws Exception {
        var hop = server.sip();
        SipAccount account = SipAccount.builder(server.aor(user)).password(server.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=tcp")
                .stateDirectory(state.resolve(user)).build();
        SipEngine e = new SipEngine(account, SipSettings.builder().requestTimeout(Duration.ofSeconds(10)).build(), null);
        engines.add(e);
        e.start().get(15, TimeUnit.SECONDS);
        return e;
    }

    private byte[] pidf(String user, Basic basic, String note) {
        return PidfCodec.standard().write(PresenceDocument.builder(server.aor(user))
                .tuple(Tuple.builder("t-" + user).basic(basic).contact(server.aor(user)).note(note).build()).build());
    }

    private void clearBook() {
        AddressBook b = book.load().join();
        for (Contact c : b.contacts()) {
            book.removeContact(c.id()).join();
        }
    }

    private ContactPresenceWatcher.Listener listener() {
        return new ContactPresenceWatcher.Listener() {
            @Override
            public void subscriptionStateChanged(String uri, SubscriptionState st, String reason) {
                states.put(uri, st);
            }

            @Override
            public void modeChanged(Mode mode, String why) {
                modes.add(mode + ": " + why);
            }
        };
    }

    private void await(String what, Predicate<Map<String, ContactPresence>> condition) throws InterruptedException {
        long end = System.nanoTime() + WAIT.toNanos();
        while (!condition.test(watcher.snapshot())) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + WAIT + ": " + what + "; snapshot " + watcher.snapshot().keySet()
                        + ", states " + states + ", modes " + modes);
            }
            Thread.sleep(200);
        }
    }

    private static boolean noted(ContactPresence p, String note) {
        return p != null && p.isOnline() && p.note().orElse("").equals(note);
    }

    @AfterEach
    void cleanUp() throws Exception {
        try {
            if (watcher != null) {
                watcher.close().get(15, TimeUnit.SECONDS);
            }
            engines.forEach(SipEngine::close);
            clearBook();
        } finally {
            for (String user : ruled) {
                try (XcapClient c = xcap(user)) {
                    c.delete(rulesUri(c, user)).exceptionally(e -> null).join();
                }
            }
            aliceXcap.close();
        }
    }

    @Test
    void aListSubscriptionSeesEveryMemberFollowsChangesAndPicksUpANewContact() throws Exception {
        clearBook();
        List<String> contacts = new ArrayList<>();
        for (int i = 1; i <= USERS; i++) {
            allowAlice(user(i));
            book.addContact(Contact.builder("User " + i).uri(server.aor(user(i))).subscribe(true)
                    .policy(HandlingPolicy.ALLOW).build()).join();
            contacts.add(server.aor(user(i)));
        }
        List<Publication> publications = new ArrayList<>();
        for (int i = 1; i <= PUBLISHERS; i++) {
            Publication p = engine(user(i)).publish(PublicationRequest.builder().expires(Duration.ofSeconds(300))
                    .build(), null);
            p.update(pidf(user(i), Basic.OPEN, "note of " + user(i))).get(15, TimeUnit.SECONDS);
            publications.add(p);
        }

        SipEngine alice = engine("alice");
        watcher = ContactPresenceWatcher.builder(alice).listUri(book.presenceListUri()).contacts(contacts)
                .listener(listener()).build();
        assertEquals(Mode.LIST, watcher.start().get(15, TimeUnit.SECONDS), modes.toString());
        await("all " + USERS + " members listed", s -> s.keySet().containsAll(contacts));
        await("the publishers' states", s -> {
            for (int i = 1; i <= PUBLISHERS; i++) {
                if (!noted(s.get(server.aor(user(i))), "note of " + user(i))) {
                    return false;
                }
            }
            return true;
        });
        assertEquals(SubscriptionState.ACTIVE, states.get(server.aor(user(1))));

        publications.get(0).update(pidf(user(1), Basic.OPEN, "moved on")).get(15, TimeUnit.SECONDS);
        await("the change of " + user(1), s -> noted(s.get(server.aor(user(1))), "moved on"));

        allowAlice("bob");
        book.addContact(Contact.builder("Bob").uri(server.aor("bob")).subscribe(true).policy(HandlingPolicy.ALLOW)
                .build()).join();
        List<String> more = new ArrayList<>(contacts);
        more.add(server.aor("bob"));
        watcher.setContacts(more);
        await("bob joining the list", s -> s.keySet().containsAll(more));
        assertEquals(Mode.LIST, watcher.mode());
        assertEquals(1, modes.size(), modes.toString());
    }

    @Test
    void aListUriWithoutAListServiceFallsBackToOneSubscriptionPerContact() throws Exception {
        allowAlice(user(4));
        Publication p = engine(user(4)).publish(PublicationRequest.builder().expires(Duration.ofSeconds(300)).build(),
                null);
        p.update(pidf(user(4), Basic.OPEN, "solo")).get(15, TimeUnit.SECONDS);
        SipEngine alice = engine("alice");
        watcher = ContactPresenceWatcher.builder(alice).listUri("sip:alice+nolist@" + server.aor("alice")
                .substring(server.aor("alice").indexOf('@') + 1)).contacts(List.of(server.aor(user(4))))
                .listener(listener()).build();
        assertEquals(Mode.PER_CONTACT, watcher.start().get(15, TimeUnit.SECONDS));
        assertTrue(modes.get(0).contains("Require: eventlist"), modes.toString());
        await("the contact's own subscription", s -> noted(s.get(server.aor(user(4))), "solo"));
        assertEquals(SubscriptionState.ACTIVE, states.get(server.aor(user(4))));
    }
}
