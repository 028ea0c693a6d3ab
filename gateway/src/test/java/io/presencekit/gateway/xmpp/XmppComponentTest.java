package io.presencekit.gateway.xmpp;

import static io.presencekit.gateway.xmpp.FakeXmppServer.poll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.gateway.xmpp.XmppStreamException.Reason;
import io.presencekit.pidf.xmpp.Jid;
import io.presencekit.pidf.xmpp.XmppPresence;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class XmppComponentTest {
    private static final String SECRET = "s3cr3t";
    private static final String ERR_NS = "urn:ietf:params:xml:ns:xmpp-streams";

    private static XmppComponentConfig.Builder config(FakeXmppServer server) {
        return XmppComponentConfig.builder().host("127.0.0.1").port(server.port()).domain("example.com")
                .secret(SECRET).handshakeTimeout(Duration.ofSeconds(5)).closeTimeout(Duration.ofSeconds(2))
                .reconnectPolicy(ReconnectPolicy.NEVER);
    }

    private static XmppStreamException failure(XmppComponent c) {
        ExecutionException e = assertThrows(ExecutionException.class, () -> c.connect().get(10, TimeUnit.SECONDS));
        return assertInstanceOf(XmppStreamException.class, e.getCause());
    }

    @Test
    void handshakeIsSha1OfStreamIdAndSecretThenPresenceFlowsBothWays() throws Exception {
        BlockingQueue<String> sent = new LinkedBlockingQueue<>();
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            String header = conn.openStream("abc-123");
            assertTrue(header.contains("xmlns='jabber:component:accept'"), header);
            assertTrue(header.contains("to='example.com'"), header);
            String hs = conn.readUntil("</handshake>");
            assertEquals("<handshake>" + FakeXmppServer.sha1Hex("abc-123" + SECRET) + "</handshake>", hs);
            conn.send("<handshake/>");
            conn.send("<presence from='romeo@xmpp.example.org/balcony' to='alice@example.com'>"
                    + "<show>away</show><status xml:lang='en'>gone</status><priority>5</priority></presence>");
            sent.add(conn.readUntil("</presence>"));
            conn.readUntil("</stream:stream>");
            conn.send("</stream:stream>");
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent c = XmppComponent.create(config(server).build(), l);
            c.connect().get(10, TimeUnit.SECONDS);
            assertEquals("abc-123", poll(l.connected, "connected"));
            assertEquals(XmppComponent.State.CONNECTED, c.state());
            XmppPresence p = poll(l.presences, "presence");
            assertEquals(Jid.parse("romeo@xmpp.example.org/balcony"), p.from().orElseThrow());
            assertEquals(Jid.parse("alice@example.com"), p.to().orElseThrow());
            assertEquals(XmppPresence.Show.AWAY, p.show());
            assertEquals(Optional.of("gone"), p.status("en"));

            c.sendPresence(XmppPresence.builder().from(Jid.parse("alice@example.com/res"))
                    .to(Jid.parse("romeo@xmpp.example.org")).show(XmppPresence.Show.DND).status("busy", null).build());
            String out = poll(sent, "presence sent");
            assertTrue(out.startsWith("<presence") && !out.contains("<?xml"), out);
            assertTrue(out.contains("alice@example.com/res") && out.contains("<show>dnd</show>")
                    && out.contains("jabber:component:accept"), out);
            c.close();
            assertEquals(Optional.empty(), poll(l.closed, "closed"));
            assertEquals(XmppComponent.State.CLOSED, c.state());
        }
    }

    @Test
    void refusedHandshakeFailsConnectWithTypedExceptionAndNoRetry() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.openStream("id1");
            conn.readUntil("</handshake>");
            conn.send("<stream:error><not-authorized xmlns='" + ERR_NS + "'/><text xmlns='" + ERR_NS
                    + "'>Authentication failure</text></stream:error></stream:stream>");
            conn.close();
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent c = XmppComponent.create(config(server)
                    .reconnectPolicy(ReconnectPolicy.DEFAULT).build(), l);
            ComponentHandshakeException e = assertInstanceOf(ComponentHandshakeException.class, failure(c));
            assertEquals(Optional.of("not-authorized"), e.condition());
            assertEquals(Optional.of("Authentication failure"), e.text());
            assertTrue(e.isPermanent());
            assertFalse(e.getMessage().contains(SECRET), e.getMessage());
            assertTrue(poll(l.closed, "closed").isPresent());
            assertEquals(XmppComponent.State.CLOSED, c.state());
        }
    }

    @Test
    void handshakeTimeoutIsReported() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.openStream("id1");
            conn.readUntil("</handshake>");
            conn.readToEnd();
        })) {
            XmppComponent c = XmppComponent.create(config(server).handshakeTimeout(Duration.ofMillis(300)).build(),
                    new RecordingListener());
            assertEquals(Reason.TIMEOUT, failure(c).reason());
        }
    }

    @Test
    void doctypeInStreamIsRefusedAsRestrictedXml() throws Exception {
        BlockingQueue<String> answer = new LinkedBlockingQueue<>();
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.readUntil("'>");
            conn.send("<?xml version='1.0'?><!DOCTYPE stream:stream [<!ENTITY boom 'bang'>]>"
                    + "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' xmlns='jabber:component:accept'"
                    + " id='x'>");
            answer.add(conn.readToEnd());
        })) {
            XmppStreamException e = failure(XmppComponent.create(config(server).build(), new RecordingListener()));
            assertEquals(Reason.PROTOCOL_VIOLATION, e.reason());
            assertEquals(Optional.of("restricted-xml"), e.condition());
            assertTrue(poll(answer, "stream error").contains("<restricted-xml"));
        }
    }

    @Test
    void malformedStanzaClosesTheStreamWithNotWellFormed() throws Exception {
        BlockingQueue<String> answer = new LinkedBlockingQueue<>();
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.send("<presence from='romeo@xmpp.example.org/a'><show>away</presence>");
            answer.add(conn.readToEnd());
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent c = XmppComponent.create(config(server).build(), l);
            c.connect().get(10, TimeUnit.SECONDS);
            XmppStreamException e = poll(l.disconnected, "disconnected");
            assertEquals(Reason.PROTOCOL_VIOLATION, e.reason());
            assertEquals(Optional.of("not-well-formed"), e.condition());
            String a = poll(answer, "stream error");
            assertTrue(a.contains("<not-well-formed") && a.endsWith("</stream:stream>"), a);
            assertEquals(e, poll(l.closed, "closed").orElseThrow());
            assertTrue(l.presences.isEmpty());
        }
    }

    @Test
    void commentInStreamIsRestrictedXml() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.send("<!-- hello -->");
            conn.readToEnd();
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent.create(config(server).build(), l).connect().get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of("restricted-xml"), poll(l.disconnected, "disconnected").condition());
        }
    }

    @Test
    void oversizedStanzaClosesTheStreamWithPolicyViolation() throws Exception {
        BlockingQueue<String> answer = new LinkedBlockingQueue<>();
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.send("<presence from='romeo@xmpp.example.org/a'><status>" + "x".repeat(5000)
                    + "</status></presence>");
            answer.add(conn.readToEnd());
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent.create(config(server).maxStanzaBytes(2048).build(), l).connect().get(10, TimeUnit.SECONDS);
            XmppStreamException e = poll(l.disconnected, "disconnected");
            assertEquals(Reason.PROTOCOL_VIOLATION, e.reason());
            assertEquals(Optional.of("policy-violation"), e.condition());
            assertTrue(poll(answer, "stream error").contains("<policy-violation"));
        }
    }

    @Test
    void tooDeepStanzaClosesTheStreamWithPolicyViolation() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.send("<message>" + "<x>".repeat(40) + "</x>".repeat(40) + "</message>");
            conn.readToEnd();
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent.create(config(server).build(), l).connect().get(10, TimeUnit.SECONDS);
            assertEquals(Optional.of("policy-violation"), poll(l.disconnected, "disconnected").condition());
            assertTrue(l.stanzas.isEmpty());
        }
    }

    @Test
    void serverClosingTheSocketLeadsToAReconnect() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("first", SECRET);
            conn.close();
        }, conn -> {
            conn.accept("second", SECRET);
            conn.send("<presence from='juliet@xmpp.example.org/x' to='alice@example.com' type='probe'/>");
            conn.readToEnd();
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent c = XmppComponent.create(config(server).reconnectPolicy(
                    new ReconnectPolicy(Duration.ofMillis(20), Duration.ofMillis(100), 2.0, 0.5, 5)).build(), l);
            c.connect().get(10, TimeUnit.SECONDS);
            assertEquals("first", poll(l.connected, "first connection"));
            assertEquals(Reason.CONNECTION_LOST, poll(l.disconnected, "disconnected").reason());
            Duration delay = poll(l.reconnecting, "reconnecting");
            assertTrue(delay.compareTo(Duration.ofMillis(10)) >= 0 && delay.compareTo(Duration.ofMillis(20)) <= 0,
                    delay.toString());
            assertEquals("second", poll(l.connected, "second connection"));
            assertEquals(XmppPresence.Type.PROBE, poll(l.presences, "presence").type());
            c.close();
            assertEquals(Optional.empty(), poll(l.closed, "closed"));
        }
    }

    @Test
    void unknownTopLevelElementClosesTheStreamWithUnsupportedStanzaType() throws Exception {
        BlockingQueue<String> answer = new LinkedBlockingQueue<>();
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.send("<handshake/>");
            answer.add(conn.readToEnd());
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent.create(config(server).build(), l).connect().get(10, TimeUnit.SECONDS);
            XmppStreamException e = poll(l.disconnected, "disconnected");
            assertEquals(Reason.PROTOCOL_VIOLATION, e.reason());
            assertEquals(Optional.of("unsupported-stanza-type"), e.condition());
            assertTrue(poll(answer, "stream error").contains("<unsupported-stanza-type"));
        }
    }

    @Test
    void serverStreamErrorIsReportedWithItsCondition() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.send("<stream:error><system-shutdown xmlns='" + ERR_NS + "'/></stream:error></stream:stream>");
            conn.readUntil("</stream:stream>");
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent.create(config(server).build(), l).connect().get(10, TimeUnit.SECONDS);
            XmppStreamException e = poll(l.disconnected, "disconnected");
            assertEquals(Reason.REMOTE_STREAM_ERROR, e.reason());
            assertEquals(Optional.of("system-shutdown"), e.condition());
        }
    }

    @Test
    void iqRequestsAreAnsweredDiscoInfoWithGatewayIdentityOthersServiceUnavailable() throws Exception {
        BlockingQueue<String> answers = new LinkedBlockingQueue<>();
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.send("<iq type='get' id='d1' from='romeo@xmpp.example.org/a' to='example.com'>"
                    + "<query xmlns='http://jabber.org/protocol/disco#info'/></iq>");
            answers.add(conn.readUntil("</iq>"));
            conn.send("<iq type='get' id='v1' from='romeo@xmpp.example.org/a' to='alice@example.com'>"
                    + "<vCard xmlns='vcard-temp'/></iq>");
            answers.add(conn.readUntil("</iq>"));
            conn.send("<iq type='result' id='r1' from='romeo@xmpp.example.org/a' to='example.com'/>");
            conn.send("<message from='romeo@xmpp.example.org/a' to='alice@example.com'><body>hi &amp; bye</body>"
                    + "</message>");
            conn.readToEnd();
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent.create(config(server).build(), l).connect().get(10, TimeUnit.SECONDS);
            String disco = poll(answers, "disco answer");
            assertTrue(disco.contains("type='result'") && disco.contains("id='d1'")
                    && disco.contains("category='gateway' type='sip'"), disco);
            String vcard = poll(answers, "vcard answer");
            assertTrue(vcard.contains("type='error'") && vcard.contains("id='v1'")
                    && vcard.contains("<service-unavailable xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>"), vcard);
            RawStanza result = poll(l.stanzas, "iq result");
            assertEquals("iq", result.name());
            assertEquals("r1", result.id());
            RawStanza message = poll(l.stanzas, "message");
            assertEquals("message", message.name());
            assertTrue(message.xml().startsWith("<message xmlns=\"jabber:component:accept\""), message.xml());
            assertTrue(message.xml().contains("<body>hi &amp; bye</body>"), message.xml());
        }
    }

    @Test
    void invalidPresenceIsReportedAndTheStreamGoesOn() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.send("<presence type='bogus' from='romeo@xmpp.example.org/a'/>");
            conn.send("<presence from='romeo@xmpp.example.org/a'/>");
            conn.readToEnd();
        })) {
            RecordingListener l = new RecordingListener();
            XmppComponent.create(config(server).build(), l).connect().get(10, TimeUnit.SECONDS);
            assertEquals("bogus", poll(l.invalid, "invalid presence").type());
            assertEquals(XmppPresence.Type.AVAILABLE, poll(l.presences, "presence").type());
        }
    }

    @Test
    void silenceIsFilledWithWhitespaceKeepAlives() throws Exception {
        BlockingQueue<String> got = new LinkedBlockingQueue<>();
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            got.add(conn.readUntil(" "));
            conn.readToEnd();
        })) {
            XmppComponent c = XmppComponent.create(config(server).keepAliveInterval(Duration.ofMillis(50)).build(),
                    new RecordingListener());
            c.connect().get(10, TimeUnit.SECONDS);
            assertEquals(" ", poll(got, "keep-alive"));
            c.close();
        }
    }

    @Test
    void sendStanzaRefusesWhatIsNotOneStanza() throws Exception {
        try (FakeXmppServer server = new FakeXmppServer(conn -> {
            conn.accept("id1", SECRET);
            conn.readToEnd();
        })) {
            XmppComponent c = XmppComponent.create(config(server).build(), new RecordingListener());
            c.connect().get(10, TimeUnit.SECONDS);
            assertThrows(IllegalArgumentException.class, () -> c.sendStanza("<message/><message/>"));
            assertThrows(IllegalArgumentException.class, () -> c.sendStanza("<stream:error xmlns:stream="
                    + "'http://etherx.jabber.org/streams'/>"));
            assertThrows(IllegalArgumentException.class, () -> c.sendStanza("<message>"));
            assertThrows(IllegalArgumentException.class,
                    () -> c.sendStanza("<!DOCTYPE x [<!ENTITY a 'b'>]><message>&a;</message>"));
            c.sendStanza("<message to='romeo@xmpp.example.org' from='alice@example.com'><body>ok</body></message>");
            c.close();
        }
    }

    @Test
    void sendingBeforeConnectingFailsClearly() {
        XmppComponent c = XmppComponent.create(XmppComponentConfig.builder().host("127.0.0.1").port(5347)
                .domain("example.com").secret(SECRET).build(), new RecordingListener());
        XmppStreamException e = assertThrows(XmppStreamException.class,
                () -> c.sendPresence(XmppPresence.builder().build()));
        assertEquals(Reason.NOT_CONNECTED, e.reason());
    }

    @Test
    void refusedConnectionFailsConnect() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        XmppComponent c = XmppComponent.create(XmppComponentConfig.builder().host("127.0.0.1").port(port)
                .domain("example.com").secret(SECRET).build(), new RecordingListener());
        assertEquals(Reason.CONNECT_FAILED, failure(c).reason());
    }
}
