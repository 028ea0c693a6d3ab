package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.AddressBookManager;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.testing.XcapTestServer;
import org.junit.jupiter.api.Test;

/** The code of the README's address-book section, kept compiling and true (against the in-JVM server). */
class ReadmeXcapExampleTest {
    @Test
    void readmeExampleWorks() throws Exception {
        try (XcapTestServer server = XcapTestServer.start(XcapTestServer.Flavor.RFC)) {
            String xcapRoot = server.root().toString();
            try (XcapClient xcap = XcapClient.builder(xcapRoot)
                    .credentials("alice", "secret".toCharArray())
                    .compatibility(XcapCompatibility.STANDARD)   // XcapCompatibility.KAMAILIO for Kamailio
                    .build()) {
                AddressBookManager book = AddressBookManager.builder(xcap, "sip:alice@example.com").build();
                AddressBook contacts = book.addContact(Contact.builder("Bob").uri("sip:bob@example.com")
                        .subscribe(true).policy(HandlingPolicy.ALLOW).build()).join();
                assertEquals(1, contacts.contacts().size());
            }
        }
    }
}
