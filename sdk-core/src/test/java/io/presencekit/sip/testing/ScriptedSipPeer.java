package io.presencekit.sip.testing;

import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.message.SIPMessage;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.Transport;
import io.presencekit.sip.internal.DigestAuthenticator;
import io.presencekit.sip.internal.SipStackRuntime;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.ServerTransaction;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.Header;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * A scriptable SIP server on loopback: a second JAIN-SIP stack that answers requests by method
 * with scripted {@link Reply replies} (consumed in order, the last one repeating), can demand
 * digest credentials (401 or 407, MD5 or SHA-256, {@code qop=auth}) and verifies them, rotates its
 * nonce so the next answer is {@code stale=true}, records every request, sends in-dialog NOTIFYs
 * to a subscriber, acts as a subscriber itself ({@link #sendRequest} a SUBSCRIBE, refresh it with
 * {@link #sendInDialog}, answer the NOTIFYs by script) and closes connections on demand. Unit tests of the engine's state machines use
 * it for the cases a real server cannot be made to produce.
 *
 * <p>Thread-safe. Unscripted methods are answered 200.
 */
public final class ScriptedSipPeer implements SipListener, AutoCloseable {

    /** Builds the answer to one request; {@code null} sends nothing (the request times out). */
    @FunctionalInterface
    public interface Reply {
        Response answer(Request request, ScriptedSipPeer peer) throws Exception;

        /** A bare status, with {@code "Name: value"} header lines. */
        static Reply status(int status, String... headers) {
            return (req, peer) -> peer.response(req, status, headers);
        }

        /** No answer at all. */
        static Reply silence() {
            return (req, peer) -> null;
        }

        /**
         * A registrar 200: the request's Contact echoed with {@code expires}, and when it carries
         * {@code +sip.instance}, a pub-gruu and temp-gruu as RFC 5627 section 5.1 describes.
         */
        static Reply registrar(Duration expires) {
            return (req, peer) -> {
                Response r = peer.response(req, 200);
                ContactHeader c = (ContactHeader) ((ContactHeader) req.getHeader(ContactHeader.NAME)).clone();
                c.setExpires((int) expires.toSeconds());
                String instance = c.getParameter("+sip.instance");
                if (instance != null && req.getExpires() != null && req.getExpires().getExpires() > 0) {
                    String urn = instance.replace("\"", "").replace("<", "").replace(">", "");
                    String aor = ((ToHeader) req.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
                    c.setParameter("pub-gruu", "\"" + aor + ";gr=" + urn + "\"");
                    c.setParameter("temp-gruu", "\"sip:tgruu." + peer.counter.incrementAndGet() + "@"
                            + aor.substring(aor.indexOf('@') + 1) + ";gr\"");
                }
                r.addHeader(c);
                return r;
            };
        }
    }

    private final SipStackRuntime runtime;
    private final Transport transport;
    private final Map<String, Deque<Reply>> script = new HashMap<>();
    private final List<Request> received = new ArrayList<>();
    private final LinkedBlockingQueue<Request> arrivals = new LinkedBlockingQueue<>();
    private final Map<String, Dialog> dialogs = new ConcurrentHashMap<>();
    private final Map<String, Dialog> subscriberDialogs = new ConcurrentHashMap<>();
    private final Map<ClientTransaction, CompletableFuture<Response>> outgoing = new ConcurrentHashMap<>();
    private final AtomicLong counter = new AtomicLong();
    private final List<Exception> errors = new java.util.concurrent.CopyOnWriteArrayList<>();
    private volatile Auth auth;
    private volatile SIPMessage lastReceived;

    private record Auth(String user, String password, String realm, String algorithm, boolean proxy, String nonce,
            String previousNonce) {
    }

    private ScriptedSipPeer(Transport transport, Path keyStore, char[] password) {
        this.transport = transport;
        SipSettings settings = keyStore == null ? SipSettings.DEFAULT
                : SipSettings.builder().trustStore(keyStore, password, "PKCS12").build();
        runtime = new SipStackRuntime("scripted-peer", List.of(transport), null, InetAddress.getLoopbackAddress(),
                settings, keyStore, password);
        try {
            runtime.setListener(this);
        } catch (Exception e) {
            runtime.close();
            throw new IllegalStateException(e);
        }
    }

    /** A peer on a free loopback TCP port. */
    public static ScriptedSipPeer tcp() {
        return new ScriptedSipPeer(Transport.TCP, null, null);
    }

    /** A peer on a free loopback TLS port, presenting the key store's certificate. */
    public static ScriptedSipPeer tls(Path pkcs12, char[] password) {
        return new ScriptedSipPeer(Transport.TLS, pkcs12, password);
    }

    /** The peer as an outbound proxy URI: {@code sip:127.0.0.1:<port>;transport=<t>}. */
    public String proxyUri() {
        return "sip:127.0.0.1:" + port() + ";transport=" + transport.token();
    }

    public int port() {
        return runtime.listeningPoint(transport).getPort();
    }

    /** Appends replies for {@code method}; each request takes the next, the last one repeats. */
    public synchronized ScriptedSipPeer on(String method, Reply... replies) {
        script.computeIfAbsent(method, m -> new ArrayDeque<>()).addAll(List.of(replies));
        return this;
    }

    /**
     * Demands digest credentials before any scripted reply: 401 (or 407 when {@code proxy}) with
     * {@code qop="auth"} and {@code algorithm}, checked against {@code user} and {@code password}.
     */
    public ScriptedSipPeer requireDigest(String user, String password, String realm, String algorithm, boolean proxy) {
        auth = new Auth(user, password, realm, algorithm, proxy, nonce(), null);
        return this;
    }

    /** Replaces the nonce: credentials computed from the old one are answered {@code stale=true}. */
    public ScriptedSipPeer rotateNonce() {
        Auth a = auth;
        auth = new Auth(a.user, a.password, a.realm, a.algorithm, a.proxy, nonce(), a.nonce);
        return this;
    }

    private String nonce() {
        return Long.toHexString(System.nanoTime()) + counter.incrementAndGet();
    }

    /** Failures of the peer itself (answers that could not be sent, broken scripts). */
    public List<Exception> errors() {
        return List.copyOf(errors);
    }

    /** Every request received so far, in order. */
    public synchronized List<Request> received() {
        return List.copyOf(received);
    }

    /** The requests of {@code method} received so far. */
    public synchronized List<Request> received(String method) {
        return received.stream().filter(r -> r.getMethod().equals(method)).toList();
    }

    /** Waits for the next request of {@code method} not yet taken by this method. */
    public Request awaitRequest(String method, Duration timeout) throws InterruptedException, TimeoutException {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            Request r = arrivals.poll(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (r == null) {
                throw new TimeoutException("no " + method + " within " + timeout);
            }
            if (r.getMethod().equals(method)) {
                return r;
            }
        }
    }

    /** A response to {@code request} with {@code "Name: value"} header lines. */
    public Response response(Request request, int status, String... headers) throws Exception {
        Response r = runtime.messageFactory().createResponse(status, request);
        ToHeader to = (ToHeader) r.getHeader(ToHeader.NAME);
        if (to.getTag() == null) {
            to.setTag("peer" + counter.incrementAndGet());
        }
        for (String line : headers) {
            int colon = line.indexOf(':');
            r.addHeader(runtime.headerFactory().createHeader(line.substring(0, colon).trim(),
                    line.substring(colon + 1).trim()));
        }
        return r;
    }

    /**
     * Sends an in-dialog NOTIFY for the SUBSCRIBE with {@code callId} that this peer answered 2xx;
     * completes with the subscriber's response.
     */
    public CompletableFuture<Response> sendNotify(String callId, String event, String subscriptionState,
            String contentType, String body) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        try {
            Dialog d = dialogs.get(callId);
            for (int i = 0; d == null && i < 200; i++) {
                Thread.sleep(10); // the SUBSCRIBE may have been seen before its 2xx went out
                d = dialogs.get(callId);
            }
            if (d == null) {
                throw new IllegalStateException("no dialog for Call-ID " + callId);
            }
            Request n = d.createRequest(Request.NOTIFY);
            n.addHeader(runtime.headerFactory().createEventHeader(event));
            n.addHeader(runtime.headerFactory().createHeader("Subscription-State", subscriptionState));
            if (body != null) {
                String[] ct = contentType.split("/");
                n.setContent(body, runtime.headerFactory().createContentTypeHeader(ct[0], ct[1]));
            }
            ClientTransaction ct = runtime.provider().getNewClientTransaction(n);
            outgoing.put(ct, f);
            d.sendRequest(ct);
        } catch (Exception e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /**
     * As {@link #sendNotify(String, String, String, String, String)} with a binary body whose
     * Content-Type header value is given whole (parameters such as a multipart boundary included),
     * and extra {@code "Name: value"} header lines (for example {@code Require: eventlist}).
     */
    public CompletableFuture<Response> sendNotify(String callId, String event, String subscriptionState,
            String contentType, byte[] body, String... headers) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        try {
            Dialog d = dialogs.get(callId);
            for (int i = 0; d == null && i < 200; i++) {
                Thread.sleep(10); // the SUBSCRIBE may have been seen before its 2xx went out
                d = dialogs.get(callId);
            }
            if (d == null) {
                throw new IllegalStateException("no dialog for Call-ID " + callId);
            }
            var h = runtime.headerFactory();
            Request n = d.createRequest(Request.NOTIFY);
            n.addHeader(h.createEventHeader(event));
            n.addHeader(h.createHeader("Subscription-State", subscriptionState));
            for (String line : headers) {
                int colon = line.indexOf(':');
                n.addHeader(h.createHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
            if (body != null) {
                n.setContent(body, (javax.sip.header.ContentTypeHeader) h.createHeader("Content-Type", contentType));
            }
            ClientTransaction ct = runtime.provider().getNewClientTransaction(n);
            outgoing.put(ct, f);
            d.sendRequest(ct);
        } catch (Exception e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /**
     * Sends a NOTIFY for {@code subscribe} built by hand, outside any dialog of this peer: To is
     * the SUBSCRIBE's From, From its To with {@code toTag}, the Request-URI its Contact, with
     * the given CSeq. For what a dialog would not let a notifier send: a NOTIFY before the 2xx
     * (answer the SUBSCRIBE with the same {@code toTag}), a duplicate or a reordered CSeq. Not in
     * a dialog this peer knows (its stack refuses hand-made requests there): after a 2xx, use
     * another {@code toTag} than the 2xx had. Completes with the subscriber's response.
     */
    public CompletableFuture<Response> sendNotify(Request subscribe, String toTag, long cseq, String subscriptionState,
            String contentType, String body) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        try {
            var h = runtime.headerFactory();
            ContactHeader contact = (ContactHeader) subscribe.getHeader(ContactHeader.NAME);
            javax.sip.header.FromHeader sf = (javax.sip.header.FromHeader) subscribe.getHeader("From");
            ToHeader st = (ToHeader) subscribe.getHeader(ToHeader.NAME);
            javax.sip.header.EventHeader ev = (javax.sip.header.EventHeader) subscribe.getHeader("Event");
            Request n = runtime.messageFactory().createRequest(contact.getAddress().getURI(), Request.NOTIFY,
                    (CallIdHeader) subscribe.getHeader(CallIdHeader.NAME).clone(), h.createCSeqHeader(cseq, Request.NOTIFY),
                    h.createFromHeader(st.getAddress(), toTag), h.createToHeader(sf.getAddress(), sf.getTag()),
                    new ArrayList<>(List.of(runtime.via(transport))), h.createMaxForwardsHeader(70));
            n.addHeader(h.createContactHeader(runtime.addressFactory().createAddress("sip:peer@127.0.0.1:" + port()
                    + ";transport=" + transport.token())));
            n.addHeader(h.createEventHeader(ev.getEventType()));
            n.addHeader(h.createHeader("Subscription-State", subscriptionState));
            if (body != null) {
                String[] ct = contentType.split("/");
                n.setContent(body, h.createContentTypeHeader(ct[0], ct[1]));
            }
            ClientTransaction ct = runtime.provider().getNewClientTransaction(n);
            outgoing.put(ct, f);
            ct.sendRequest();
        } catch (Exception e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /**
     * Sends an out-of-dialog request of {@code method} to {@code target} (a SIP URI with
     * {@code ;transport=}) with extra {@code "Name: value"} header lines; completes with the answer.
     */
    public CompletableFuture<Response> sendRequest(String method, String target, String... headers) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        try {
            var h = runtime.headerFactory();
            var uri = runtime.addressFactory().createURI(target);
            var self = runtime.addressFactory().createAddress("sip:peer@127.0.0.1:" + port());
            Request r = runtime.messageFactory().createRequest(uri, method, runtime.provider().getNewCallId(),
                    h.createCSeqHeader(1L, method), h.createFromHeader(self, "p" + counter.incrementAndGet()),
                    h.createToHeader(runtime.addressFactory().createAddress(uri), null),
                    new ArrayList<>(List.of(runtime.via(transport))), h.createMaxForwardsHeader(70));
            for (String line : headers) {
                int colon = line.indexOf(':');
                r.addHeader(h.createHeader(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
            }
            ClientTransaction ct = runtime.provider().getNewClientTransaction(r);
            outgoing.put(ct, f);
            ct.sendRequest();
        } catch (Exception e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** The peer's own contact: {@code sip:peer@127.0.0.1:<port>;transport=<t>}, for a Contact header line. */
    public String contactUri() {
        return "sip:peer@127.0.0.1:" + port() + ";transport=" + transport.token();
    }

    /**
     * Sends a request of {@code method} in the dialog of a SUBSCRIBE this peer sent with
     * {@link #sendRequest} and that was answered 2xx (a refresh, or an unsubscribe with
     * {@code Expires: 0}), with extra {@code "Name: value"} header lines; completes with the answer.
     */
    public CompletableFuture<Response> sendInDialog(String callId, String method, String... headers) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        try {
            Dialog d = subscriberDialogs.get(callId);
            if (d == null) {
                throw new IllegalStateException("no subscriber dialog for Call-ID " + callId);
            }
            Request r = d.createRequest(method);
            for (String line : headers) {
                int colon = line.indexOf(':');
                r.setHeader(runtime.headerFactory().createHeader(line.substring(0, colon).trim(),
                        line.substring(colon + 1).trim()));
            }
            ClientTransaction ct = runtime.provider().getNewClientTransaction(r);
            outgoing.put(ct, f);
            d.sendRequest(ct);
        } catch (Exception e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    /** Closes the TCP/TLS connection the last request came over. */
    public void closeConnection() {
        SIPMessage m = lastReceived;
        if (m == null) {
            throw new IllegalStateException("nothing received yet");
        }
        ((SipStackImpl) runtime.provider().getSipStack()).closeReliableConnection("127.0.0.1", port(),
                transport.token(), m.getPeerPacketSourceAddress().getHostAddress(), m.getPeerPacketSourcePort());
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request req = event.getRequest();
        lastReceived = (SIPMessage) req;
        synchronized (this) {
            received.add(req);
        }
        arrivals.add(req);
        if (Request.ACK.equals(req.getMethod())) {
            return;
        }
        try {
            ServerTransaction st = event.getServerTransaction() != null ? event.getServerTransaction()
                    : runtime.provider().getNewServerTransaction(req);
            Response r = challengeIfNeeded(req);
            if (r == null) {
                Reply reply;
                synchronized (this) {
                    Deque<Reply> q = script.get(req.getMethod());
                    reply = q == null || q.isEmpty() ? Reply.status(200) : q.size() > 1 ? q.poll() : q.peek();
                }
                r = reply.answer(req, this);
            }
            if (r != null) {
                st.sendResponse(r);
                if (Request.SUBSCRIBE.equals(req.getMethod()) && r.getStatusCode() < 300 && st.getDialog() != null) {
                    // after the 2xx went out: before it, the dialog cannot send
                    dialogs.put(((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId(), st.getDialog());
                }
            }
        } catch (Exception e) {
            // e.g. the client closed its connection; tests see it through errors()
            errors.add(new IllegalStateException("scripted peer failed on " + req.getMethod(), e));
        }
    }

    private Response challengeIfNeeded(Request req) throws Exception {
        Auth a = auth;
        if (a == null || Request.ACK.equals(req.getMethod()) || Request.CANCEL.equals(req.getMethod())) {
            return null;
        }
        AuthorizationHeader h = (AuthorizationHeader) req.getHeader(a.proxy ? ProxyAuthorizationHeader.NAME
                : AuthorizationHeader.NAME);
        boolean stale = false;
        if (h != null && a.realm.equals(h.getRealm()) && a.user.equals(h.getUsername())) {
            String expected = DigestAuthenticator.response(a.algorithm, a.user, a.realm, a.password.toCharArray(),
                    req.getMethod(), h.getURI().toString(), h.getNonce(), String.format("%08x", h.getNonceCount()),
                    h.getCNonce(), h.getQop());
            if (expected.equals(h.getResponse())) {
                if (h.getNonce().equals(a.nonce)) {
                    return null;
                }
                stale = h.getNonce().equals(a.previousNonce);
            }
        }
        Response r = response(req, a.proxy ? 407 : 401);
        WWWAuthenticateHeader c = a.proxy ? runtime.headerFactory().createProxyAuthenticateHeader("Digest")
                : runtime.headerFactory().createWWWAuthenticateHeader("Digest");
        c.setRealm(a.realm);
        c.setNonce(a.nonce);
        c.setAlgorithm(a.algorithm);
        c.setQop("auth");
        if (stale) {
            c.setParameter("stale", "true");
        }
        r.addHeader((Header) c);
        return r;
    }

    @Override
    public void processResponse(ResponseEvent event) {
        Response resp = event.getResponse();
        CompletableFuture<Response> f = event.getClientTransaction() == null ? null
                : outgoing.remove(event.getClientTransaction());
        Response r = event.getResponse();
        if (f != null && r.getStatusCode() >= 200) {
            if (r.getStatusCode() < 300 && event.getClientTransaction().getDialog() != null
                    && Request.SUBSCRIBE.equals(event.getClientTransaction().getRequest().getMethod())) {
                subscriberDialogs.put(((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId(),
                        event.getClientTransaction().getDialog());
            }
            f.complete(r);
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        CompletableFuture<Response> f = event.getClientTransaction() == null ? null
                : outgoing.remove(event.getClientTransaction());
        if (f != null) {
            f.completeExceptionally(new TimeoutException("no answer to the peer's request"));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
    }

    @Override
    public void close() {
        runtime.close();
    }
}
