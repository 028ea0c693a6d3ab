package io.presencekit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@link RawSip} against a scripted in-process SIP server (no Kamailio needed). */
class RawSipTest {
    private static final String NONCE = "abc123";
    private final ServerSocket listener;
    private final List<RawSip.Message> received = new CopyOnWriteArrayList<>();
    private Thread serverThread;

    RawSipTest() throws IOException {
        listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(5000);
    }

    @AfterEach
    void stop() throws Exception {
        listener.close();
        if (serverThread != null) {
            serverThread.join(5000);
        }
    }

    private interface Script {
        void run(InputStream in, OutputStream out) throws IOException;
    }

    private void serve(Script script) {
        serverThread = new Thread(() -> {
            try (Socket s = listener.accept()) {
                s.setSoTimeout(5000);
                script.run(new BufferedInputStream(s.getInputStream()), s.getOutputStream());
            } catch (IOException e) {
                // the test sees what is missing
            }
        });
        serverThread.setDaemon(true);
        serverThread.start();
    }

    private RawSip connect() {
        return RawSip.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), listener.getLocalPort()),
                "carol", "example.com", "secret".toCharArray()).timeout(Duration.ofSeconds(3));
    }

    private RawSip.Message read(InputStream in) throws IOException {
        RawSip.Message m = RawSip.readMessage(in);
        received.add(m);
        return m;
    }

    private static void send(OutputStream out, String text) throws IOException {
        out.write(text.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** A response to {@code request} with the given status line and extra header lines. */
    private static String reply(RawSip.Message request, String status, String extra) {
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(status).append('\n');
        for (String via : request.headers("Via")) {
            sb.append("v: ").append(via).append('\n');
        }
        sb.append("From: ").append(request.header("From").orElseThrow()).append('\n');
        sb.append("t: ").append(request.header("To").orElseThrow())
                .append(status.startsWith("200") ? ";tag=srv1" : "").append('\n');
        sb.append("i: ").append(request.header("Call-ID").orElseThrow()).append('\n');
        sb.append("CSeq: ").append(request.header("CSeq").orElseThrow()).append('\n');
        return sb.append(extra).append("l: 0\n\n").toString();
    }

    @Test
    void subscribeAnswersTheChallengeAndCollectsNotifies() throws Exception {
        serve((in, out) -> {
            RawSip.Message first = read(in);
            send(out, reply(first, "407 Proxy Authentication Required",
                    "Proxy-Authenticate: Digest realm=\"example.com\", nonce=\"" + NONCE + "\", qop=\"auth\"\n"));
            RawSip.Message second = read(in);
            send(out, reply(second, "100 Trying", ""));
            send(out, reply(second, "200 OK", "Expires: 60\nContact: <sip:127.0.0.1:5060;transport=tcp>\n"));
            String body = "<presence/>";
            send(out, "\n\nNOTIFY sip:carol@127.0.0.1 SIP/2.0\n"
                    + "Via: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKsrv\n"
                    + "f: <sip:bob@example.com>;tag=srv1\n"
                    + "To: " + second.header("From").orElseThrow() + "\n"
                    + "Call-ID: " + second.header("Call-ID").orElseThrow() + "\n"
                    + "CSeq: 2 NOTIFY\n"
                    + "o: presence\n"
                    + "Subscription-State: active;\n\texpires=60\n"
                    + "c: application/pidf+xml\n"
                    + "Content-Length: " + body.length() + "\n\n" + body);
            read(in); // 200 to the NOTIFY
            for (String state : List.of("active;expires=30", "terminated;reason=timeout")) {
                send(out, "NOTIFY sip:carol@127.0.0.1 SIP/2.0\n"
                        + "Via: SIP/2.0/TCP 127.0.0.1;branch=z9hG4bK" + state.length() + "\n"
                        + "From: <sip:bob@example.com>;tag=srv1\n"
                        + "To: " + second.header("From").orElseThrow() + "\n"
                        + "Call-ID: " + second.header("Call-ID").orElseThrow() + "\n"
                        + "CSeq: " + (3 + state.length()) + " NOTIFY\n"
                        + "Event: presence\nSubscription-State: " + state + "\nContent-Length: 0\n\n");
                read(in);
            }
        });
        try (RawSip carol = connect()) {
            RawSip.Subscription s = carol.subscribe("sip:bob@example.com", "presence", 60);
            assertEquals(200, s.response().status());
            assertEquals(Optional.of("srv1"), s.response().toTag());
            RawSip.Message notify = s.nextNotify();
            assertEquals("active", notify.subscriptionSubstate());
            assertEquals(Optional.of("60"), notify.subscriptionStateParam("expires"));
            assertEquals("<presence/>", notify.body());
            assertEquals(Optional.of("application/pidf+xml"), notify.header("Content-Type"));
            RawSip.Message last = s.awaitNotify("terminated");
            assertEquals(Optional.of("timeout"), last.subscriptionStateParam("reason"));
            serverThread.join(5000);

            RawSip.Message challenged = received.get(0);
            RawSip.Message authorized = received.get(1);
            RawSip.Message notifyOk = received.get(2);
            assertEquals("SUBSCRIBE", challenged.method());
            assertTrue(challenged.viaBranch().orElseThrow().startsWith("z9hG4bK"));
            assertTrue(challenged.header("Via").orElseThrow().endsWith(";rport"));
            assertTrue(challenged.header("From").orElseThrow().startsWith("<sip:carol@example.com>;tag="));
            assertEquals("<sip:carol@127.0.0.1:" + carol.localPort() + ";transport=tcp>",
                    challenged.header("Contact").orElseThrow());
            assertEquals(Optional.of("70"), challenged.header("Max-Forwards"));
            assertEquals(Optional.of("0"), challenged.header("Content-Length"));
            assertEquals(challenged.header("Call-ID"), authorized.header("Call-ID"));
            assertEquals(challenged.header("From"), authorized.header("From"));
            assertTrue(authorized.cseqNumber() > challenged.cseqNumber());
            assertFalse(challenged.viaBranch().equals(authorized.viaBranch()));

            String credentials = authorized.header("Proxy-Authorization").orElseThrow();
            Map<String, String> p = RawSip.Message.params(credentials.substring("Digest ".length()));
            String ha1 = RawSip.md5("carol:example.com:secret");
            String ha2 = RawSip.md5("SUBSCRIBE:sip:bob@example.com");
            assertEquals(RawSip.md5(ha1 + ":" + NONCE + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2),
                    p.get("response"));
            assertEquals("auth", p.get("qop"));
            assertEquals("00000001", p.get("nc"));

            assertEquals(200, notifyOk.status());
            assertEquals(Optional.of("SIP/2.0/TCP 127.0.0.1;branch=z9hG4bKsrv"), notifyOk.header("Via"));
            assertEquals(Optional.of("2 NOTIFY"), notifyOk.header("CSeq"));
            assertEquals(notify.header("Call-ID"), notifyOk.header("Call-ID"));
            assertEquals(notify.header("To"), notifyOk.header("To"));
            assertEquals(5, received.size());
            assertEquals(200, received.get(4).status());
            for (String line : carol.transcript()) {
                assertFalse(line.contains("secret"), line);
            }
        }
    }

    @Test
    void waitsAreBounded() {
        serve((in, out) -> {
            read(in); // never answers, keeps the connection open
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        try (RawSip carol = connect().timeout(Duration.ofMillis(300))) {
            long start = System.nanoTime();
            AssertionError e = assertThrows(AssertionError.class, () -> carol.register(60));
            assertTrue(e.getMessage().contains("no final response to REGISTER"), e.getMessage());
            assertTrue(e.getMessage().contains("within 300 ms"), e.getMessage());
            assertTrue(System.nanoTime() - start < Duration.ofSeconds(3).toNanos());
        }
    }

    @Test
    void parsesFoldedAndCompactHeaders() {
        RawSip.Message m = RawSip.Message.parse("SIP/2.0 200 OK\r\nv: SIP/2.0/TCP a;branch=z9hG4bK1\r\n"
                + "VIA: SIP/2.0/TCP b;branch=z9hG4bK2\r\nt: <sip:x@y>\r\n ;tag=7\r\ni: id1\r\nCSeq: 4 SUBSCRIBE\r\n"
                + "l: 3\r\n\r\nabcdef");
        assertEquals(List.of("SIP/2.0/TCP a;branch=z9hG4bK1", "SIP/2.0/TCP b;branch=z9hG4bK2"), m.headers("via"));
        assertEquals(Optional.of("7"), m.toTag());
        assertEquals(Optional.of("id1"), m.header("call-id"));
        assertEquals("abc", m.body());
        assertEquals(4, m.cseqNumber());
        assertEquals("SUBSCRIBE", m.cseqMethod());
        assertEquals("OK", m.reason());
    }
}
