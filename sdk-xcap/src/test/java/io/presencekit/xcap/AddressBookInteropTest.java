package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.testing.Interop;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.AddressBookManager;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.addressbook.DefaultPolicy;
import io.presencekit.xcap.addressbook.Group;
import io.presencekit.xcap.directory.DirectoryEntry;
import io.presencekit.xcap.directory.XcapDirectory;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.rlsservices.RlsServices;
import io.presencekit.xcap.rlsservices.Service;
import io.presencekit.xcap.store.XcapDocumentStore;
import io.presencekit.xcap.usage.ApplicationUsage;
import io.presencekit.xcap.xcapcaps.XcapCaps;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The address book manager against the project's Kamailio XCAP server (interop/kamailio/NOTES.md). */
@Tag(Interop.TAG)
class AddressBookInteropTest {
    private static final List<String> CLEANED = List.of(ApplicationUsage.RESOURCE_LISTS.auid(),
            ApplicationUsage.RLS_SERVICES.auid(), ApplicationUsage.OMA_PRES_RULES.auid(),
            ApplicationUsage.PRES_RULES.auid(), ApplicationUsage.PIDF_MANIPULATION.auid(),
            ApplicationUsage.OMA_PRES_CONTENT.auid());

    private final Interop.Server server = Interop.server();
    private final String aliceAor = server.aor("alice");
    private final List<XcapClient> clients = new ArrayList<>();
    private XcapClient alice;

    private XcapClient client(String user) {
        XcapClient c = XcapClient.builder(server.xcapRoot()).credentials(user, server.password().toCharArray())
                .compatibility(XcapCompatibility.KAMAILIO).responseTimeout(Duration.ofSeconds(10)).build();
        clients.add(c);
        return c;
    }

    private AddressBookManager manager(String user) {
        return AddressBookManager.builder(client(user), server.aor(user)).build();
    }

    @BeforeEach
    void cleanAlice() {
        alice = client("alice");
        for (DirectoryEntry e : directory().map(d -> CLEANED.stream().flatMap(a -> d.documents(a).stream()).toList())
                .orElse(List.of())) {
            XcapUri u = XcapUri.parse(server.xcapRoot(), java.net.URI.create(e.uri()).getRawPath());
            alice.delete(u).exceptionally(x -> null).join();
        }
        assertTrue(directory().map(d -> CLEANED.stream().allMatch(a -> d.documents(a).isEmpty())).orElse(true));
    }

    @AfterEach
    void close() {
        clients.forEach(XcapClient::close);
    }

    private java.util.Optional<XcapDirectory> directory() {
        XcapDocumentStore store = XcapDocumentStore.builder(alice).build();
        return store.fetch(alice.uri().auid(ApplicationUsage.OMA_XCAP_DIRECTORY.auid()).user(aliceAor)
                .document("directory.xml").build(), ApplicationUsage.OMA_XCAP_DIRECTORY.codec()).join().value();
    }

    private <T> T get(ApplicationUsage<T> usage, String document) {
        XcapResponse r = alice.get(alice.uri().auid(usage.auid()).user(aliceAor).document(document).build()).join();
        return usage.codec().read(r.body());
    }

    private String raw(String auid, String document) {
        return alice.get(alice.uri().auid(auid).user(aliceAor).document(document).build()).join().bodyAsString();
    }

    private List<DirectoryEntry> presRulesDocuments() {
        XcapDirectory d = directory().orElseThrow();
        List<DirectoryEntry> all = new ArrayList<>(d.documents(ApplicationUsage.OMA_PRES_RULES.auid()));
        all.addAll(d.documents(ApplicationUsage.PRES_RULES.auid()));
        return all;
    }

    @Test
    void addressBookIsCreatedFromNothingAndChanged() {
        AddressBookManager m = manager("alice");
        assertEquals(AddressBook.EMPTY, m.load().join());

        Group friends = Group.builder("Friends").build();
        m.addGroup(friends).join();
        Contact bob = Contact.builder("Bob").uri(server.aor("bob"), "SIP").subscribe(true)
                .policy(HandlingPolicy.ALLOW).group(friends.id()).build();
        Contact carol = Contact.builder("Carol").uri(server.aor("carol")).policy(HandlingPolicy.BLOCK).build();
        m.addContact(bob).join();
        AddressBook book = m.addContact(carol).join();
        assertEquals(List.of(bob, carol), book.contacts());
        assertEquals(List.of(bob.id()), book.group(friends.id()).orElseThrow().contactIds());

        ResourceLists lists = get(ApplicationUsage.RESOURCE_LISTS, "index");
        assertEquals(List.of(server.aor("bob")), lists.list("oma_grantedcontacts").orElseThrow().allEntryUris());
        assertEquals(List.of(server.aor("carol")), lists.list("oma_blockedcontacts").orElseThrow().allEntryUris());
        assertEquals(List.of(server.aor("bob")), lists.list("sipsimple_presence_rls").orElseThrow().allEntryUris());
        RlsServices rls = get(ApplicationUsage.RLS_SERVICES, "index");
        Service service = rls.service("sip:alice+presence@" + server.domain()).orElseThrow();
        assertEquals(server.xcapRoot() + "/resource-lists/users/" + aliceAor
                + "/index/~~/resource-lists/list%5b@name=%22sipsimple_presence_rls%22%5d",
                service.resourceList().orElseThrow());
        List<DirectoryEntry> rulesDocs = presRulesDocuments();
        assertEquals(1, rulesDocs.size(), rulesDocs.toString());
        Ruleset rules = get(ApplicationUsage.OMA_PRES_RULES, "index");
        assertEquals(List.of("wp_prs_blockedcontacts", "wp_prs_allow_own", "wp_prs_grantedcontacts",
                "wp_prs_unlisted", "wp_prs_block_anonymous"), rules.rules().stream().map(Rule::id).toList());

        Contact robert = bob.toBuilder().name("Robert").subscribe(false).removeGroup(friends.id()).build();
        m.updateContact(robert).join();
        m.updateGroup(friends.toBuilder().name("Pals").contact(carol.id()).build()).join();
        m.removeContact(carol.id()).join();
        book = m.setDefaultPolicy(DefaultPolicy.BLOCK).join();

        AddressBook fresh = manager("alice").load().join();
        assertEquals(book, fresh);
        assertEquals(List.of(robert), fresh.contacts());
        assertEquals("Pals", fresh.group(friends.id()).orElseThrow().name());
        assertEquals(List.of(), fresh.group(friends.id()).orElseThrow().contactIds());
        assertEquals(DefaultPolicy.BLOCK, fresh.defaultPolicy());
        lists = get(ApplicationUsage.RESOURCE_LISTS, "index");
        assertEquals(List.of(), lists.list("sipsimple_presence_rls").orElseThrow().allEntryUris());
        assertEquals(List.of(), lists.list("oma_blockedcontacts").orElseThrow().allEntryUris());

        manager("alice").removeGroup(friends.id()).join();
        assertTrue(m.load().join().groups().isEmpty());
        assertEquals(1, presRulesDocuments().size());
    }

    @Test
    void twoDevicesAddingAtOnceBothLand() {
        AddressBookManager one = manager("alice");
        AddressBookManager two = manager("alice");
        List<CompletableFuture<AddressBook>> adds = new ArrayList<>();
        Set<String> uris = new HashSet<>();
        for (int i = 0; i < 3; i++) {
            String a = "sip:one" + i + "@example.com";
            String b = "sip:two" + i + "@example.com";
            uris.add(a);
            uris.add(b);
            adds.add(one.addContact(Contact.builder("one" + i).uri(a).subscribe(true).policy(HandlingPolicy.ALLOW)
                    .build()));
            adds.add(two.addContact(Contact.builder("two" + i).uri(b).subscribe(true).policy(HandlingPolicy.ALLOW)
                    .build()));
        }
        CompletableFuture.allOf(adds.toArray(CompletableFuture[]::new)).join();

        AddressBook book = manager("alice").load().join();
        assertEquals(6, book.contacts().size(), book.toString());
        ResourceLists lists = get(ApplicationUsage.RESOURCE_LISTS, "index");
        assertEquals(uris, new HashSet<>(lists.list("sipsimple_presence_rls").orElseThrow().allEntryUris()));
        assertEquals(uris, new HashSet<>(lists.list("oma_grantedcontacts").orElseThrow().allEntryUris()));

        manager("alice").normalize().join();
        Ruleset rules = get(ApplicationUsage.OMA_PRES_RULES, "index");
        assertEquals(uris, new HashSet<>(rules.rule("wp_prs_grantedcontacts").orElseThrow().conditions().orElseThrow()
                .identity().orElseThrow().uris()));
        assertEquals(1, presRulesDocuments().size());
    }

    @Test
    void foreignListsRulesAndNamespacesSurviveAddressBookChanges() {
        String lists = """
                <?xml version="1.0" encoding="UTF-8"?>
                <resource-lists xmlns="urn:ietf:params:xml:ns:resource-lists" xmlns:x="urn:example:other">
                  <list name="buddies"><entry uri="sip:zoe@example.com"><display-name>Zoe</display-name></entry>
                  <x:mark level="3"/></list>
                  <x:top>foreign</x:top>
                </resource-lists>
                """;
        String rules = """
                <?xml version="1.0" encoding="UTF-8"?>
                <cr:ruleset xmlns:cr="urn:ietf:params:xml:ns:common-policy" \
                xmlns:pr="urn:ietf:params:xml:ns:pres-rules" xmlns:x="urn:example:other">
                  <cr:rule id="other_client"><cr:conditions><cr:identity><cr:one id="sip:zoe@example.com"/>\
                </cr:identity></cr:conditions><cr:actions><pr:sub-handling>allow</pr:sub-handling></cr:actions>\
                <cr:transformations><x:flag/></cr:transformations></cr:rule>
                </cr:ruleset>
                """;
        XcapUri otherRules = alice.uri().auid(ApplicationUsage.OMA_PRES_RULES.auid()).user(aliceAor)
                .document("pres-rules").build();
        alice.put(alice.uri().auid("resource-lists").user(aliceAor).document("index").build(),
                ApplicationUsage.RESOURCE_LISTS.mimeType(), lists.getBytes(StandardCharsets.UTF_8)).join();
        alice.put(otherRules, ApplicationUsage.OMA_PRES_RULES.mimeType(), rules.getBytes(StandardCharsets.UTF_8))
                .join();

        AddressBookManager m = manager("alice");
        assertEquals(otherRules, m.presRulesUri().join());
        Contact bob = Contact.of("Bob", server.aor("bob"));
        m.addContact(bob).join();
        m.addContact(Contact.builder("Carol").uri(server.aor("carol")).policy(HandlingPolicy.BLOCK).build()).join();
        m.updateContact(bob.toBuilder().name("Robert").policy(HandlingPolicy.ALLOW).build()).join();
        m.setDefaultPolicy(DefaultPolicy.POLITE_BLOCK).join();

        String rl = raw("resource-lists", "index");
        for (String kept : List.of("sip:zoe@example.com", "Zoe", "urn:example:other", "mark", "foreign",
                "sipsimple_addressbook")) {
            assertTrue(rl.contains(kept), kept + " in " + rl);
        }
        String pr = raw(ApplicationUsage.OMA_PRES_RULES.auid(), "pres-rules");
        assertTrue(pr.contains("other_client") && pr.contains("urn:example:other") && pr.contains("flag"), pr);
        Ruleset parsed = ApplicationUsage.OMA_PRES_RULES.codec().read(pr.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of("wp_prs_blockedcontacts", "wp_prs_allow_own", "wp_prs_grantedcontacts", "other_client",
                "wp_prs_unlisted", "wp_prs_block_anonymous"), parsed.rules().stream().map(Rule::id).toList());
        List<DirectoryEntry> docs = presRulesDocuments();
        assertEquals(1, docs.size(), docs.toString());
        assertTrue(docs.get(0).uri().endsWith("/pres-rules"), docs.toString());
    }

    @Test
    void statusIconIsUploadedAndReadByAnotherUser() {
        AddressBookManager m = manager("alice");
        byte[] png = new byte[600];
        png[0] = (byte) 0x89;
        png[1] = 'P';
        m.setStatusIcon(png, "image/png").join();
        assertArrayEquals(png, m.statusIcon().join().orElseThrow().decodedData());
        assertArrayEquals(png, manager("bob").statusIconOf(aliceAor).join().orElseThrow().decodedData());
        m.clearStatusIcon().join();
        assertFalse(m.statusIcon().join().isPresent());
        m.clearStatusIcon().join();
    }

    @Test
    void offlineStatusIsSetAndCleared() {
        AddressBookManager m = manager("alice");
        PresenceDocument offline = PresenceDocument.builder(aliceAor)
                .tuple(Tuple.builder("SID-1").basic(Basic.CLOSED).build()).note(Note.of("Gone fishing")).build();
        m.setOfflineStatus(offline).join();
        PresenceDocument back = m.offlineStatus().join().orElseThrow();
        assertEquals("Gone fishing", back.notes().get(0).text());
        assertTrue(manager("alice").offlineStatus().join().isPresent());
        m.clearOfflineStatus().join();
        assertFalse(manager("alice").offlineStatus().join().isPresent());
    }

    @Test
    void capabilitiesAndDirectoryAreReadTyped() {
        XcapDocumentStore store = XcapDocumentStore.builder(alice).build();
        XcapCaps caps = store.fetch(alice.uri().auid("xcap-caps").global().document("index").build(),
                ApplicationUsage.XCAP_CAPS.codec()).join().value().orElseThrow();
        assertTrue(caps.auids().containsAll(List.of("resource-lists", "rls-services", "pidf-manipulation",
                "org.openmobilealliance.pres-rules")), caps.auids().toString());
        manager("alice").addContact(Contact.of("Bob", server.aor("bob"))).join();
        XcapDirectory dir = directory().orElseThrow();
        assertEquals(1, dir.documents("resource-lists").size(), dir.toString());
        assertTrue(dir.documents("resource-lists").get(0).uri().endsWith("/resource-lists/users/" + aliceAor
                + "/index"), dir.toString());
        assertEquals(1, dir.documents("rls-services").size(), dir.toString());
    }
}
