package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.AddressBookManager;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.addressbook.DefaultPolicy;
import io.presencekit.xcap.addressbook.Group;
import io.presencekit.xcap.addressbook.WatcherPolicy;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.resourcelists.SharedAttributes;
import io.presencekit.xcap.rlsservices.RlsServices;
import io.presencekit.xcap.rlsservices.Service;
import io.presencekit.xcap.store.XcapDocumentStore;
import io.presencekit.xcap.testing.XcapTestServer;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AddressBookManagerTest {
    private static final String ALICE = "sip:alice@example.com";
    private static final String RL = "resource-lists/users/sip:alice@example.com/index";
    private static final String RLS = "rls-services/users/sip:alice@example.com/index";
    private static final String OMA_RULES = "org.openmobilealliance.pres-rules/users/sip:alice@example.com/index";
    private static final String DIRECTORY = "org.openmobilealliance.xcap-directory/users/sip:alice@example.com/"
            + "directory.xml";

    private XcapTestServer server;
    private XcapClient client;
    private AddressBookManager manager;

    @BeforeEach
    void start() throws Exception {
        server = XcapTestServer.start(XcapTestServer.Flavor.RFC);
        client = XcapClient.builder(server.root()).build();
        manager = AddressBookManager.builder(client, ALICE).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private ResourceLists lists() {
        return ApplicationUsage.RESOURCE_LISTS.codec().read(server.document(RL).getBytes(StandardCharsets.UTF_8));
    }

    private Ruleset rules(String path) {
        return ApplicationUsage.OMA_PRES_RULES.codec().read(server.document(path).getBytes(StandardCharsets.UTF_8));
    }

    private Set<String> entries(String list) {
        return new HashSet<>(lists().list(list).orElseThrow().allEntryUris());
    }

    private long writes() {
        return server.requests().stream().filter(r -> r.method().equals("PUT") || r.method().equals("DELETE"))
                .count();
    }

    private static List<String> ruleIds(Ruleset r) {
        return r.rules().stream().map(Rule::id).toList();
    }

    @Test
    void createsTheBlinkLayoutFromNothing() {
        assertEquals(AddressBook.EMPTY, manager.load().join());
        Contact bob = Contact.builder("Bob").uri("sip:bob@example.com", "SIP").subscribe(true)
                .policy(HandlingPolicy.ALLOW).build();
        AddressBook book = manager.addContact(bob).join();

        assertEquals(List.of(bob), book.contacts());
        ResourceList ab = lists().list("sipsimple_addressbook").orElseThrow();
        assertEquals(1, ab.contacts().size());
        assertEquals(bob.id(), ab.contacts().get(0).id());
        assertEquals("Bob", ab.contacts().get(0).name());
        assertTrue(server.document(RL).contains("urn:ag-projects:xml:ns:addressbook"));
        for (String name : List.of("oma_buddylist", "oma_allcontacts", "dialog_grantedcontacts",
                "dialog_blockedcontacts", "sipsimple_dialog_rls", "oma_blockedcontacts")) {
            assertTrue(lists().list(name).isPresent(), name);
        }
        assertEquals(Set.of("sip:bob@example.com"), entries("oma_grantedcontacts"));
        assertEquals(Set.of(), entries("oma_blockedcontacts"));
        assertEquals(Set.of("sip:bob@example.com"), entries("sipsimple_presence_rls"));

        RlsServices rls = ApplicationUsage.RLS_SERVICES.codec().read(server.document(RLS)
                .getBytes(StandardCharsets.UTF_8));
        Service presence = rls.service("sip:alice+presence@example.com").orElseThrow();
        assertEquals(server.root() + "/resource-lists/users/sip:alice@example.com/index/~~/resource-lists/"
                + "list%5b@name=%22sipsimple_presence_rls%22%5d", presence.resourceList().orElseThrow());
        assertEquals(List.of("presence"), presence.packages());
        assertTrue(rls.service("sip:alice+dialog@example.com").isPresent());

        Ruleset rules = rules(OMA_RULES);
        assertEquals(List.of("wp_prs_allow_own", "wp_prs_grantedcontacts", "wp_prs_unlisted", "wp_prs_blockedcontacts",
                "wp_prs_block_anonymous"), ruleIds(rules));
        Rule granted = rules.rule("wp_prs_grantedcontacts").orElseThrow();
        assertEquals(List.of("sip:bob@example.com"), granted.conditions().orElseThrow().identity().orElseThrow()
                .uris());
        assertTrue(granted.conditions().orElseThrow().externalList().orElseThrow().anchors().get(0)
                .endsWith("list%5b@name=%22oma_grantedcontacts%22%5d"));
        assertEquals(SubHandling.ALLOW, granted.subHandling().orElseThrow());
        assertEquals(SubHandling.CONFIRM, rules.rule("wp_prs_unlisted").orElseThrow().subHandling().orElseThrow());
        assertEquals(book, manager.load().join());
    }

    @Test
    void blockRulesComeBeforeAllowRulesAndTheDefaultRuleLast() {
        manager.addContact(Contact.builder("Bob").uri("sip:bob@example.com").policy(HandlingPolicy.ALLOW).build())
                .join();
        manager.addContact(Contact.builder("Carol").uri("sip:carol@example.com").policy(HandlingPolicy.BLOCK)
                .build()).join();
        manager.setWatcherPolicy(WatcherPolicy.of("sip:dave@example.com", HandlingPolicy.BLOCK)).join();
        AddressBook book = manager.setDefaultPolicy(DefaultPolicy.ALLOW).join();

        assertEquals(DefaultPolicy.ALLOW, book.defaultPolicy());
        assertEquals(HandlingPolicy.BLOCK, book.watcherPolicy("sip:dave@example.com").orElseThrow().policy());
        Ruleset rules = rules(OMA_RULES);
        assertEquals(List.of("wp_prs_blockedcontacts", "wp_prs_allow_own", "wp_prs_grantedcontacts",
                "wp_prs_allow_unlisted", "wp_prs_block_anonymous"), ruleIds(rules));
        assertEquals(List.of("sip:carol@example.com", "sip:dave@example.com"), rules.rule("wp_prs_blockedcontacts")
                .orElseThrow().conditions().orElseThrow().identity().orElseThrow().uris());
        assertEquals(SubHandling.BLOCK, rules.rule("wp_prs_blockedcontacts").orElseThrow().subHandling()
                .orElseThrow());
        assertEquals(Set.of("sip:carol@example.com", "sip:dave@example.com"), entries("oma_blockedcontacts"));

        // a contact wins over a policy for the same URI
        manager.addContact(Contact.builder("Dave").uri("sip:dave@example.com").policy(HandlingPolicy.ALLOW).build())
                .join();
        assertEquals(Set.of("sip:carol@example.com"), entries("oma_blockedcontacts"));
        assertEquals(Set.of("sip:bob@example.com", "sip:dave@example.com"), entries("oma_grantedcontacts"));

        assertEquals(DefaultPolicy.POLITE_BLOCK, manager.setDefaultPolicy(DefaultPolicy.POLITE_BLOCK).join()
                .defaultPolicy());
        Rule unlisted = rules(OMA_RULES).rules().get(3);
        assertEquals("wp_prs_unlisted", unlisted.id());
        assertTrue(unlisted.transformations().orElseThrow().isEmpty(), "polite-block shows nothing");
        long before = writes();
        manager.normalize().join();
        assertEquals(before, writes());
    }

    @Test
    void groupsAndContactsAreAddedChangedAndRemoved() {
        Group friends = Group.builder("Friends").build();
        manager.addGroup(friends).join();
        Contact bob = Contact.builder("Bob").uri("sip:bob@example.com").group(friends.id()).subscribe(true)
                .attributes(SharedAttributes.of(SharedAttributes.BLINK, Map.of("preferred_media", "audio")))
                .build();
        AddressBook book = manager.addContact(bob).join();
        assertEquals(List.of(bob.id()), book.group(friends.id()).orElseThrow().contactIds());
        assertEquals(bob, book.contact(bob.id()).orElseThrow());

        Contact renamed = bob.toBuilder().name("Robert").uri("sip:bob@work.example.com", "work").subscribe(false)
                .removeGroup(friends.id()).build();
        book = manager.updateContact(renamed).join();
        assertEquals(renamed, book.contact(bob.id()).orElseThrow());
        assertEquals(List.of(), book.group(friends.id()).orElseThrow().contactIds());
        assertEquals(Set.of(), entries("sipsimple_presence_rls"));

        book = manager.updateGroup(friends.toBuilder().name("Pals").contact(bob.id()).contact("nobody").build())
                .join();
        assertEquals("Pals", book.group(friends.id()).orElseThrow().name());
        assertEquals(List.of(bob.id()), book.group(friends.id()).orElseThrow().contactIds());
        assertEquals(Set.of(friends.id()), book.contact(bob.id()).orElseThrow().groupIds());

        book = manager.removeContact(bob.id()).join();
        assertTrue(book.contacts().isEmpty());
        assertEquals(List.of(), book.group(friends.id()).orElseThrow().contactIds());
        book = manager.removeGroup(friends.id()).join();
        assertTrue(book.groups().isEmpty());
    }

    @Test
    void nothingIsWrittenWhenNothingChanges() {
        Contact bob = Contact.of("Bob", "sip:bob@example.com");
        manager.addContact(bob).join();
        long before = writes();
        manager.updateContact(bob).join();
        manager.setDefaultPolicy(DefaultPolicy.CONFIRM).join();
        manager.clearStatusIcon().join();
        manager.clearOfflineStatus().join();
        assertEquals(before, writes());

        // a change to the address book only rewrites resource-lists: the derived documents are equal
        manager.updateContact(bob.toBuilder().name("Robert").build()).join();
        assertEquals(before + 1, writes());
    }

    @Test
    void foreignListsRulesAndUnknownNamespacesAreKeptAndTheListedPresRulesDocumentIsReused() {
        String rulesPath = "org.openmobilealliance.pres-rules/users/sip:alice@example.com/pres-rules";
        server.store(DIRECTORY, "application/vnd.oma.xcap-directory+xml",
                "<xcap-directory xmlns=\"urn:oma:xml:xdm:xcap-directory\">"
                + "<folder auid=\"org.openmobilealliance.pres-rules\"><entry uri=\"" + server.root() + "/" + rulesPath
                + "\" etag=\"x1\"/></folder></xcap-directory>");
        server.store(RL, "application/resource-lists+xml",
                "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\" xmlns:x=\"urn:example:other\">"
                + "<list name=\"buddies\"><entry uri=\"sip:zoe@example.com\"/><x:mark level=\"3\"/></list>"
                + "<list name=\"sipsimple_addressbook\" xmlns:ab=\"urn:ag-projects:xml:ns:addressbook\">"
                + "<ab:contact id=\"c1\"><ab:name>Old</ab:name><ab:uris default=\"u1\">"
                + "<ab:uri id=\"u1\" uri=\"sip:old@example.com\" type=\"SIP\"/></ab:uris>"
                + "<ab:dialog><ab:policy>default</ab:policy><ab:subscribe>false</ab:subscribe></ab:dialog>"
                + "<ab:presence><ab:policy>default</ab:policy><ab:subscribe>true</ab:subscribe></ab:presence>"
                + "<x:extra>keep me</x:extra></ab:contact>"
                + "</list><x:top/></resource-lists>");
        server.store(rulesPath, "application/auth-policy+xml",
                "<cr:ruleset xmlns:cr=\"urn:ietf:params:xml:ns:common-policy\" "
                + "xmlns:pr=\"urn:ietf:params:xml:ns:pres-rules\" xmlns:x=\"urn:example:other\">"
                + "<cr:rule id=\"other_client\"><cr:conditions><cr:identity><cr:one id=\"sip:zoe@example.com\"/>"
                + "</cr:identity></cr:conditions><cr:actions><pr:sub-handling>allow</pr:sub-handling>"
                + "<x:flag/></cr:actions></cr:rule></cr:ruleset>");

        AddressBook book = manager.load().join();
        assertEquals("Old", book.contact("c1").orElseThrow().name());
        manager.addContact(Contact.builder("Bob").uri("sip:bob@example.com").policy(HandlingPolicy.BLOCK).build())
                .join();
        manager.updateContact(book.contact("c1").orElseThrow().toBuilder().name("Renamed").build()).join();

        String rl = server.document(RL);
        assertTrue(rl.contains("sip:zoe@example.com"), rl);
        assertTrue(rl.contains("mark"), rl);
        assertTrue(rl.contains("keep me"), rl);
        assertTrue(rl.contains("top"), rl);
        assertNull(server.document(OMA_RULES), "no second pres-rules document");
        Ruleset rules = rules(rulesPath);
        assertEquals(List.of("wp_prs_blockedcontacts", "wp_prs_allow_own", "other_client", "wp_prs_unlisted",
                "wp_prs_grantedcontacts", "wp_prs_block_anonymous"), ruleIds(rules));
        assertTrue(server.document(rulesPath).contains("urn:example:other"));
        assertEquals("Renamed", manager.load().join().contact("c1").orElseThrow().name());
    }

    @Test
    void twoManagersAddingAtOnceBothLand() {
        AddressBookManager other = AddressBookManager.builder(client, ALICE).build();
        CompletableFuture<AddressBook> a = manager.addContact(Contact.of("Bob", "sip:bob@example.com"));
        CompletableFuture<AddressBook> b = other.addContact(Contact.of("Carol", "sip:carol@example.com"));
        CompletableFuture.allOf(a, b).join();
        AddressBook book = manager.load().join();
        assertEquals(2, book.contacts().size());
        assertEquals(Set.of("sip:bob@example.com", "sip:carol@example.com"), entries("sipsimple_presence_rls"));
    }

    @Test
    void statusIconAndOfflineStatus() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3};
        manager.setStatusIcon(png, "image/png").join();
        assertTrue(server.document("org.openmobilealliance.pres-content/users/sip:alice@example.com/"
                + "oma_status-icon/index").contains("base64"));
        assertEquals("image/png", manager.statusIcon().join().orElseThrow().mimeType().orElseThrow());
        assertEquals(List.of((Object) png.length), List.of((Object) manager.statusIconOf(ALICE).join().orElseThrow()
                .decodedData().length));
        manager.clearStatusIcon().join();
        assertFalse(manager.statusIcon().join().isPresent());

        PresenceDocument offline = PresenceDocument.builder(ALICE)
                .tuple(Tuple.builder("t1").basic(Basic.CLOSED).build()).note(Note.of("on holiday")).build();
        manager.setOfflineStatus(offline).join();
        assertTrue(server.document("pidf-manipulation/users/sip:alice@example.com/index").contains("on holiday"));
        assertEquals(offline, manager.offlineStatus().join().orElseThrow());
        manager.clearOfflineStatus().join();
        assertFalse(manager.offlineStatus().join().isPresent());
    }

    @Test
    void aChangeDroppedByAConcurrentWriteIsAppliedAgain() {
        manager.addContact(Contact.of("Bob", "sip:bob@example.com")).join();
        String before = server.document(RL);
        java.util.concurrent.atomic.AtomicInteger readBacks = new java.util.concurrent.atomic.AtomicInteger();
        // What Kamailio does when two devices PUT on one ETag: the other device's older version
        // lands after ours and our change is gone; the store's read-back finds that out.
        java.util.concurrent.Executor racing = task -> {
            if (readBacks.getAndIncrement() == 0) {
                server.store(RL, "application/resource-lists+xml", before);
            }
            task.run();
        };
        try (XcapClient racy = XcapClient.builder(server.root())
                .compatibility(XcapCompatibility.custom().nonAtomicConditionalWrites(true).build()).build()) {
            XcapDocumentStore store = XcapDocumentStore.builder(racy).readBackExecutor(racing).build();
            AddressBookManager verifying = AddressBookManager.builder(racy, ALICE).store(store).build();
            AddressBook book = verifying.addContact(Contact.of("Carol", "sip:carol@example.com")).join();
            assertEquals(2, book.contacts().size());
            assertTrue(readBacks.get() >= 2, "one read-back found the change gone, a later one found it");
            assertEquals(Set.of("sip:bob@example.com", "sip:carol@example.com"), entries("sipsimple_presence_rls"));
        }
    }

    @Test
    void anIetfPresRulesDocumentListedInTheDirectoryIsReusedAndCommentsThatStopKamailioAreDropped() {
        String rulesPath = "pres-rules/users/sip:alice@example.com/index";
        server.store(DIRECTORY, "application/vnd.oma.xcap-directory+xml",
                "<xcap-directory xmlns=\"urn:oma:xml:xdm:xcap-directory\">"
                + "<folder auid=\"pres-rules\"><entry uri=\"" + server.root() + "/" + rulesPath
                + "\" etag=\"x1\"/></folder></xcap-directory>");
        server.store(rulesPath, "application/auth-policy+xml",
                "<cr:ruleset xmlns:cr=\"urn:ietf:params:xml:ns:common-policy\"><!-- written by hand -->"
                + "</cr:ruleset>");
        manager.addContact(Contact.of("Bob", "sip:bob@example.com")).join();
        assertEquals(rulesPath, manager.presRulesUri().join().path().replaceFirst("^.*?/(pres-rules/)", "$1"));
        assertNull(server.document(OMA_RULES));
        assertFalse(server.document(rulesPath).contains("<!--"), server.document(rulesPath));
        assertTrue(rules(rulesPath).rule("wp_prs_unlisted").isPresent());
    }
}
