package io.presencekit.sip.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.watcherinfo.WatcherInfoUpdate;
import io.presencekit.pidf.watcherinfo.WatcherStatus;
import io.presencekit.sip.Notification;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import io.presencekit.sip.testing.VirtualScheduler;
import io.presencekit.xcap.XcapUri;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The event packages on top of the subscription usage, against a scripted notifier. */
class EventPackageTest {
    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String WINFO = "application/watcherinfo+xml";

    private final ScriptedSipPeer peer = ScriptedSipPeer.tcp();
    private final VirtualScheduler time = new VirtualScheduler();
    private final BlockingQueue<String> events = new LinkedBlockingQueue<>();
    @TempDir
    Path state;
    private SipEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.closeNow();
        }
        peer.close();
    }

    private void start() throws Exception {
        peer.on("REGISTER", Reply.registrar(Duration.ofSeconds(3600)));
        peer.on("SUBSCRIBE", (req, p) -> {
            Response r = p.response(req, 200, "Expires: 600", "Contact: <sip:pa@127.0.0.1:" + p.port()
                    + ";transport=tcp>");
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag("n1");
            return r;
        });
        SipAccount account = SipAccount.builder("sip:alice@example.com").password("secret".toCharArray())
                .outboundProxy(peer.proxyUri()).stateDirectory(state).build();
        engine = new SipEngine(account, SipSettings.builder().clock(time.clock()).scheduler(time).build(), null);
        engine.start().get(10, TimeUnit.SECONDS);
    }

    private String next() throws InterruptedException {
        String e = events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        if (e == null) {
            throw new AssertionError("no event");
        }
        return e;
    }

    private static String callId(Request r) {
        return ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
    }

    private static String winfo(int version, String state, String status) {
        return "<?xml version=\"1.0\"?><watcherinfo xmlns=\"urn:ietf:params:xml:ns:watcherinfo\" version=\"" + version
                + "\" state=\"" + state + "\"><watcher-list resource=\"sip:alice@example.com\" package=\"presence\">"
                + "<watcher id=\"w1\" event=\"subscribe\" status=\"" + status + "\">sip:carol@example.com</watcher>"
                + "</watcher-list></watcherinfo>";
    }

    @Test
    void anUnreadablePidfIsReportedAndTheSubscriptionGoesOn() throws Exception {
        start();
        PresenceSubscription s = PresenceSubscription.create(engine,
                PresenceSubscription.request("sip:bob@example.com").build(), new PresenceSubscription.Listener() {
                    @Override
                    public void presenceChanged(PresenceDocument document, Notification notification) {
                        events.add("presence:" + document.entity());
                    }

                    @Override
                    public void bodyRejected(Notification notification, RuntimeException error) {
                        events.add("rejected");
                    }
                });
        s.start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertTrue(sub.getHeader("Accept").toString().contains("application/pidf+xml"));
        peer.sendNotify(callId(sub), "presence", "active;expires=600", "application/pidf+xml",
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\"><tuple").get(10, TimeUnit.SECONDS);
        assertEquals("rejected", next());
        peer.sendNotify(callId(sub), "presence", "active;expires=600", "application/pidf+xml",
                "<presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:bob@example.com\"/>")
                .get(10, TimeUnit.SECONDS);
        assertEquals("presence:sip:bob@example.com", next());
        assertEquals(SubscriptionState.ACTIVE, s.subscription().state());
        assertEquals("sip:bob@example.com", s.last().orElseThrow().entity());
    }

    @Test
    void winfoMergesByVersionAndRefreshesOnAGap() throws Exception {
        start();
        WatcherInfoSubscription s = WatcherInfoSubscription.create(engine,
                WatcherInfoSubscription.request("sip:alice@example.com").build(), new WatcherInfoSubscription.Listener() {
                    @Override
                    public void watchersChanged(WatcherInfoUpdate update, Notification notification) {
                        events.add(update.outcome() + ":" + update.changes().size() + ":"
                                + update.newlyAwaitingAuthorization().size());
                    }
                });
        s.start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals("presence.winfo", sub.getHeader("Event").toString().replace("Event:", "").trim());
        peer.sendNotify(callId(sub), "presence.winfo", "active;expires=600", WINFO, winfo(0, "full", "pending"))
                .get(10, TimeUnit.SECONDS);
        assertEquals("APPLIED:1:1", next());
        assertEquals(1, s.state().watchers(WatcherStatus.PENDING).size());
        // version 1 was lost: the partial version 2 is merged, and the subscription refreshed for full state
        peer.sendNotify(callId(sub), "presence.winfo", "active;expires=600", WINFO, winfo(2, "partial", "active"))
                .get(10, TimeUnit.SECONDS);
        assertEquals("APPLIED_NEEDS_REFRESH:1:0", next());
        Request refresh = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertEquals(callId(sub), callId(refresh));
        assertEquals(1, s.state().watchers(WatcherStatus.ACTIVE).size());
        // a stale document changes nothing
        peer.sendNotify(callId(sub), "presence.winfo", "active;expires=600", WINFO, winfo(1, "partial", "pending"))
                .get(10, TimeUnit.SECONDS);
        peer.sendNotify(callId(sub), "presence.winfo", "active;expires=600", WINFO, winfo(3, "full", "active"))
                .get(10, TimeUnit.SECONDS);
        assertEquals("APPLIED:0:0", next());
        assertEquals(3, s.state().version().getAsLong());
    }

    @Test
    void xcapDiffSubscribesWithTheDocumentsToWatch() throws Exception {
        start();
        XcapUri doc = XcapUri.builder("http://xcap.example.com/xcap-root").auid("resource-lists")
                .user("sip:alice@example.com").document("index").build();
        XcapDiffSubscription s = XcapDiffSubscription.create(engine,
                XcapDiffSubscription.request("sip:alice@example.com", List.of(doc)).build(), null,
                new XcapDiffSubscription.Listener() {
                    @Override
                    public void documentsChanged(io.presencekit.xcap.diff.XcapDiff diff, Notification n) {
                        events.add("diff:" + diff.documentChanges().get(0).sel());
                    }
                });
        s.start();
        Request sub = peer.awaitRequest("SUBSCRIBE", WAIT);
        assertTrue(sub.getHeader("Content-Type").toString().contains("application/resource-lists+xml"));
        assertTrue(sub.getHeader("Accept").toString().contains("application/xcap-diff+xml"));
        assertTrue(new String(sub.getRawContent()).contains(
                "<entry uri=\"resource-lists/users/sip:alice@example.com/index\"/>"), new String(sub.getRawContent()));
        peer.sendNotify(callId(sub), "xcap-diff", "active;expires=600", "application/xcap-diff+xml",
                "<xcap-diff xmlns=\"urn:ietf:params:xml:ns:xcap-diff\" xcap-root=\"http://xcap.example.com/xcap-root/\">"
                        + "<document sel=\"resource-lists/users/sip:alice@example.com/index\" new-etag=\"e2\"/>"
                        + "</xcap-diff>").get(10, TimeUnit.SECONDS);
        assertEquals("diff:resource-lists/users/sip:alice@example.com/index", next());
    }
}
