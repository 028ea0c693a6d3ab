package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.testing.Interop;
import io.presencekit.testing.RawSip;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.AddressBookManager;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A contact allowed, then blocked, through the address book is really allowed, then refused, by
 * Kamailio's presence authorization: the address book's pres-rules carry explicit identity
 * conditions, which Kamailio reads (it ignores Blink's OMA external-list conditions).
 *
 * <p>The presentity is carol, whose documents no other interop test uses; the watcher is bob.
 * Kamailio answers every SUBSCRIBE 200 and gives its decision in the first NOTIFY
 * (interop/kamailio/NOTES.md, "Presence").
 */
@Tag(Interop.TAG)
class AddressBookAuthorizationInteropTest {
    private final Interop.Server server = Interop.server();
    private final XcapClient carolXcap = XcapClient.builder(server.xcapRoot())
            .credentials("carol", server.password().toCharArray()).compatibility(XcapCompatibility.KAMAILIO)
            .responseTimeout(Duration.ofSeconds(10)).build();
    private final AddressBookManager carol = AddressBookManager.builder(carolXcap, server.aor("carol")).build();

    @AfterEach
    void cleanUp() {
        try {
            AddressBook book = carol.load().join();
            for (Contact c : book.contacts()) {
                carol.removeContact(c.id()).join();
            }
        } finally {
            carolXcap.close();
        }
    }

    /** The substate of the first NOTIFY of a new subscription from bob to carol (ended again). */
    private String decision() {
        try (RawSip sip = RawSip.connect(server, "bob")) {
            RawSip.Subscription s = sip.subscribe(server.aor("carol"), "presence", 60);
            assertTrue(s.response().status() / 100 == 2, () -> String.join("\n----\n", sip.transcript()));
            RawSip.Message notify = s.nextNotify();
            String state = notify.subscriptionSubstate();
            if ("terminated".equals(state)) {
                return state + ";" + notify.subscriptionStateParam("reason").orElse("");
            }
            assertEquals(200, s.unsubscribe().status());
            s.awaitNotify("terminated");
            return state;
        }
    }

    @Test
    void contactAllowedThenBlockedIsAcceptedThenRefusedByTheServer() {
        AddressBook book = carol.load().join();
        Optional<Contact> old = book.contacts().stream()
                .filter(c -> c.uris().stream().anyMatch(u -> u.uri().equals(server.aor("bob")))).findFirst();
        old.ifPresent(c -> carol.removeContact(c.id()).join());

        Contact bob = Contact.builder("Bob").uri(server.aor("bob")).subscribe(true).policy(HandlingPolicy.ALLOW).build();
        carol.addContact(bob).join();
        assertEquals("active", decision());

        carol.updateContact(bob.toBuilder().policy(HandlingPolicy.BLOCK).build()).join();
        assertEquals("terminated;rejected", decision());
    }
}
