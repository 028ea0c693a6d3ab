package io.presencekit.sip.internal;

import io.presencekit.sip.SipAuthenticationException;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SipNotSupportedException;
import io.presencekit.sip.SipTimeoutException;
import io.presencekit.sip.SipTransportException;
import io.presencekit.sip.Transport;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * Sends a request out of dialog or in a {@link Dialog} and completes a future with its final
 * response. Answers 401/407 with digest credentials (a fresh CSeq and branch per retry), retries
 * {@code stale=true} challenges quietly, and fails with {@link SipAuthenticationException} when
 * the challenge repeats after our answer. Every request over TCP/TLS leaves with {@code ;alias} in its
 * Via (RFC 5923), also those built by {@code Dialog.createRequest}. Fails with {@link SipTimeoutException} after the request
 * timeout and {@link SipTransportException} when the stack cannot send. Any other final response,
 * success or error, completes the future normally: usages decide (see {@link #toException}).
 *
 * <p>{@link #send} may be called from any thread; the work runs on the event loop, as do the
 * future's completions.
 */
public final class RequestSender {
    private static final int MAX_STALE_RETRIES = 3;

    private final SipStackRuntime runtime;
    private final EventLoop loop;
    private final DigestAuthenticator auth;
    private final ConnectionMonitor monitor;
    private final Duration timeout;
    private final Map<ClientTransaction, Pending> pending = new HashMap<>();

    private static final class Pending {
        final CompletableFuture<Response> future;
        final Dialog dialog;
        Request request;
        int answered;
        int stale;
        ScheduledFuture<?> timer;

        Pending(CompletableFuture<Response> future, Dialog dialog, Request request) {
            this.future = future;
            this.dialog = dialog;
            this.request = request;
        }
    }

    public RequestSender(SipStackRuntime runtime, EventLoop loop, DigestAuthenticator auth, ConnectionMonitor monitor,
            Duration timeout) {
        this.runtime = runtime;
        this.loop = loop;
        this.auth = auth;
        this.monitor = monitor;
        this.timeout = timeout;
    }

    /** Sends an out-of-dialog request; completes with its final response. */
    public CompletableFuture<Response> send(Request request) {
        return send(request, null);
    }

    /**
     * Sends {@code request} (built by {@code dialog.createRequest} when {@code dialog} is not null);
     * completes with its final response.
     */
    public CompletableFuture<Response> send(Request request, Dialog dialog) {
        CompletableFuture<Response> f = new CompletableFuture<>();
        loop.execute(() -> transmit(new Pending(f, dialog, request)));
        return f;
    }

    private void transmit(Pending p) {
        try {
            auth.authorize(p.request);
            ViaHeader via = (ViaHeader) p.request.getHeader(ViaHeader.NAME);
            if (via != null && !"UDP".equalsIgnoreCase(via.getTransport()) && via.getParameter("alias") == null) {
                // requests built by Dialog.createRequest carry the stack's plain Via (RFC 5923)
                via.setParameter("alias", null);
            }
            ClientTransaction ct = runtime.provider().getNewClientTransaction(p.request);
            pending.put(ct, p);
            p.timer = loop.schedule(timeout, () -> expire(ct, "no final response to " + p.request.getMethod()
                    + " within " + timeout.toSeconds() + " s"));
            if (p.dialog != null) {
                p.dialog.sendRequest(ct);
            } else {
                ct.sendRequest();
            }
        } catch (Exception e) {
            pending.values().remove(p);
            if (p.timer != null) {
                p.timer.cancel(false);
            }
            String why = rootMessage(e);
            monitor.degraded(why);
            p.future.completeExceptionally(new SipTransportException("cannot send " + p.request.getMethod() + ": "
                    + why, e));
        }
    }

    /** A response from the stack; call on the loop. */
    public void onResponse(ResponseEvent event) {
        ClientTransaction ct = event.getClientTransaction();
        Pending p = ct == null ? null : pending.get(ct);
        Response r = event.getResponse();
        if (p == null || r.getStatusCode() < 200) {
            return;
        }
        pending.remove(ct);
        p.timer.cancel(false);
        monitor.answered();
        int status = r.getStatusCode();
        if (status == 401 || status == 407) {
            boolean stale = DigestAuthenticator.stale(r);
            DigestAuthenticator.Outcome o = auth.challenged(r, p.answered > 0 && !(stale && p.stale < MAX_STALE_RETRIES));
            if (o == DigestAuthenticator.Outcome.RETRY && (p.answered == 0 || stale) && p.stale < MAX_STALE_RETRIES) {
                if (stale && p.answered > 0) {
                    p.stale++;
                }
                p.answered++;
                p.request = next(p);
                transmit(p);
                return;
            }
            p.future.completeExceptionally(new SipAuthenticationException(o == DigestAuthenticator.Outcome.UNSUPPORTED
                    ? "the server asks for an authentication scheme or algorithm we do not support (" + status + ")"
                    : "authentication failed for " + p.request.getMethod() + ": the server rejected our credentials ("
                    + status + " " + r.getReasonPhrase() + " after our answer to its challenge)", status,
                    r.getReasonPhrase()));
            return;
        }
        p.future.complete(r);
    }

    /** The stack gave up on a transaction (Timer F); call on the loop. */
    public void onTimeout(ClientTransaction ct) {
        expire(ct, "the transaction timed out");
    }

    private void expire(ClientTransaction ct, String why) {
        Pending p = pending.remove(ct);
        if (p == null) {
            return;
        }
        p.timer.cancel(false);
        try {
            ct.terminate();
        } catch (Exception ignored) {
            // already over
        }
        monitor.degraded(why);
        p.future.completeExceptionally(new SipTimeoutException(p.request.getMethod() + ": " + why));
    }

    /** The transport layer refused the connection of {@code ct} (TLS identity); call on the loop. */
    public void onTransportFailure(ClientTransaction ct, String why) {
        Pending p = pending.remove(ct);
        if (p == null) {
            return;
        }
        p.timer.cancel(false);
        try {
            ct.terminate();
        } catch (Exception ignored) {
            // already over
        }
        monitor.degraded(why);
        p.future.completeExceptionally(new SipTransportException(p.request.getMethod() + " failed: " + why, null));
    }

    /** Fails every request still waiting (engine closing). */
    public void failAll(SipException e) {
        for (Pending p : pending.values()) {
            p.timer.cancel(false);
            p.future.completeExceptionally(e);
        }
        pending.clear();
    }

    private Request next(Pending p) {
        Request r = (Request) p.request.clone();
        CSeqHeader cseq = (CSeqHeader) r.getHeader(CSeqHeader.NAME);
        try {
            long seq = p.dialog != null ? Math.max(p.dialog.getLocalSeqNumber(), cseq.getSeqNumber()) + 1
                    : cseq.getSeqNumber() + 1;
            cseq.setSeqNumber(seq);
            ViaHeader old = (ViaHeader) r.getHeader(ViaHeader.NAME);
            r.removeFirst(ViaHeader.NAME);
            r.addFirst(runtime.via(Transport.of(old.getTransport())));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the authenticated retry: " + e.getMessage(), e);
        }
        return r;
    }

    /**
     * The exception a usage reports for an error response: 403 as authentication failure,
     * 405/489/501 as not supported, others as plain {@link SipException} with Retry-After.
     */
    public static SipException toException(Request request, Response r) {
        int s = r.getStatusCode();
        String msg = request.getMethod() + " failed: " + s + " " + r.getReasonPhrase();
        if (s == 403) {
            return new SipAuthenticationException(msg + " (the server refuses this account)", s, r.getReasonPhrase());
        }
        Duration retryAfter = SipHeaders.retryAfter(r).orElse(null);
        if (s == 405 || s == 489 || s == 501) {
            return new SipNotSupportedException(msg + " (not supported by the server)", s, r.getReasonPhrase(),
                    retryAfter);
        }
        return new SipException(msg, s, r.getReasonPhrase(), retryAfter, null);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() != null ? t.getMessage() : t.toString();
    }
}
