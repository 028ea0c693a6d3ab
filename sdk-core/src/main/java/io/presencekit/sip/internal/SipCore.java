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
        loop.execute(() -> router.dispatch(e));
    }

    @Override
    public void processResponse(ResponseEvent e) {
        loop.execute(() -> sender.onResponse(e));
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
