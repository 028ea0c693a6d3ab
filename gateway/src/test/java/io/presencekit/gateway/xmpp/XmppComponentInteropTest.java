package io.presencekit.gateway.xmpp;

import static io.presencekit.gateway.xmpp.FakeXmppServer.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.xmpp.Jid;
import io.presencekit.pidf.xmpp.XmppPresence;
import io.presencekit.testing.Interop;
import java.time.Duration;
import java.util.Collection;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jivesoftware.smack.ConnectionConfiguration.SecurityMode;
import org.jivesoftware.smack.packet.Presence;
import org.jivesoftware.smack.packet.PresenceBuilder;
import org.jivesoftware.smack.roster.Roster;
import org.jivesoftware.smack.roster.RosterEntry;
import org.jivesoftware.smack.roster.RosterListener;
import org.jivesoftware.smack.roster.packet.RosterPacket;
import org.jivesoftware.smack.tcp.XMPPTCPConnection;
import org.jivesoftware.smack.tcp.XMPPTCPConnectionConfiguration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.BareJid;
import org.jxmpp.jid.impl.JidCreate;

/** The component against a real Prosody, with a Smack client as the XMPP user. */
@Tag(Interop.TAG)
class XmppComponentInteropTest {

    @Test
    void componentExchangesSubscriptionsAndPresenceWithASmackClient() throws Exception {
        XmppInterop server = XmppInterop.server();
        String romeo = "romeo@" + server.xmppDomain();
        String alice = "alice@" + server.componentDomain();
        BlockingQueue<XmppPresence> received = new LinkedBlockingQueue<>();
        XmppComponentListener gateway = new XmppComponentListener() {
            @Override
            public void onPresence(XmppPresence presence, RawStanza raw) {
                received.add(presence);
            }
        };
        try (XmppComponent component = XmppComponent.create(server.componentConfig().build(), gateway)) {
            component.connect().get(15, TimeUnit.SECONDS);

            XMPPTCPConnection client = new XMPPTCPConnection(XMPPTCPConnectionConfiguration.builder()
                    .setXmppDomain(server.xmppDomain()).setHost(server.c2sHost()).setPort(server.c2sPort())
                    .setUsernameAndPassword("romeo", server.password()).setResource("balcony")
                    // loopback test server: TLS is offered with a self-signed certificate but not required
                    .setSecurityMode(SecurityMode.disabled).build());
            try {
                client.connect().login();
                Roster roster = Roster.getInstanceFor(client);
                roster.setSubscriptionMode(Roster.SubscriptionMode.accept_all);
                BlockingQueue<Presence> seen = new LinkedBlockingQueue<>();
                roster.addRosterListener(new RosterListener() {
                    @Override
                    public void entriesAdded(Collection<org.jxmpp.jid.Jid> addresses) {
                    }

                    @Override
                    public void entriesUpdated(Collection<org.jxmpp.jid.Jid> addresses) {
                    }

                    @Override
                    public void entriesDeleted(Collection<org.jxmpp.jid.Jid> addresses) {
                    }

                    @Override
                    public void presenceChanged(Presence presence) {
                        seen.add(presence);
                    }
                });

                // romeo asks to see alice: the server routes the subscribe to the component
                BareJid aliceJid = JidCreate.bareFrom(alice);
                roster.createItemAndRequestSubscription(aliceJid, "Alice", null);
                XmppPresence subscribe = next(received, XmppPresence.Type.SUBSCRIBE);
                assertEquals(Jid.parse(romeo), subscribe.from().orElseThrow().bare());
                assertEquals(Jid.parse(alice), subscribe.to().orElseThrow());

                // the gateway approves and subscribes back; romeo's client accepts
                component.sendPresence(XmppPresence.builder().type(XmppPresence.Type.SUBSCRIBED)
                        .from(Jid.parse(alice)).to(Jid.parse(romeo)).build());
                component.sendPresence(XmppPresence.builder().type(XmppPresence.Type.SUBSCRIBE)
                        .from(Jid.parse(alice)).to(Jid.parse(romeo)).build());
                XmppPresence subscribed = next(received, XmppPresence.Type.SUBSCRIBED);
                assertEquals(Jid.parse(romeo), subscribed.from().orElseThrow().bare());

                // romeo's presence reaches the gateway, typed
                client.sendStanza(PresenceBuilder.buildPresence().to(aliceJid).ofType(Presence.Type.available)
                        .setMode(Presence.Mode.away).setStatus("In Verona").build());
                XmppPresence away = nextMatching(received, p -> p.type() == XmppPresence.Type.AVAILABLE
                        && p.show() == XmppPresence.Show.AWAY);
                assertEquals(Jid.parse(romeo + "/balcony"), away.from().orElseThrow());
                assertEquals(Optional.of("In Verona"), away.status(null));

                // the gateway's presence for alice reaches romeo's roster
                component.sendPresence(XmppPresence.builder().from(Jid.parse(alice + "/res"))
                        .to(Jid.parse(romeo)).show(XmppPresence.Show.DND).status("On the phone", null).build());
                Presence p = nextPresence(seen, pr -> pr.isAvailable() && pr.getFrom().asBareJid().equals(aliceJid));
                assertEquals(Presence.Mode.dnd, p.getMode());
                assertEquals("On the phone", p.getStatus());
                assertEquals("res", p.getFrom().getResourceOrEmpty().toString());
                RosterEntry entry = roster.getEntry(aliceJid);
                assertEquals(RosterPacket.ItemType.both, awaitBoth(roster, aliceJid).getType(), entry::toString);
            } finally {
                client.disconnect();
            }
        }
    }

    @Test
    void wrongSecretIsRefusedByTheServer() {
        XmppInterop server = XmppInterop.server();
        XmppComponent component = XmppComponent.create(server.componentConfig().secret("not-" + server.secret())
                .reconnectPolicy(ReconnectPolicy.NEVER).build(), new XmppComponentListener() { });
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> component.connect().get(15, TimeUnit.SECONDS));
        ComponentHandshakeException h = assertInstanceOf(ComponentHandshakeException.class, e.getCause());
        assertEquals(Optional.of("not-authorized"), h.condition());
        assertTrue(h.isPermanent());
    }

    @Test
    void droppedConnectionIsReestablished() throws Exception {
        XmppInterop server = XmppInterop.server();
        BlockingQueue<String> connected = new LinkedBlockingQueue<>();
        BlockingQueue<XmppStreamException> dropped = new LinkedBlockingQueue<>();
        XmppComponentListener l = new XmppComponentListener() {
            @Override
            public void onConnected(String streamId) {
                connected.add(streamId);
            }

            @Override
            public void onDisconnected(XmppStreamException cause) {
                dropped.add(cause);
            }
        };
        // a second component for the same domain replaces the first (the test server resolves
        // conflicts with "kick_old"); the first sees the stream error, reconnects and in turn replaces
        // the second, which does not retry
        ReconnectPolicy fast = new ReconnectPolicy(Duration.ofMillis(100), Duration.ofSeconds(1), 2.0, 0.2, 20);
        BlockingQueue<Optional<XmppStreamException>> secondClosed = new LinkedBlockingQueue<>();
        try (XmppComponent first = XmppComponent.create(server.componentConfig().reconnectPolicy(fast).build(), l)) {
            first.connect().get(15, TimeUnit.SECONDS);
            String firstId = poll(connected, "first connection");
            try (XmppComponent second = XmppComponent.create(server.componentConfig()
                    .reconnectPolicy(ReconnectPolicy.NEVER).build(), new XmppComponentListener() {
                        @Override
                        public void onClosed(Optional<XmppStreamException> cause) {
                            secondClosed.add(cause);
                        }
                    })) {
                second.connect().get(15, TimeUnit.SECONDS);
                XmppStreamException cause = poll(dropped, "first component dropped");
                assertEquals(XmppStreamException.Reason.REMOTE_STREAM_ERROR, cause.reason());
                assertEquals(Optional.of("conflict"), cause.condition());
                String again = poll(connected, "reconnection");
                assertTrue(!again.equals(firstId), "a new stream");
                assertEquals(Optional.of("conflict"), poll(secondClosed, "second replaced").orElseThrow().condition());
            }
            assertEquals(XmppComponent.State.CONNECTED, first.state());
        }
    }

    private static XmppPresence next(BlockingQueue<XmppPresence> q, XmppPresence.Type type)
            throws InterruptedException {
        return nextMatching(q, p -> p.type() == type);
    }

    private static XmppPresence nextMatching(BlockingQueue<XmppPresence> q,
            java.util.function.Predicate<XmppPresence> want) throws InterruptedException {
        while (true) {
            XmppPresence p = poll(q, "presence at the component");
            if (want.test(p)) {
                return p;
            }
        }
    }

    private static Presence nextPresence(BlockingQueue<Presence> q, java.util.function.Predicate<Presence> want)
            throws InterruptedException {
        while (true) {
            Presence p = poll(q, "presence at the client");
            if (want.test(p)) {
                return p;
            }
        }
    }

    private static RosterEntry awaitBoth(Roster roster, BareJid jid) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            RosterEntry e = roster.getEntry(jid);
            if (e != null && e.getType() == RosterPacket.ItemType.both) {
                return e;
            }
            Thread.sleep(100);
        }
        return roster.getEntry(jid);
    }
}
