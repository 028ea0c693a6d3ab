package io.presencekit.gateway;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.gateway.xmpp.XmppInterop;
import io.presencekit.pidf.Basic;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.agp.ExtendedStatus;
import io.presencekit.pidf.xmpp.XmppPresenceTranslator;
import io.presencekit.sip.Notification;
import io.presencekit.sip.Publication;
import io.presencekit.sip.PublicationRequest;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.event.PresenceSubscription;
import io.presencekit.testing.Interop;
import io.presencekit.xcap.usage.ApplicationUsage;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapResponse;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.Jid;
import org.jxmpp.jid.impl.JidCreate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway against the project's Kamailio (started with {@code --xmpp-gateway}, which names the
 * SIP address the gateway listens on as {@code XMPP_GATEWAY} in its env file) and Prosody: a Smack
 * client watches a SIP user who publishes with the SDK, and the SDK watches an XMPP user who sets
 * her presence with Smack.
 *
 * <p>Owns alice's pres-rules while it runs and deletes them at the end.
 */
@Tag(Interop.TAG)
class PresenceGatewayInteropTest {
    private final Interop.Server sip = Interop.server();
    private final XmppInterop xmpp = XmppInterop.server();
    private final List<AutoCloseable> closing = new ArrayList<>();
    @TempDir
    Path state;
    @TempDir
    Path aliceState;
    private PresenceGateway gateway;

    @BeforeEach
    void startGateway() throws Exception {
        String[] gw = gatewayAddress().split(":");
        var hop = sip.sip();
        String proxy = "sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=tcp";
        SipEngine engine = new SipEngine(SipAccount.builder("sip:gateway@" + xmpp.xmppDomain()).outboundProxy(proxy)
                .stateDirectory(state).build(), SipSettings.builder().bindAddress(InetAddress.getByName(gw[0]))
                .listenPort(Integer.parseInt(gw[1])).requestTimeout(Duration.ofSeconds(10)).build(), null);
        closing.add(engine::closeNow);
        engine.startUnregistered();
        gateway = PresenceGateway.create(engine, PresenceGatewayConfig.builder(xmpp.componentConfig().build(),
                xmpp.xmppDomain()).build());
        closing.add(gateway::close);
        gateway.start().get(15, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            try {
                closing.get(i).close();
            } catch (Exception e) {
                // keep closing
            }
        }
    }

    private String gatewayAddress() throws Exception {
        String file = System.getProperty(Interop.ENV_PROPERTY);
        for (String line : Files.readAllLines(Path.of(file.trim()))) {
            if (line.startsWith("XMPP_GATEWAY=") && line.length() > "XMPP_GATEWAY=".length()) {
                return line.substring("XMPP_GATEWAY=".length()).trim();
            }
        }
        throw new AssertionError("the Kamailio interop server was started without --xmpp-gateway");
    }

    private SipEngine alice() throws Exception {
        var hop = sip.sip();
        SipEngine e = new SipEngine(SipAccount.builder(sip.aor("alice")).password(sip.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=tcp")
                .stateDirectory(aliceState).build(), SipSettings.builder().requestTimeout(Duration.ofSeconds(10)).build(),
                null);
        closing.add(() -> e.close(Duration.ofSeconds(10)));
        e.start().get(15, TimeUnit.SECONDS);
        return e;
    }

    private XMPPTCPConnection login(String user) throws Exception {
        XMPPTCPConnection c = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                .setXmppDomain(xmpp.xmppDomain()).setHost(xmpp.c2sHost()).setPort(xmpp.c2sPort())
                .setUsernameAndPassword(user, xmpp.password()).setResource("interop")
                // loopback test server: TLS is offered with a self-signed certificate but not required
                .setSecurityMode(SecurityMode.disabled).build());
        closing.add(c::disconnect);
        c.connect().login();
        Roster.getInstanceFor(c).setSubscriptionMode(Roster.SubscriptionMode.accept_all);
        return c;
    }

    private void allowInPresRules(String watcher) {
        XcapClient c = XcapClient.builder(sip.xcapRoot()).credentials("alice", sip.password().toCharArray())
                .compatibility(XcapCompatibility.KAMAILIO).responseTimeout(Duration.ofSeconds(10)).build();
        XcapUri uri = c.uri().auid(ApplicationUsage.OMA_PRES_RULES.auid()).user(sip.aor("alice"))
                .document(ApplicationUsage.OMA_PRES_RULES.defaultDocumentName()).build();
        // Kamailio decides with the first pres-rules document of the presentity it finds, whatever
        // its name, and other test classes leave theirs: delete them so that this one decides
        for (String auid : List.of(ApplicationUsage.OMA_PRES_RULES.auid(), ApplicationUsage.PRES_RULES.auid())) {
            for (String name : List.of("index", "pres-rules")) {
                XcapUri other = c.uri().auid(auid).user(sip.aor("alice")).document(name).build();
                if (!other.equals(uri) && exists(c, other)) {
                    int status = c.delete(other).join().status();
                    assertEquals(200, status, "DELETE " + other);
                }
            }
        }
        Rule rule = Rule.builder("gateway-allow").conditions(Identity.ofUris(watcher)).subHandling(SubHandling.ALLOW)
                .build();
        XcapResponse r = c.put(uri, ApplicationUsage.OMA_PRES_RULES.mimeType(),
                ApplicationUsage.OMA_PRES_RULES.codec().write(Ruleset.of(rule))).join();
        assertTrue(r.status() == 200 || r.status() == 201, "PUT pres-rules: " + r.status());
        closing.add(() -> {
            c.delete(uri).exceptionally(e -> null).join();
            c.close();
        });
    }

    /** Kamailio answers a DELETE of a missing document with 500, so look first. */
    private static boolean exists(XcapClient c, XcapUri uri) {
        try {
            return c.get(uri).join().status() == 200;
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof io.presencekit.xcap.XcapException x && x.status() == 404) {
                return false;
            }
            throw e;
        }
    }

    private static byte[] pidf(String entity, ExtendedStatus.Value value, String note) {
        return PidfCodec.standard().write(PresenceDocument.builder(entity)
                .tuple(Tuple.builder("t-alice").status(Status.builder().basic(Basic.OPEN)
                        .extension(ExtendedStatus.of(value)).build()).note(note).build())
                .build());
    }

    @Test
    void anXmppUserSeesWhatASipUserPublishes() throws Exception {
        allowInPresRules("sip:romeo@" + xmpp.xmppDomain());
        SipEngine alice = alice();
        Publication pub = alice.publish(PublicationRequest.builder().expires(Duration.ofSeconds(300)).build(), null);
        pub.update(pidf(sip.aor("alice"), ExtendedStatus.Value.AWAY, "At the market")).get(15, TimeUnit.SECONDS);

        XMPPTCPConnection romeo = login("romeo");
        BlockingQueue<Presence> seen = new LinkedBlockingQueue<>();
        Roster roster = Roster.getInstanceFor(romeo);
        roster.addRosterListener(new RosterListener() {
            @Override
            public void entriesAdded(java.util.Collection<Jid> addresses) {
            }

            @Override
            public void entriesUpdated(java.util.Collection<Jid> addresses) {
            }

            @Override
            public void entriesDeleted(java.util.Collection<Jid> addresses) {
            }

            @Override
            public void presenceChanged(Presence presence) {
                seen.add(presence);
            }
        });
        BareJid aliceJid = JidCreate.bareFrom("alice@" + sip.domain());
        roster.createItemAndRequestSubscription(aliceJid, "alice", null);
        Presence away = next(seen, p -> p.isAvailable() && "At the market".equals(p.getStatus()));
        assertEquals(Presence.Mode.away, away.getMode());

        pub.update(pidf(sip.aor("alice"), ExtendedStatus.Value.BUSY, "In a meeting")).get(15, TimeUnit.SECONDS);
        Presence busy = next(seen, p -> p.isAvailable() && "In a meeting".equals(p.getStatus()));
        assertEquals(Presence.Mode.dnd, busy.getMode());
        roster.removeEntry(roster.getEntry(aliceJid));
    }

    @Test
    void aSipUserSeesWhatAnXmppUserSets() throws Exception {
        XMPPTCPConnection juliet = login("juliet");
        juliet.sendStanza(PresenceBuilder.buildPresence().ofType(Presence.Type.available).setMode(Presence.Mode.away)
                .setStatus("On the balcony").build());
        SipEngine alice = alice();
        BlockingQueue<PresenceDocument> docs = new LinkedBlockingQueue<>();
        PresenceSubscription watch = PresenceSubscription.create(alice,
                PresenceSubscription.request("sip:juliet@" + xmpp.xmppDomain()).build(),
                new PresenceSubscription.Listener() {
                    @Override
                    public void presenceChanged(PresenceDocument document, Notification notification) {
                        docs.add(document);
                    }
                });
        watch.start().get(15, TimeUnit.SECONDS);
        XmppPresenceTranslator t = XmppPresenceTranslator.standard();
        nextDoc(docs, d -> t.toXmpp(d, io.presencekit.pidf.xmpp.Jid.parse("x@y")).stream().anyMatch(p ->
                p.show() == io.presencekit.pidf.xmpp.XmppPresence.Show.AWAY
                        && hasStatus(p, "On the balcony")));

        juliet.sendStanza(PresenceBuilder.buildPresence().ofType(Presence.Type.available).setMode(Presence.Mode.dnd)
                .setStatus("Do not disturb").build());
        nextDoc(docs, d -> t.toXmpp(d, io.presencekit.pidf.xmpp.Jid.parse("x@y")).stream().anyMatch(p ->
                p.show() == io.presencekit.pidf.xmpp.XmppPresence.Show.DND
                        && hasStatus(p, "Do not disturb")));
        List<VirtualSubscription> subs = gateway.subscriptions().get(5, TimeUnit.SECONDS);
        assertTrue(subs.stream().anyMatch(v -> v.direction() == VirtualSubscription.Direction.SIP_TO_XMPP
                && v.active() && v.sipSubscriptions() == 1), subs::toString);
        watch.end().get(15, TimeUnit.SECONDS);
    }

    /** Prosody gives the stanza its client's language, which the status text then inherits. */
    private static boolean hasStatus(io.presencekit.pidf.xmpp.XmppPresence p, String text) {
        return p.statuses().stream().anyMatch(s -> s.text().equals(text));
    }

    private static Presence next(BlockingQueue<Presence> q, Predicate<Presence> wanted) throws InterruptedException {
        List<String> other = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            Presence p = q.poll(1, TimeUnit.SECONDS);
            if (p != null && wanted.test(p)) {
                return p;
            }
            if (p != null) {
                other.add(p.toXML().toString());
            }
        }
        throw new AssertionError("no matching presence; seen " + other);
    }

    private static PresenceDocument nextDoc(BlockingQueue<PresenceDocument> q, Predicate<PresenceDocument> wanted)
            throws InterruptedException {
        List<String> other = new ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < end) {
            PresenceDocument d = q.poll(1, TimeUnit.SECONDS);
            if (d != null && wanted.test(d)) {
                return d;
            }
            if (d != null) {
                other.add(new String(PidfCodec.standard().write(d), java.nio.charset.StandardCharsets.UTF_8));
            }
        }
        throw new AssertionError("no matching PIDF; seen " + other);
    }
}
