package io.presencekit.testing;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A small SIP-over-TCP user agent for tests (RFC 3261 as far as a test needs it): one connection
 * to the server, over which it sends requests and receives responses and the server's requests
 * (NOTIFYs, answered with 200 OK at once). Built on a plain {@link Socket}; no SIP stack.
 *
 * <pre>{@code
 * try (RawSip carol = RawSip.connect(Interop.server(), "carol")) {
 *     RawSip.Subscription s = carol.subscribe("sip:bob@example.com", "presence", 60);
 *     assertEquals(200, s.response().status());
 *     assertTrue(s.nextNotify().subscriptionState().startsWith("active"));
 *     s.unsubscribe();
 * }
 * }</pre>
 *
 * <p>Requests are built from a {@link Template}: the agent adds Via (TCP, {@code branch=z9hG4bK…},
 * {@code rport}), From with a tag, To, Call-ID, CSeq, Contact
 * {@code <sip:user@<local ip>:<local port>;transport=tcp>} (so that the server sends NOTIFYs over this
 * very connection), Max-Forwards and Content-Length. A 401/407 digest challenge (MD5, qop=auth) is
 * answered once with the user's password, which is never logged nor kept in the transcript.
 * Every wait is bounded ({@link #timeout(Duration)}, 5 s by default). Thread-safe.
 */
public final class RawSip implements Closeable {
    /** Default bound of every wait for a message. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_HEADER_BYTES = 64 * 1024;
    private static final int MAX_BODY_BYTES = 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Map<String, String> COMPACT = Map.ofEntries(Map.entry("i", "Call-ID"),
            Map.entry("m", "Contact"), Map.entry("e", "Content-Encoding"), Map.entry("l", "Content-Length"),
            Map.entry("c", "Content-Type"), Map.entry("f", "From"), Map.entry("s", "Subject"),
            Map.entry("k", "Supported"), Map.entry("t", "To"), Map.entry("v", "Via"), Map.entry("o", "Event"),
            Map.entry("u", "Allow-Events"), Map.entry("r", "Refer-To"), Map.entry("b", "Referred-By"),
            Map.entry("x", "Session-Expires"), Map.entry("a", "Accept-Contact"), Map.entry("j", "Reject-Contact"),
            Map.entry("d", "Request-Disposition"), Map.entry("y", "Identity"), Map.entry("n", "Identity-Info"));

    private final Socket socket;
    private final OutputStream out;
    private final String user;
    private final String domain;
    private final char[] password;
    private final String localHost;
    private final int localPort;
    private final Object lock = new Object();
    private final ArrayDeque<Message> inbox = new ArrayDeque<>();
    private final List<String> transcript = Collections.synchronizedList(new ArrayList<>());
    private final AtomicInteger cseq = new AtomicInteger(RANDOM.nextInt(1000) + 1);
    private final Thread reader;
    private volatile Duration timeout = DEFAULT_TIMEOUT;
    private volatile IOException readFailure;
    private volatile boolean closed;

    private RawSip(Socket socket, String user, String domain, char[] password) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.user = user;
        this.domain = domain;
        this.password = password == null ? null : password.clone();
        this.localHost = socket.getLocalAddress().getHostAddress();
        this.localPort = socket.getLocalPort();
        InputStream in = new BufferedInputStream(socket.getInputStream());
        this.reader = new Thread(() -> readLoop(in), "rawsip-" + user + "-" + localPort);
        reader.setDaemon(true);
        reader.start();
    }

    /** Connects as {@code user} of the interop server over TCP, with the server's password. */
    public static RawSip connect(Interop.Server server, String user) {
        return connect(new InetSocketAddress(server.sip().getHostString(), server.sip().getPort()), user,
                server.domain(), server.password().toCharArray());
    }

    /** Connects to {@code server} over TCP as {@code sip:user@domain}; {@code password} may be null. */
    public static RawSip connect(InetSocketAddress server, String user, String domain, char[] password) {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            socket.connect(server, (int) CONNECT_TIMEOUT.toMillis());
            return new RawSip(socket, user, domain, password);
        } catch (IOException e) {
            try {
                socket.close();
            } catch (IOException suppressed) {
                e.addSuppressed(suppressed);
            }
            throw new UncheckedIOException("cannot connect to SIP server " + server, e);
        }
    }

    /** Sets the bound of every following wait. */
    public RawSip timeout(Duration timeout) {
        this.timeout = timeout;
        return this;
    }

    /** The user's address of record, {@code sip:user@domain}. */
    public String aor() {
        return "sip:" + user + "@" + domain;
    }

    /** The Contact address sent in requests: this connection's local address, transport TCP. */
    public String contact() {
        return "<sip:" + user + "@" + localHost + ":" + localPort + ";transport=tcp>";
    }

    /** The local port of the connection. */
    public int localPort() {
        return localPort;
    }

    /** Every message sent and received so far, in order (for failure messages). */
    public List<String> transcript() {
        synchronized (transcript) {
            return List.copyOf(transcript);
        }
    }

    /** A new request template: {@code method} to {@code requestUri}, To the same URI. */
    public Template request(String method, String requestUri) {
        return new Template(method, requestUri);
    }

    /**
     * Sends {@code template} and returns its final response (1xx are skipped), answering one
     * 401/407 challenge with digest credentials. Fails the test when no final response arrives in time.
     */
    public Message send(Template template) {
        Sent sent = transmit(template, null);
        Message response = awaitFinal(sent);
        if ((response.status() == 401 || response.status() == 407) && password != null) {
            String header = response.status() == 401 ? "WWW-Authenticate" : "Proxy-Authenticate";
            Message challenged = response;
            String challenge = response.header(header)
                    .orElseThrow(() -> new AssertionError(challenged.startLine() + " without " + header));
            String credentials = digest(challenge, template.method, template.requestUri);
            sent = transmit(template.header(response.status() == 401 ? "Authorization" : "Proxy-Authorization",
                    credentials), sent);
            response = awaitFinal(sent);
        }
        template.lastResponse = response;
        return response;
    }

    /** REGISTERs {@link #contact()} for {@code expires} seconds; returns the final response. */
    public Message register(int expires) {
        return send(request("REGISTER", "sip:" + domain).to(aor()).header("Expires", String.valueOf(expires)));
    }

    /**
     * SUBSCRIBEs to {@code target} for {@code event}; the returned subscription holds the final
     * response, and its {@link Subscription#nextNotify()} the NOTIFYs of this dialog.
     */
    public Subscription subscribe(String target, String event, int expires) {
        Template t = request("SUBSCRIBE", target).header("Event", event).header("Expires", String.valueOf(expires))
                .header("Accept", "application/pidf+xml");
        Message response = send(t);
        return new Subscription(t, response);
    }

    /**
     * The next message received that matches {@code filter} (taken out of the inbox), waiting at
     * most the timeout; fails the test with the transcript otherwise.
     */
    public Message await(Predicate<Message> filter, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (true) {
                for (Iterator<Message> it = inbox.iterator(); it.hasNext();) {
                    Message m = it.next();
                    if (filter.test(m)) {
                        it.remove();
                        return m;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed || readFailure != null) {
                    throw new AssertionError("no " + what + " within " + timeout.toMillis() + " ms"
                            + (readFailure != null ? " (connection: " + readFailure + ")" : "")
                            + "; transcript:\n" + String.join("\n----\n", transcript()));
                }
                try {
                    lock.wait(Math.max(1, left / 1_000_000), 0);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError("interrupted while waiting for " + what, e);
                }
            }
        }
    }

    /** Closes the connection; the reader thread ends. Idempotent. */
    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException e) {
            // nothing to do: closing anyway
        }
        try {
            reader.join(CONNECT_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (password != null) {
            java.util.Arrays.fill(password, '\0');
        }
        synchronized (lock) {
            lock.notifyAll();
        }
    }

    private record Sent(String branch, int cseq, String method) {
    }

    private Sent transmit(Template t, Sent previous) {
        int n = t.cseq != null && previous == null ? t.cseq : cseq.getAndIncrement();
        t.cseq = null;
        String branch = "z9hG4bK" + token(12);
        String body = t.body == null ? "" : t.body;
        byte[] bodyBytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder sb = new StringBuilder();
        sb.append(t.method).append(' ').append(t.requestUri).append(" SIP/2.0\r\n");
        sb.append("Via: SIP/2.0/TCP ").append(localHost).append(':').append(localPort).append(";branch=")
                .append(branch).append(";rport\r\n");
        sb.append("Max-Forwards: 70\r\n");
        sb.append("From: <").append(aor()).append(">;tag=").append(t.fromTag).append("\r\n");
        sb.append("To: <").append(t.to).append('>').append(t.toTag == null ? "" : ";tag=" + t.toTag).append("\r\n");
        sb.append("Call-ID: ").append(t.callId).append("\r\n");
        sb.append("CSeq: ").append(n).append(' ').append(t.method).append("\r\n");
        sb.append("Contact: ").append(contact()).append("\r\n");
        for (Map.Entry<String, String> h : t.headers.entrySet()) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        if (t.contentType != null) {
            sb.append("Content-Type: ").append(t.contentType).append("\r\n");
        }
        sb.append("Content-Length: ").append(bodyBytes.length).append("\r\n\r\n");
        write(sb.toString(), bodyBytes);
        return new Sent(branch, n, t.method);
    }

    private Message awaitFinal(Sent sent) {
        return await(m -> !m.isRequest() && m.status() >= 200 && sent.branch.equals(m.viaBranch().orElse(""))
                && m.cseqNumber() == sent.cseq && sent.method.equals(m.cseqMethod()),
                "final response to " + sent.method + " (CSeq " + sent.cseq + ")");
    }

    private void write(String head, byte[] body) {
        byte[] headBytes = head.getBytes(StandardCharsets.UTF_8);
        synchronized (out) {
            // logged before it is sent, so that the answer always comes after it in the transcript
            transcript.add("> " + head + new String(body, StandardCharsets.UTF_8));
            try {
                out.write(headBytes);
                out.write(body);
                out.flush();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot send on " + socket, e);
            }
        }
    }

    private void readLoop(InputStream in) {
        try {
            while (!closed) {
                Message m = readMessage(in);
                if (m == null) {
                    break;
                }
                transcript.add("< " + m.raw());
                if (m.isRequest()) {
                    answer(m);
                }
                synchronized (lock) {
                    inbox.add(m);
                    lock.notifyAll();
                }
            }
        } catch (IOException | RuntimeException e) {
            if (!closed) {
                readFailure = e instanceof IOException io ? io : new IOException(e);
            }
        } finally {
            synchronized (lock) {
                closed = closed || readFailure == null;
                lock.notifyAll();
            }
        }
    }

    /** Answers an incoming request: 200 for NOTIFY and OPTIONS, 501 otherwise; ACK is not answered. */
    private void answer(Message request) {
        if ("ACK".equals(request.method())) {
            return;
        }
        boolean ok = "NOTIFY".equals(request.method()) || "OPTIONS".equals(request.method());
        StringBuilder sb = new StringBuilder("SIP/2.0 ").append(ok ? "200 OK" : "501 Not Implemented").append("\r\n");
        for (String via : request.headers("Via")) {
            sb.append("Via: ").append(via).append("\r\n");
        }
        for (String name : List.of("From", "To", "Call-ID", "CSeq")) {
            sb.append(name).append(": ").append(request.header(name).orElse("")).append("\r\n");
        }
        sb.append("Content-Length: 0\r\n\r\n");
        try {
            write(sb.toString(), new byte[0]);
        } catch (UncheckedIOException e) {
            // the connection is gone; the reader notices
        }
    }

    /** Reads one message; null at a clean end of stream. Leading CRLF keep-alives are skipped. */
    static Message readMessage(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int total = 0;
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (lines.isEmpty() && line.size() == 0) {
                    return null;
                }
                throw new IOException("connection closed inside a message");
            }
            if (++total > MAX_HEADER_BYTES) {
                throw new IOException("header section longer than " + MAX_HEADER_BYTES + " bytes");
            }
            if (b == '\n') {
                String s = line.toString(StandardCharsets.UTF_8);
                if (s.endsWith("\r")) {
                    s = s.substring(0, s.length() - 1);
                }
                line.reset();
                if (s.isEmpty()) {
                    if (lines.isEmpty()) {
                        continue; // keep-alive
                    }
                    break;
                }
                lines.add(s);
            } else {
                line.write(b);
            }
        }
        Message m = Message.parseHead(lines);
        int length = m.header("Content-Length").map(String::trim).map(Integer::parseInt).orElse(0);
        if (length < 0 || length > MAX_BODY_BYTES) {
            throw new IOException("bad Content-Length " + length);
        }
        byte[] body = in.readNBytes(length);
        if (body.length < length) {
            throw new IOException("connection closed inside a body");
        }
        return m.withBody(new String(body, StandardCharsets.UTF_8));
    }

    private String digest(String challenge, String method, String uri) {
        Map<String, String> p = Message.params(challenge.replaceFirst("(?i)^\\s*Digest\\s+", ""));
        String realm = p.getOrDefault("realm", "");
        String nonce = p.getOrDefault("nonce", "");
        String ha1 = md5(user + ":" + realm + ":" + new String(password));
        String ha2 = md5(method + ":" + uri);
        StringBuilder sb = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"").append(realm)
                .append("\", nonce=\"").append(nonce).append("\", uri=\"").append(uri).append("\", algorithm=MD5");
        String qop = p.get("qop");
        if (qop != null && List.of(qop.split(",")).stream().map(String::trim).anyMatch("auth"::equals)) {
            String cnonce = token(16);
            String nc = "00000001";
            sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                    .append(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
        } else {
            sb.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
        }
        if (p.containsKey("opaque")) {
            sb.append(", opaque=\"").append(p.get("opaque")).append('"');
        }
        return sb.toString();
    }

    static String md5(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String token(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /**
     * A request to send: method, Request-URI, To, Call-ID and From tag (fresh ones unless set),
     * extra headers and a body. Sending it again (a refresh) reuses Call-ID, tags and the next CSeq.
     */
    public final class Template {
        private final String method;
        private String requestUri;
        private String to;
        private String toTag;
        private String callId = token(10) + "@" + localHost;
        private String fromTag = token(6);
        private Integer cseq;
        private final Map<String, String> headers = new LinkedHashMap<>();
        private String contentType;
        private String body;
        private Message lastResponse;

        private Template(String method, String requestUri) {
            this.method = method;
            this.requestUri = requestUri;
            this.to = requestUri;
        }

        /** The To URI (without tag). */
        public Template to(String uri) {
            this.to = uri;
            return this;
        }

        /** Sets the To tag (an in-dialog request). */
        public Template toTag(String tag) {
            this.toTag = tag;
            return this;
        }

        /** Sets the Request-URI. */
        public Template requestUri(String uri) {
            this.requestUri = uri;
            return this;
        }

        /** Sets the Call-ID. */
        public Template callId(String id) {
            this.callId = id;
            return this;
        }

        /** Sets the CSeq number of the next send only. */
        public Template cseq(int n) {
            this.cseq = n;
            return this;
        }

        /** Adds or replaces a header (not one the agent writes itself). */
        public Template header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /** Sets the body and its Content-Type. */
        public Template body(String contentType, String body) {
            this.contentType = contentType;
            this.body = body;
            return this;
        }

        public String method() {
            return method;
        }

        public String callId() {
            return callId;
        }

        public String fromTag() {
            return fromTag;
        }

        /** The final response of the last send, if sent. */
        public Optional<Message> lastResponse() {
            return Optional.ofNullable(lastResponse);
        }
    }

    /** A SUBSCRIBE dialog: its final response and the NOTIFYs that arrive for it. */
    public final class Subscription {
        private final Template template;
        private final Message response;

        private Subscription(Template template, Message response) {
            this.template = template;
            this.response = response;
            template.headers.remove("Proxy-Authorization");
            template.headers.remove("Authorization");
            if (response.status() >= 300) {
                return;
            }
            response.toTag().ifPresent(tag -> {
                template.toTag(tag);
                response.header("Contact").map(Message::uriOf).ifPresent(template::requestUri);
            });
        }

        /** The final response to the SUBSCRIBE. */
        public Message response() {
            return response;
        }

        public String callId() {
            return template.callId();
        }

        /** The next NOTIFY of this dialog (same Call-ID), waiting at most the timeout. */
        public Message nextNotify() {
            return await(m -> m.isRequest() && "NOTIFY".equals(m.method())
                    && template.callId.equals(m.header("Call-ID").orElse("").trim()),
                    "NOTIFY for Call-ID " + template.callId);
        }

        /**
         * The next NOTIFY of this dialog whose Subscription-State substate is {@code substate}
         * (active, pending, terminated); NOTIFYs with another state before it are consumed.
         */
        public Message awaitNotify(String substate) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<String> seen = new ArrayList<>();
            while (System.nanoTime() < deadline) {
                Message m = nextNotify();
                if (substate.equalsIgnoreCase(m.subscriptionSubstate())) {
                    return m;
                }
                seen.add(m.subscriptionState());
            }
            throw new AssertionError("no NOTIFY " + substate + " for Call-ID " + template.callId + " within "
                    + timeout.toMillis() + " ms; seen: " + seen);
        }

        /** Ends the subscription (in-dialog SUBSCRIBE, Expires 0); returns the response. */
        public Message unsubscribe() {
            return refresh(0);
        }

        /** Refreshes the subscription in the dialog; returns the final response. */
        public Message refresh(int expires) {
            template.header("Expires", String.valueOf(expires));
            return send(template);
        }
    }

    /** A received SIP message: start line, headers in order (compact names expanded), body. */
    public static final class Message {
        private static final Pattern PARAM = Pattern.compile("([\\w-]+)\\s*=\\s*(?:\"((?:[^\"\\\\]|\\\\.)*)\"|([^,;\\s]*))");
        private final String startLine;
        private final List<Map.Entry<String, String>> headers;
        private final String body;

        private Message(String startLine, List<Map.Entry<String, String>> headers, String body) {
            this.startLine = startLine;
            this.headers = headers;
            this.body = body;
        }

        /** Parses a message from its text (start line, headers, blank line, body). */
        public static Message parse(String text) {
            try {
                return readMessage(new java.io.ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
            } catch (IOException e) {
                throw new IllegalArgumentException("not a SIP message: " + e.getMessage(), e);
            }
        }

        static Message parseHead(List<String> lines) throws IOException {
            String start = lines.get(0);
            if (!start.startsWith("SIP/2.0 ") && !start.endsWith(" SIP/2.0")) {
                throw new IOException("not a SIP start line: " + start);
            }
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String line : lines.subList(1, lines.size())) {
                if ((line.startsWith(" ") || line.startsWith("\t")) && !headers.isEmpty()) {
                    Map.Entry<String, String> last = headers.remove(headers.size() - 1);
                    headers.add(Map.entry(last.getKey(), last.getValue() + " " + line.strip()));
                    continue;
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    throw new IOException("not a header line: " + line);
                }
                String name = line.substring(0, colon).trim();
                name = COMPACT.getOrDefault(name.toLowerCase(Locale.ROOT), name);
                headers.add(Map.entry(name, line.substring(colon + 1).strip()));
            }
            return new Message(start, List.copyOf(headers), "");
        }

        Message withBody(String body) {
            return new Message(startLine, headers, body);
        }

        public String startLine() {
            return startLine;
        }

        public boolean isRequest() {
            return !startLine.startsWith("SIP/2.0 ");
        }

        /** The method of a request, else null. */
        public String method() {
            return isRequest() ? startLine.substring(0, startLine.indexOf(' ')) : null;
        }

        /** The Request-URI of a request, else null. */
        public String requestUri() {
            return isRequest() ? startLine.split(" ")[1] : null;
        }

        /** The status code of a response, else 0. */
        public int status() {
            return isRequest() ? 0 : Integer.parseInt(startLine.substring(8, 11));
        }

        /** The reason phrase of a response, else null. */
        public String reason() {
            return isRequest() ? null : startLine.substring(Math.min(12, startLine.length()));
        }

        /** Header lines in order, compact names expanded to full names. */
        public List<Map.Entry<String, String>> headers() {
            return headers;
        }

        /** Every value of header {@code name} (case-insensitive, compact form included), one per line. */
        public List<String> headers(String name) {
            String full = COMPACT.getOrDefault(name.toLowerCase(Locale.ROOT), name);
            List<String> values = new ArrayList<>();
            for (Map.Entry<String, String> h : headers) {
                if (h.getKey().equalsIgnoreCase(full)) {
                    values.add(h.getValue());
                }
            }
            return values;
        }

        /** The first value of header {@code name}. */
        public Optional<String> header(String name) {
            List<String> values = headers(name);
            return values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
        }

        public String body() {
            return body;
        }

        /** The {@code Subscription-State} value, e.g. {@code active;expires=600}, or "" without one. */
        public String subscriptionState() {
            return header("Subscription-State").orElse("").trim();
        }

        /** The substate of {@code Subscription-State}, lower case: active, pending, terminated or "". */
        public String subscriptionSubstate() {
            String s = subscriptionState();
            int semi = s.indexOf(';');
            return (semi < 0 ? s : s.substring(0, semi)).trim().toLowerCase(Locale.ROOT);
        }

        /** A parameter of {@code Subscription-State} (e.g. reason, expires). */
        public Optional<String> subscriptionStateParam(String name) {
            String s = subscriptionState();
            int semi = s.indexOf(';');
            return semi < 0 ? Optional.empty() : Optional.ofNullable(params(s.substring(semi + 1)).get(name));
        }

        /** The To tag. */
        public Optional<String> toTag() {
            return header("To").flatMap(Message::tagOf);
        }

        /** The tag parameter of a From or To value. */
        public static Optional<String> tagOf(String nameAddr) {
            return Optional.ofNullable(params(afterUri(nameAddr)).get("tag"));
        }

        /** The branch of the top Via. */
        public Optional<String> viaBranch() {
            return header("Via").map(v -> v.split(",")[0]).flatMap(v -> Optional.ofNullable(params(v).get("branch")));
        }

        public int cseqNumber() {
            return Integer.parseInt(header("CSeq").orElse("0 X").trim().split("\\s+")[0]);
        }

        public String cseqMethod() {
            String[] parts = header("CSeq").orElse("0 X").trim().split("\\s+");
            return parts.length > 1 ? parts[1] : "";
        }

        /** The message as text (start line, headers, body). */
        public String raw() {
            StringBuilder sb = new StringBuilder(startLine).append("\r\n");
            for (Map.Entry<String, String> h : headers) {
                sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
            }
            return sb.append("\r\n").append(body).toString();
        }

        @Override
        public String toString() {
            return startLine + (subscriptionState().isEmpty() ? "" : " [" + subscriptionState() + "]");
        }

        /** The URI inside a name-addr ({@code <...>}) or the addr-spec before parameters. */
        static String uriOf(String nameAddr) {
            int lt = nameAddr.indexOf('<');
            if (lt >= 0) {
                return nameAddr.substring(lt + 1, nameAddr.indexOf('>', lt));
            }
            int semi = nameAddr.indexOf(';');
            return (semi < 0 ? nameAddr : nameAddr.substring(0, semi)).trim();
        }

        private static String afterUri(String nameAddr) {
            int gt = nameAddr.indexOf('>');
            if (gt >= 0) {
                return nameAddr.substring(gt + 1);
            }
            int semi = nameAddr.indexOf(';');
            return semi < 0 ? "" : nameAddr.substring(semi);
        }

        static Map<String, String> params(String s) {
            Map<String, String> p = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(s);
            while (m.find()) {
                p.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
            }
            return p;
        }
    }
}
