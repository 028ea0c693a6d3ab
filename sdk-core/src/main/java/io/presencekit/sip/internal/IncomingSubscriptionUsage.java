package io.presencekit.sip.internal;

import io.presencekit.sip.IncomingSubscription;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SipTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import javax.sip.Dialog;
import javax.sip.address.Address;
import javax.sip.header.AcceptHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.EventHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SubscriptionStateHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One incoming subscription (RFC 6665, section 4.2): answers the SUBSCRIBE, keeps the expiry timer,
 * serializes NOTIFYs (one in flight, later bodies collapse to the latest), handles refreshes and
 * unsubscribes in the dialog, and ends on a failed NOTIFY. Protocol state is confined to the event
 * loop; the public verbs run inline when called on the loop and are posted there otherwise.
 */
final class IncomingSubscriptionUsage implements IncomingSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(IncomingSubscriptionUsage.class);

    private final NotifierUsage notifier;
    private final SipCore core;
    private final IncomingRequest initial;
    private final String subscriber;
    private final String subscriberName;
    private final String target;
    private final String requestUri;
    private final String eventId;
    private final List<String> accept;
    private final Duration requestedExpires;
    private final String contentType;
    private final byte[] body;
    private final String callId;
    private final String localTag;
    private volatile Duration granted;
    private volatile State state = State.NEW;

    private Dialog dialog;
    private IncomingRequestRouter.Handle dialogRoute;
    private Instant expiresAt;
    private ScheduledFuture<?> expiryTimer;
    private boolean answered;
    private String lastType;
    private byte[] lastBody;
    private boolean inFlight;
    private Outgoing next;
    private boolean finalQueued;

    /** A NOTIFY waiting to be sent: the latest body and everyone waiting for it. */
    private static final class Outgoing {
        String type;
        byte[] body;
        boolean terminal;
        String reason;
        Request sent;
        final List<CompletableFuture<Void>> waiters = new ArrayList<>();
    }

    IncomingSubscriptionUsage(NotifierUsage notifier, IncomingRequest in, Duration requestedExpires, Duration granted) {
        this.notifier = notifier;
        this.core = notifier.core;
        this.initial = in;
        Request req = in.request();
        FromHeader from = (FromHeader) req.getHeader(FromHeader.NAME);
        this.subscriber = from.getAddress().getURI().toString();
        this.subscriberName = from.getAddress().getDisplayName();
        this.target = ((ToHeader) req.getHeader(ToHeader.NAME)).getAddress().getURI().toString();
        this.requestUri = req.getRequestURI().toString();
        this.eventId = ((EventHeader) req.getHeader(EventHeader.NAME)).getEventId();
        List<String> types = new ArrayList<>();
        ListIterator<?> it = req.getHeaders(AcceptHeader.NAME);
        while (it != null && it.hasNext()) {
            AcceptHeader a = (AcceptHeader) it.next();
            if (a.getContentType() != null) {
                types.add(a.getContentType() + "/" + a.getContentSubType());
            }
        }
        this.accept = Collections.unmodifiableList(types);
        this.requestedExpires = requestedExpires;
        this.granted = granted;
        ContentTypeHeader ct = (ContentTypeHeader) req.getHeader(ContentTypeHeader.NAME);
        this.contentType = ct == null ? null : ct.getContentType() + "/" + ct.getContentSubType();
        byte[] raw = req.getRawContent();
        this.body = raw == null ? new byte[0] : raw.clone();
        this.callId = ((CallIdHeader) req.getHeader(CallIdHeader.NAME)).getCallId();
        this.localTag = Long.toHexString(ThreadLocalRandom.current().nextLong() | 1L << 62);
    }

    // ---- getters (immutable or volatile) ----

    @Override
    public String subscriber() {
        return subscriber;
    }

    @Override
    public String subscriberDisplayName() {
        return subscriberName;
    }

    @Override
    public String target() {
        return target;
    }

    @Override
    public String requestUri() {
        return requestUri;
    }

    @Override
    public String event() {
        return notifier.eventPackage;
    }

    @Override
    public String eventId() {
        return eventId;
    }

    @Override
    public List<String> accept() {
        return accept;
    }

    @Override
    public Optional<Duration> requestedExpires() {
        return Optional.ofNullable(requestedExpires);
    }

    @Override
    public Duration expires() {
        return granted;
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    @Override
    public String callId() {
        return callId;
    }

    @Override
    public State state() {
        return state;
    }

    @Override
    public String toString() {
        return "IncomingSubscription[" + notifier.eventPackage + " " + subscriber + " -> " + target + ", " + state + "]";
    }

    // ---- verbs ----

    @Override
    public CompletableFuture<Void> accept(String type, byte[] content) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        onLoop(f, () -> {
            if (!open(f)) {
                return;
            }
            state = State.ACTIVE;
            answer();
            if (granted.isZero()) {
                queueFinal("timeout", type, content, f);
            } else {
                queue(type, content, f);
            }
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> acceptPending() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        onLoop(f, () -> {
            if (!open(f)) {
                return;
            }
            if (state == State.ACTIVE) {
                f.completeExceptionally(new IllegalStateException("already active: " + this));
                return;
            }
            state = State.PENDING;
            answer();
            if (granted.isZero()) {
                queueFinal("timeout", null, null, f);
            } else {
                queue(null, null, f);
            }
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> reject(int status) {
        if (status < 300 || status > 699) {
            return CompletableFuture.failedFuture(new IllegalArgumentException("not an error status: " + status));
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        onLoop(f, () -> {
            if (state == State.TERMINATED) {
                f.complete(null);
                return;
            }
            if (!answered) {
                answered = true;
                initial.respond(status);
                finish("rejected");
                f.complete(null);
                return;
            }
            queueFinal("rejected", null, null, f);
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> notify(String type, byte[] content) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        onLoop(f, () -> {
            if (!open(f)) {
                return;
            }
            if (!answered) {
                f.completeExceptionally(new IllegalStateException("accept or acceptPending first: " + this));
                return;
            }
            queue(type, content, f);
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> end(String reason) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        onLoop(f, () -> {
            if (state == State.TERMINATED || finalQueued) {
                f.complete(null);
                return;
            }
            answer();
            queueFinal(reason, null, null, f);
        });
        return f;
    }

    // ---- loop side ----

    private void onLoop(CompletableFuture<Void> f, Runnable r) {
        Runnable guarded = () -> {
            try {
                r.run();
            } catch (RuntimeException e) {
                f.completeExceptionally(e);
            }
        };
        if (core.loop.inLoop()) {
            guarded.run();
        } else {
            core.loop.execute(guarded);
        }
    }

    private boolean open(CompletableFuture<Void> f) {
        if (state == State.TERMINATED || finalQueued) {
            f.completeExceptionally(new IllegalStateException("subscription over: " + this));
            return false;
        }
        return true;
    }

    /** The handler returned: without a decision, answer now and tell the subscriber it is pending. */
    void afterHandler() {
        if (state == State.NEW && !answered) {
            acceptPending();
        }
    }

    /** Answers the initial SUBSCRIBE 200 with our tag, Contact and the granted Expires. */
    private void answer() {
        if (answered) {
            return;
        }
        answered = true;
        Response r = initial.createResponse(Response.OK);
        try {
            ((ToHeader) r.getHeader(ToHeader.NAME)).setTag(localTag);
            r.addHeader(core.contact());
            r.addHeader(core.runtime.headerFactory().createExpiresHeader((int) granted.toSeconds()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot build the 200 to SUBSCRIBE: " + e.getMessage(), e);
        }
        dialogRoute = core.router.onDialog(callId, localTag, this::inDialog);
        initial.respond(r);
        dialog = initial.dialog();
        if (dialog == null) {
            finish(null);
            throw new IllegalStateException("the stack made no dialog for the SUBSCRIBE");
        }
        startTimer();
    }

    private void startTimer() {
        cancelTimer();
        expiresAt = core.loop.clock().instant().plus(granted);
        if (!granted.isZero()) {
            expiryTimer = core.loop.schedule(granted, this::expire);
        }
    }

    private void cancelTimer() {
        if (expiryTimer != null) {
            expiryTimer.cancel(false);
            expiryTimer = null;
        }
    }

    private void expire() {
        expiryTimer = null;
        if (state == State.TERMINATED || finalQueued) {
            return;
        }
        try {
            notifier.handler.expired(this);
        } catch (RuntimeException e) {
            LOG.warn("handler failed on expiry", e);
        }
        queueFinal("timeout", lastType, lastBody, null);
    }

    /** A request in our dialog: a refresh or an unsubscribe. */
    private void inDialog(IncomingRequest in) {
        Request req = in.request();
        if (!Request.SUBSCRIBE.equals(req.getMethod())) {
            in.respond(Response.METHOD_NOT_ALLOWED);
            return;
        }
        if (state == State.TERMINATED || finalQueued) {
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        Optional<Duration> requested = SipHeaders.expires(req);
        if (req.getExpires() != null && requested.isEmpty()) {
            in.respond(Response.BAD_REQUEST);
            return;
        }
        Duration g = notifier.grant(requested);
        if (g == null) {
            in.respond(notifier.tooBrief(in));
            return;
        }
        Response ok = in.createResponse(Response.OK);
        try {
            ok.addHeader(core.contact());
            ok.addHeader(core.runtime.headerFactory().createExpiresHeader((int) g.toSeconds()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        in.respond(ok);
        granted = g;
        if (g.isZero()) {
            cancelTimer();
            try {
                notifier.handler.unsubscribed(this);
            } catch (RuntimeException e) {
                LOG.warn("handler failed on unsubscribe", e);
            }
            queueFinal("timeout", state == State.ACTIVE ? lastType : null, state == State.ACTIVE ? lastBody : null,
                    null);
            return;
        }
        startTimer();
        try {
            notifier.handler.refreshed(this, g);
        } catch (RuntimeException e) {
            LOG.warn("handler failed on refresh", e);
        }
        // RFC 6665, section 4.2.1.2: a refresh is answered with the current state
        if (state == State.ACTIVE) {
            queue(lastType, lastBody, null);
        } else {
            queue(null, null, null);
        }
    }

    private void queue(String type, byte[] content, CompletableFuture<Void> waiter) {
        if (next == null) {
            next = new Outgoing();
        }
        next.type = type;
        next.body = content == null ? null : content.clone();
        if (waiter != null) {
            next.waiters.add(waiter);
        }
        sendNext();
    }

    private void queueFinal(String reason, String type, byte[] content, CompletableFuture<Void> waiter) {
        finalQueued = true;
        cancelTimer();
        if (next == null) {
            next = new Outgoing();
            next.type = type;
            next.body = content == null ? null : content.clone();
        } else if (content != null) {
            next.type = type;
            next.body = content.clone();
        }
        next.terminal = true;
        next.reason = reason;
        if (waiter != null) {
            next.waiters.add(waiter);
        }
        sendNext();
    }

    private void sendNext() {
        if (inFlight || next == null || state == State.TERMINATED) {
            return;
        }
        Outgoing o = next;
        next = null;
        Request n;
        try {
            n = buildNotify(o);
        } catch (RuntimeException e) {
            LOG.warn("cannot build NOTIFY for {}", this, e);
            o.waiters.forEach(w -> w.completeExceptionally(e));
            if (o.terminal) {
                finish(o.reason);
            }
            return;
        }
        if (!o.terminal && o.body != null) {
            lastType = o.type;
            lastBody = o.body;
        }
        o.sent = n;
        inFlight = true;
        core.sender.send(n, dialog).whenComplete((resp, err) -> {
            inFlight = false;
            notified(o, resp, err);
        });
    }

    private void notified(Outgoing o, Response resp, Throwable err) {
        int status = err != null ? 0 : resp.getStatusCode();
        if (err == null && status < 300) {
            if (o.terminal) {
                finish(o.reason);
            }
            o.waiters.forEach(w -> w.complete(null));
            sendNext();
            return;
        }
        SipException e = err instanceof SipException se ? se
                : err != null ? new SipTimeoutException("NOTIFY failed: " + err.getMessage())
                : RequestSender.toException(o.sent, resp);
        boolean fatal = err != null || status == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST
                || status == Response.REQUEST_TIMEOUT;
        try {
            notifier.handler.notifyFailed(this, status, e);
        } catch (RuntimeException ex) {
            LOG.warn("handler failed on notifyFailed", ex);
        }
        if (o.terminal) {
            finish(o.reason);
            o.waiters.forEach(w -> w.complete(null));
            return;
        }
        if (fatal) {
            // RFC 6665, section 4.2.2: the subscriber is gone; no further NOTIFY
            finish(status == 0 ? "timeout" : "giveup");
            o.waiters.forEach(w -> w.completeExceptionally(e));
        } else {
            o.waiters.forEach(w -> w.completeExceptionally(e));
            sendNext();
        }
    }

    private Request buildNotify(Outgoing o) {
        try {
            HeaderFactory h = core.runtime.headerFactory();
            Request n = dialog.createRequest(Request.NOTIFY);
            EventHeader ev = h.createEventHeader(notifier.eventPackage);
            if (eventId != null) {
                ev.setEventId(eventId);
            }
            n.setHeader(ev);
            SubscriptionStateHeader ss;
            if (o.terminal) {
                ss = h.createSubscriptionStateHeader(SubscriptionStateHeader.TERMINATED);
                if (o.reason != null) {
                    ss.setReasonCode(o.reason);
                }
            } else {
                ss = h.createSubscriptionStateHeader(state == State.ACTIVE ? SubscriptionStateHeader.ACTIVE
                        : SubscriptionStateHeader.PENDING);
                ss.setExpires((int) remaining().toSeconds());
            }
            n.setHeader(ss);
            if (n.getHeader(ContactHeader.NAME) == null) {
                n.setHeader(core.contact());
            }
            if (o.body != null && o.type != null) {
                int slash = o.type.indexOf('/');
                if (slash <= 0) {
                    throw new IllegalArgumentException("not a media type: " + o.type);
                }
                n.setContent(o.body, h.createContentTypeHeader(o.type.substring(0, slash), o.type.substring(slash + 1)));
            }
            return n;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("cannot build NOTIFY: " + e.getMessage(), e);
        }
    }

    private Duration remaining() {
        if (expiresAt == null) {
            return granted;
        }
        long ms = Duration.between(core.loop.clock().instant(), expiresAt).toMillis();
        return Duration.ofSeconds(Math.max(0, (ms + 999) / 1000));
    }

    private void finish(String reason) {
        if (state == State.TERMINATED) {
            return;
        }
        state = State.TERMINATED;
        cancelTimer();
        if (dialogRoute != null) {
            dialogRoute.remove();
            dialogRoute = null;
        }
        Outgoing rest = next;
        next = null;
        if (rest != null) {
            // a queued final NOTIFY has nothing left to say; queued bodies will never be sent
            rest.waiters.forEach(w -> {
                if (rest.terminal) {
                    w.complete(null);
                } else {
                    w.completeExceptionally(new IllegalStateException("subscription over: " + this));
                }
            });
        }
        if (dialog != null) {
            try {
                dialog.delete();
            } catch (RuntimeException ignored) {
                // already gone
            }
        }
        notifier.ended(this);
        try {
            notifier.handler.ended(this, reason);
        } catch (RuntimeException e) {
            LOG.warn("handler failed on end", e);
        }
    }

    /** Forgets the subscription without NOTIFY (engine closing). */
    void drop() {
        cancelTimer();
        state = State.TERMINATED;
        next = null;
        if (dialogRoute != null) {
            dialogRoute.remove();
            dialogRoute = null;
        }
    }
}
