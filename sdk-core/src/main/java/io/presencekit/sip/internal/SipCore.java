package io.presencekit.sip.internal;

import io.presencekit.sip.SipAccount;
import io.presencekit.sip.Transport;
import java.util.concurrent.atomic.AtomicLong;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.address.Address;
import javax.sip.address.URI;
import javax.sip.header.ContactHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;

/**
 * What usages build on: the stack ({@link #runtime}), the {@link #loop}, the {@link #sender},
 * the incoming {@link #router} and the {@link #monitor}, plus {@link #newRequest} for
 * out-of-dialog requests from our AoR. It is the stack's {@link SipListener}: every callback only
 * posts to the loop. Thread-safe; the objects it hands out are loop-confined unless they say
 * otherwise.
 */
public final class SipCore implements SipListener {
    public final SipAccount account;
    public final Transport transport;
    public final SipStackRuntime runtime;
    public final EventLoop loop;
    public final RequestSender sender;
    public final IncomingRequestRouter router;
    public final ConnectionMonitor monitor;
    private final AtomicLong cseq = new AtomicLong(1);
    private volatile java.net.InetSocketAddress hop;

    public SipCore(SipAccount account, Transport transport, SipStackRuntime runtime, EventLoop loop,
            java.time.Duration requestTimeout) {
        this.account = account;
        this.transport = transport;
        this.runtime = runtime;
        this.loop = loop;
        this.monitor = new ConnectionMonitor();
        this.sender = new RequestSender(runtime, loop, new DigestAuthenticator(runtime.headerFactory(),
                account.authUser(), account.password()), monitor, requestTimeout);
        this.router = new IncomingRequestRouter(runtime.provider(), runtime.messageFactory(), runtime.headerFactory());
        ServerIdentityPolicy.onFailure(runtime.name(), (ct, why) -> loop.execute(() -> sender.onTransportFailure(ct, why)));
    }

    /**
     * The next hop ({@code host:port/transport}, as {@link SipStackRuntime#nextHop}), whose
     * connection the engine follows (see {@link ConnectionMonitor#flowSeen}); null for none.
     */
    public void nextHop(String nextHop) {
        if (nextHop == null) {
            hop = null;
            return;
        }
        try {
            hop = StackConnections.resolve(nextHop);
        } catch (java.net.UnknownHostException e) {
            hop = null;
        }
    }

    /**
     * Sends an OPTIONS to the next hop over the flow (RFC 3261, section 11). Its answer shows
     * which connection the flow is on now ({@link ConnectionMonitor#flowSeen}), so a server that
     * restarted is noticed even while nothing else is sent; no answer is a loss, as for every
     * request. Runs on the loop.
     */
    public void probe() {
        java.net.InetSocketAddress h = hop;
        if (h == null) {
            return;
        }
        String host = h.getAddress().getHostAddress();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        String uri = "sip:" + host + ":" + h.getPort() + ";transport=" + transport.token();
        try {
            sender.send(newRequest("OPTIONS", uri, uri));
        } catch (RuntimeException e) {
            // the next keep-alive tries again; a send that cannot even start is not a loss of the flow
        }
    }

    /** The next hop as an address, or null. */
    public java.net.InetSocketAddress nextHopAddress() {
        return hop;
    }

    /**
     * A new out-of-dialog request: fresh Call-ID, From our AoR with a fresh tag, To {@code to},
     * CSeq 1, our Via (with {@code alias}), Max-Forwards 70, User-Agent, and our Contact (for
     * methods that take one) with {@code ;transport=}.
     */
    public Request newRequest(String method, String requestUri, String to) {
        return newRequest(method, requestUri, to, null);
    }

    /**
     * As {@link #newRequest(String, String, String)} with {@code fromUri} (no display name) in From
     * in place of the account's AoR when it is not null: a gateway sending on behalf of others.
     */
    public Request newRequest(String method, String requestUri, String to, String fromUri) {
        try {
            HeaderFactory h = runtime.headerFactory();
            URI ruri = runtime.addressFactory().createURI(requestUri);
            Address from = fromUri != null ? runtime.address(fromUri, null)
                    : runtime.address(account.aor(), account.displayName());
            Request r = runtime.messageFactory().createRequest(ruri, method,
                    runtime.provider().getNewCallId(), h.createCSeqHeader(cseq.getAndIncrement(), method),
                    h.createFromHeader(from, Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong())),
                    h.createToHeader(runtime.address(to, null), null),
                    new java.util.ArrayList<>(java.util.List.of(runtime.via(transport))),
                    h.createMaxForwardsHeader(70));
            r.addHeader(h.createUserAgentHeader(java.util.List.of(account.userAgent())));
            if (!Request.MESSAGE.equals(method) && !Request.PUBLISH.equals(method)) {
                r.addHeader(contact());
            }
            return r;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build " + method + ": " + e.getMessage(), e);
        }
    }

    /** Our Contact: {@code <sip:user@host:port;transport=t>}. */
    public ContactHeader contact() {
        return runtime.headerFactory().createContactHeader(
                runtime.addressFactory().createAddress(runtime.contactUri(account.user(), transport)));
    }

    @Override
    public void processRequest(RequestEvent e) {
        int flow = flowPort(e.getServerTransaction());
        loop.execute(() -> {
            monitor.flowSeen(flow);
            router.dispatch(e);
        });
    }

    @Override
    public void processResponse(ResponseEvent e) {
        int flow = flowPort(e.getClientTransaction());
        loop.execute(() -> {
            monitor.flowSeen(flow);
            sender.onResponse(e);
        });
    }

    /**
     * The local port of the TCP/TLS connection the transaction's message came over, when it is a
     * connection to the next hop, else 0 (UDP, another peer, or a connection the next hop opened
     * to our listening port).
     */
    private int flowPort(javax.sip.Transaction t) {
        java.net.InetSocketAddress hop = this.hop;
        if (!transport.reliable() || hop == null || !(t instanceof gov.nist.javax.sip.stack.SIPTransaction)) {
            return 0;
        }
        java.net.Socket s = StackConnections.socketOf(((gov.nist.javax.sip.stack.SIPTransaction) t).getMessageChannel());
        return StackConnections.leadsTo(s, hop) ? s.getLocalPort() : 0;
    }

    @Override
    public void processTimeout(TimeoutEvent e) {
        if (!e.isServerTransaction()) {
            loop.execute(() -> sender.onTimeout(e.getClientTransaction()));
        }
    }

    @Override
    public void processIOException(IOExceptionEvent e) {
        loop.execute(() -> monitor.degraded("I/O error towards " + e.getHost() + ":" + e.getPort() + "/"
                + e.getTransport()));
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent e) {
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent e) {
    }
}
