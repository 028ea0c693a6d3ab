package io.presencekit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.PresenceKitException;
import io.presencekit.internal.OwnPresenceDocuments;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.SummaryStatus;
import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.sip.PresenceIds;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.AddressBookManager;
import io.presencekit.xcap.testing.XcapTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import javax.sip.header.CallIdHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The facade against a scripted SIP server without XCAP: start, publication of the own presence,
 * the own-AoR and watcher-info subscriptions, listener threading, close.
 */
class PresenceClientTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String AOR = "sip:bob@example.com";
    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    private final AtomicInteger etags = new AtomicInteger();
    @TempDir
    Path state;
    private PresenceClient client;

    @AfterEach
    void close() {
        if (client != null) {
            client.closeNow();
        }
        peer.close();
    }

    private final PresenceListener recorder = new PresenceListener() {
        private void add(String e) {
            events.add(e + (Thread.currentThread().getName().startsWith("presencekit-callbacks") ? "" : " ON "
                    + Thread.currentThread().getName()));
        }

        @Override
        public void contactsLoaded(AddressBook addressBook) {
            add("loaded:" + addressBook.contacts().size());
        }

        @Override
        public void clientStateChanged(ClientState s) {
            add("state:" + s.status() + s.reason().map(r -> ":" + r).orElse(""));
        }

        @Override
        public void ownPresenceChanged(ContactPresence presence) {
            add("own:" + presence.summary() + ":" + presence.note().orElse(""));
        }

        @Override
        public void watcherRequest(Watcher watcher) {
            add("request:" + watcher.uri());
        }

        @Override
        public void watchersChanged(List<Watcher> watchers) {
            add("watchers:" + watchers.size());
        }

        @Override
        public void error(PresenceKitException error) {
            add("error:" + error.getMessage());
        }
    };

    private SipAccount account() {
        return SipAccount.builder(AOR).password("secret".toCharArray()).outboundProxy(peer.proxyUri())
                .stateDirectory(state).build();
    }

    private void start() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(3600)));
        peer.on("PUBLISH", (req, p) -> {
            int asked = req.getExpires() == null ? 3600 : req.getExpires().getExpires();
            return p.response(req, 200, "SIP-ETag: e" + etags.incrementAndGet(), "Expires: " + asked);
        });
        peer.on("SUBSCRIBE", (req, p) -> {
            Response r = p.response(req, 200, "Expires: 600", "Contact: <sip:pa@127.0.0.1:" + p.port()
                    + ";transport=tcp>");
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("n" + etags.incrementAndGet());
            return r;
        });
        client = PresenceClient.builder(account()).settings(SipSettings.DEFAULT).listener(recorder).build();
        client.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    private String await(Predicate<String> wanted, String what) throws InterruptedException {
        return await(wanted, WAIT, what);
    }

    private String await(Predicate<String> wanted, Duration wait, String what) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            String e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (e != null) {
                assertFalse(e.contains(" ON "), "a callback ran on another thread: " + e);
                if (wanted.test(e)) {
                    return e;
                }
            }
        }
        throw new AssertionError("no " + what);
    }

    private Request subscribe(String event) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (Request r : peer.received("SUBSCRIBE")) {
                if (((EventHeader) r.getHeader(EventHeader.NAME)).getEventType().equals(event)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no SUBSCRIBE for " + event);
    }

    private Request subscribeTo(String uri, String event) throws Exception {
        long end = System.nanoTime() + WAIT.toNanos();
        while (System.nanoTime() < end) {
            for (Request r : peer.received("SUBSCRIBE")) {
                if (((EventHeader) r.getHeader(EventHeader.NAME)).getEventType().equals(event)
                        && r.getRequestURI().toString().equals(uri)) {
                    return r;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no SUBSCRIBE to " + uri + " for " + event + " in " + peer.received("SUBSCRIBE"));
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private PresenceDocument lastPublished() {
        List<Request> all = peer.received("PUBLISH");
        return PidfCodec.standard().read(all.get(all.size() - 1).getRawContent());
    }

    @Test
    void withoutXcapTheClientPublishesAndRunsDegradedWithAnEmptyAddressBook() throws Exception {
        start();
        await(e -> e.equals("state:STARTING"), "starting");
        await(e -> e.equals("loaded:0"), "empty address book");
        await(e -> e.startsWith("state:DEGRADED:no XCAP server"), "degraded state");
        PresenceDocument published = lastPublished();
        PresenceIds ids = PresenceIds.of(client.account());
        assertEquals(ids.tupleId(), published.tuples().get(0).id());
        assertEquals(SummaryStatus.AVAILABLE, ContactPresence.of(AOR, published).summary());
        assertThrows(ExecutionException.class, () -> client.addContact(
                io.presencekit.xcap.addressbook.Contact.of("Alice", "sip:alice@example.com")).get(5, TimeUnit.SECONDS));
    }

    @Test
    void anUnreachableXcapServerLeavesPresenceWorkingAndTheClientDegraded() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(3600)));
        peer.on("PUBLISH", Reply.status(200, "SIP-ETag: e1", "Expires: 600"));
        peer.on("SUBSCRIBE", Reply.status(403));
        int closedPort;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        client = PresenceClient.builder(account()).xcapRoot("http://127.0.0.1:" + closedPort + "/xcap-root")
                .listener(recorder).build();
        client.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
        await(e -> e.startsWith("error:"), "the XCAP failure reported");
        await(e -> e.equals("loaded:0"), "an empty address book");
        await(e -> e.startsWith("state:DEGRADED:XCAP server unreachable"), "degraded state");
        assertEquals(SummaryStatus.AVAILABLE, ContactPresence.of(AOR, lastPublished()).summary());
        client.setPresence(OwnPresence.builder(OwnPresence.Availability.BUSY).build()).get(WAIT.toSeconds(),
                TimeUnit.SECONDS);
        assertEquals(SummaryStatus.BUSY, ContactPresence.of(AOR, lastPublished()).summary());
    }

    @Test
    void anXcapServerThatComesBackIsLoadedWatchedThroughTheListAndFollowed() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(3600)));
        peer.on("PUBLISH", Reply.status(200, "SIP-ETag: e1", "Expires: 600"));
        peer.on("SUBSCRIBE", (req, p) -> {
            Response r = p.response(req, 200, "Expires: 600", "Contact: <sip:pa@127.0.0.1:" + p.port()
                    + ";transport=tcp>");
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("n" + etags.incrementAndGet());
            return r;
        });
        try (XcapTestServer xcap = XcapTestServer.start(XcapTestServer.Flavor.RFC)) {
            // the address book another device wrote: alice, watched
            try (XcapClient other = XcapClient.builder(xcap.root()).build()) {
                AddressBookManager.builder(other, AOR).build()
                        .addContact(io.presencekit.xcap.addressbook.Contact.of("Alice", "sip:alice@example.com"))
                        .get(WAIT.toSeconds(), TimeUnit.SECONDS);
            }
            xcap.unavailable(true);
            int before = xcap.requests().size();
            client = PresenceClient.builder(account()).xcapRoot(xcap.root()).listener(recorder).build();
            client.start().get(WAIT.toSeconds(), TimeUnit.SECONDS);
            await(e -> e.startsWith("error:"), "the XCAP failure reported");
            await(e -> e.equals("loaded:0"), "an empty address book");
            await(e -> e.startsWith("state:DEGRADED:XCAP server unreachable"), "degraded state");
            assertTrue(xcap.requests().size() > before);
            assertTrue(xcap.requests().subList(before, xcap.requests().size()).stream()
                    .allMatch(r -> r.status() == 503));

            xcap.unavailable(false);
            // the first retry comes within 5 s
            await(e -> e.equals("loaded:1"), Duration.ofSeconds(20), "the address book once the server answers");
            await(e -> e.equals("state:ONLINE"), "online again");
            assertEquals(List.of("sip:alice@example.com"), client.addressBook().contacts().stream()
                    .flatMap(c -> c.uris().stream()).map(u -> u.uri()).toList());
            Request list = subscribeTo("sip:bob+presence@example.com", "presence");
            assertTrue(list.getHeader("Supported").toString().contains("eventlist"), list.toString());
            subscribe("xcap-diff");
        }
    }

    @Test
    void setPresenceRepublishesWithTheSameTupleAndInvisibleLooksOffline() throws Exception {
        start();
        client.setPresence(OwnPresence.builder(OwnPresence.Availability.AWAY).note("lunch").build())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        ContactPresence away = ContactPresence.of(AOR, lastPublished());
        assertEquals(SummaryStatus.AWAY, away.summary());
        assertEquals(Optional.of("lunch"), away.note());
        client.setPresence(OwnPresence.builder(OwnPresence.Availability.INVISIBLE).build())
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        PresenceDocument invisible = lastPublished();
        assertEquals(SummaryStatus.OFFLINE, ContactPresence.of(AOR, invisible).summary());
        assertEquals(PresenceIds.of(client.account()).tupleId(), invisible.tuples().get(0).id());
        // the subscriptions stay: nothing was unsubscribed
        assertTrue(peer.received("SUBSCRIBE").stream().allMatch(r -> r.getExpires() == null
                || r.getExpires().getExpires() > 0));
    }

    @Test
    void theOwnEchoIsIgnoredAndAnotherDevicesPresenceIsReported() throws Exception {
        start();
        Request self = subscribe("presence");
        assertEquals(AOR, self.getRequestURI().toString());
        byte[] echo = peer.received("PUBLISH").get(0).getRawContent();
        peer.sendNotify(callId(self), "presence", "active;expires=600", "application/pidf+xml",
                new String(echo, StandardCharsets.UTF_8)).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        OwnPresenceDocuments phone = new OwnPresenceDocuments(AOR,
                PresenceIds.of(AOR, "urn:uuid:11111111-2222-4333-8444-555555555555"), "phone");
        PresenceDocument mine = PidfCodec.standard().read(echo);
        PresenceDocument theirs = phone.document(OwnPresence.builder(OwnPresence.Availability.BUSY).note("on a call")
                .build(), null, Instant.now());
        String merged = new String(PidfCodec.standard().write(mine.toBuilder().tuple(theirs.tuples().get(0)).build()),
                StandardCharsets.UTF_8);
        peer.sendNotify(callId(self), "presence", "active;expires=600", "application/pidf+xml", merged)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        String own = await(e -> e.startsWith("own:"), "own presence of the other device");
        assertEquals("own:BUSY:", own.substring(0, "own:BUSY:".length()));
        // the same again is not reported twice; the first event was not our echo
        peer.sendNotify(callId(self), "presence", "active;expires=600", "application/pidf+xml", merged)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        client.close(Duration.ofSeconds(5));
        await(e -> e.equals("state:OFFLINE"), "offline");
        assertFalse(events.stream().anyMatch(e -> e.startsWith("own:")), events::toString);
        assertEquals(SummaryStatus.BUSY, client.otherDevicesPresence().orElseThrow().summary());
    }

    @Test
    void aPendingWatcherBecomesAWatcherRequest() throws Exception {
        start();
        Request winfo = subscribe("presence.winfo");
        String doc = "<?xml version=\"1.0\"?>\n<watcherinfo xmlns=\"urn:ietf:params:xml:ns:watcherinfo\" version=\"0\""
                + " state=\"full\"><watcher-list resource=\"" + AOR + "\" package=\"presence\">"
                + "<watcher id=\"w1\" event=\"subscribe\" status=\"pending\">sip:carol@example.com</watcher>"
                + "<watcher id=\"w2\" event=\"subscribe\" status=\"active\">sip:alice@example.com</watcher>"
                + "</watcher-list></watcherinfo>";
        peer.sendNotify(callId(winfo), "presence.winfo", "active;expires=600", "application/watcherinfo+xml", doc)
                .get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("request:sip:carol@example.com", await(e -> e.startsWith("request:"), "watcher request"));
        assertEquals("watchers:2", await(e -> e.startsWith("watchers:"), "watcher list"));
        assertEquals(2, client.watchers().size());
    }

    @Test
    void closeUnpublishesAndEndsWithOffline() throws Exception {
        start();
        client.close(Duration.ofSeconds(5));
        await(e -> e.equals("state:OFFLINE"), "offline");
        assertTrue(peer.received("PUBLISH").stream().anyMatch(r -> r.getExpires() != null
                && r.getExpires().getExpires() == 0), "no removal PUBLISH");
        assertEquals(ClientState.OFFLINE, client.state());
        assertThrows(ExecutionException.class, () -> client.setPresence(OwnPresence.AVAILABLE)
                .get(5, TimeUnit.SECONDS));
    }

    @Test
    void listenerDefaultsDoNothing() {
        PresenceListener quiet = new PresenceListener() { };
        quiet.contactPresenceChanged(new ContactPresenceEvent(AOR, Optional.empty(), ContactPresence.unknown(AOR),
                List.of()));
        quiet.contactsLoaded(AddressBook.EMPTY);
        quiet.contactsChanged(AddressBook.EMPTY, Origin.REMOTE);
        quiet.watcherRequest(Watcher.of("w", "sip:carol@example.com",
                io.presencekit.pidf.watcherinfo.WatcherStatus.PENDING,
                io.presencekit.pidf.watcherinfo.WatcherEvent.SUBSCRIBE));
        quiet.watchersChanged(List.of());
        quiet.ownPresenceChanged(ContactPresence.unknown(AOR));
        quiet.clientStateChanged(ClientState.degraded("x"));
        quiet.error(new PresenceKitException("x"));
    }
}
