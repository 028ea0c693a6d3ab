package io.presencekit.gateway.xmpp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An XMPP server socket on 127.0.0.1 scripted by the test: each accepted connection runs the
 * next {@link Script} on a thread of its own; what a script throws is kept and rethrown by
 * {@link #close()}.
 */
public final class FakeXmppServer implements AutoCloseable {
    /** What the server does on one connection. */
    @FunctionalInterface
    public interface Script {
        void run(Conn conn) throws Exception;
    }

    private final ServerSocket server;
    private final BlockingQueue<Script> scripts = new LinkedBlockingQueue<>();
    private final List<Throwable> failures = new ArrayList<>();
    private final List<Conn> conns = new ArrayList<>();
    private final Thread acceptor;
    private volatile boolean closed;

    public FakeXmppServer(Script... scripts) throws IOException {
        this.server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        this.scripts.addAll(List.of(scripts));
        this.acceptor = new Thread(this::acceptLoop, "fake-xmpp-server");
        this.acceptor.setDaemon(true);
        this.acceptor.start();
    }

    public int port() {
        return server.getLocalPort();
    }

    private void acceptLoop() {
        while (!closed) {
            Socket s;
            try {
                s = server.accept();
            } catch (IOException e) {
                return;
            }
            Script script = scripts.poll();
            Conn conn = new Conn(s);
            synchronized (conns) {
                conns.add(conn);
            }
            Thread t = new Thread(() -> {
                try {
                    if (script == null) {
                        s.close();
                        return;
                    }
                    script.run(conn);
                } catch (Throwable e) {
                    if (!closed) {
                        synchronized (failures) {
                            failures.add(e);
                        }
                    }
                }
            }, "fake-xmpp-conn");
            t.setDaemon(true);
            t.start();
        }
    }

    @Override
    public void close() throws Exception {
        closed = true;
        server.close();
        synchronized (conns) {
            for (Conn c : conns) {
                c.socket.close();
            }
        }
        synchronized (failures) {
            if (!failures.isEmpty()) {
                AssertionError e = new AssertionError("fake server script failed: " + failures.get(0), failures.get(0));
                throw e;
            }
        }
    }

    /** One accepted connection. */
    public static final class Conn {
        final Socket socket;
        private final InputStream in;
        private final OutputStream out;
        private final StringBuilder received = new StringBuilder();
        private int consumed;

        Conn(Socket socket) {
            this.socket = socket;
            try {
                socket.setSoTimeout(10_000);
                this.in = socket.getInputStream();
                this.out = socket.getOutputStream();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        /** Reads until {@code marker} arrived; returns what came since the last call, marker included. */
        public String readUntil(String marker) throws IOException {
            byte[] buf = new byte[4096];
            while (received.indexOf(marker, consumed) < 0) {
                int n;
                try {
                    n = in.read(buf);
                } catch (SocketTimeoutException e) {
                    throw new AssertionError("timed out waiting for " + marker + "; got: " + received.substring(consumed));
                }
                if (n < 0) {
                    throw new AssertionError("client closed before " + marker + "; got: " + received.substring(consumed));
                }
                received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            int end = received.indexOf(marker, consumed) + marker.length();
            String s = received.substring(consumed, end);
            consumed = end;
            return s;
        }

        /** Reads until the client closes the connection; returns the rest. */
        public String readToEnd() throws IOException {
            byte[] buf = new byte[4096];
            int n;
            while ((n = in.read(buf)) >= 0) {
                received.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
            String s = received.substring(consumed);
            consumed = received.length();
            return s;
        }

        public void send(String xml) throws IOException {
            out.write(xml.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** Reads the client's stream header and answers with a header carrying {@code id}. */
        String openStream(String id) throws IOException {
            String header = readUntil(">");
            if (header.startsWith("<?xml")) {
                header = header + readUntil(">");
            }
            send("<?xml version='1.0'?><stream:stream xmlns:stream='http://etherx.jabber.org/streams'"
                    + " xmlns='jabber:component:accept' id='" + id + "' from='example.com'>");
            return header;
        }

        /** Opens the stream and accepts the handshake when it matches {@code secret}. */
        public void accept(String id, String secret) throws Exception {
            openStream(id);
            String hs = readUntil("</handshake>");
            String expected = "<handshake>" + sha1Hex(id + secret) + "</handshake>";
            if (!hs.equals(expected)) {
                throw new AssertionError("handshake " + hs + ", expected " + expected);
            }
            send("<handshake/>");
        }

        void close() throws IOException {
            socket.close();
        }
    }

    static String sha1Hex(String s) throws Exception {
        return java.util.HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
    }

    /** Waits for an item of a queue the listener fills. */
    static <T> T poll(BlockingQueue<T> q, String what) throws InterruptedException {
        T t = q.poll(10, TimeUnit.SECONDS);
        if (t == null) {
            throw new AssertionError("nothing received: " + what);
        }
        return t;
    }
}
