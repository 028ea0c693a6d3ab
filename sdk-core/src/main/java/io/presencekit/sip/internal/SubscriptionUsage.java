package io.presencekit.sip.internal;

import io.presencekit.sip.Notification;
import io.presencekit.sip.RetryPolicy;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SipNotSupportedException;
import io.presencekit.sip.SipTimeoutException;
import io.presencekit.sip.Subscription;
import io.presencekit.sip.SubscriptionEnd;
import io.presencekit.sip.SubscriptionListener;
import io.presencekit.sip.SubscriptionReason;
import io.presencekit.sip.SubscriptionRequest;
import io.presencekit.sip.SubscriptionState;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import javax.sip.Dialog;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Subscription} usage (RFC 6665, section 4.1). All fields are confined to the event
 * loop except {@link #state}, which is volatile; public methods post to the loop. Each dialog of
 * the subscription (the first, and each new one after a termination, a 481 or a lost
 * connection) gets its own Call-ID and From tag and its own dialog route in the
 * {@link IncomingRequestRouter}, so that NOTIFYs are matched even before the 2xx; NOTIFYs of an
 * older dialog are answered 481 by the router once its route is gone.
 *
 * <p>Per subscription: a few fields and at most two timers, no thread.
 */
public final class SubscriptionUsage implements Subscription {
    private static final Logger LOG = LoggerFactory.getLogger(SubscriptionUsage.class);
    private static final int MAX_423 = 3;
    /**
     * How many new dialogs in a row start at once (deactivated, timeout, 481) before the retry
     * policy's back-off applies: a notifier that ends every new subscription at once must not
     * make the client loop.
     */
    static final int IMMEDIATE_RETRIES = 3;
    /** RFC 6665, section 4.1.2.4, Timer N: 64 * T1 for the first NOTIFY after the 2xx. */
    static final Duration TIMER_N = Duration.ofSeconds(32);
    /** How long an ended subscription waits for the final NOTIFY after the un-SUBSCRIBE's 2xx. */
    static final Duration FINAL_NOTIFY_WAIT = Duration.ofSeconds(2);
    private static final List<String> SELECTED = List.of("Event", "Subscription-State", "Content-Type",
            "Content-ID", "Require", "From", "To", "Contact");

    private static final List<String> ACCEPTED_SELECTED = List.of("Require", "Supported", "Expires", "Contact");

    private enum Phase { IDLE, SUBSCRIBING, ESTABLISHED, WAITING, ENDING, ENDED }

    private final SipCore core;
    private final SubscriptionRequest request;
    private final SubscriptionListener listener;
    private final RetryPolicy policy;
    private final SubscriptionSet owner;
    private final boolean fetch;
    private volatile SubscriptionState state = SubscriptionState.PENDING;
    private final CompletableFuture<Notification> first = new CompletableFuture<>();
    private final CompletableFuture<Void> ended = new CompletableFuture<>();

    private Phase phase = Phase.IDLE;
    private Duration expires;
    private String callId;
    private String localTag;
    private IncomingRequestRouter.Handle route;
    private Dialog dialog;
    private boolean confirmed;
    private boolean inFlight;
    private boolean notifiedInDialog;
    private long lastCseq = -1;
    private int attempts;
    private int attempts423;
    private boolean recovering;
    private boolean endAfterStart;
    private Duration granted;
    private ScheduledFuture<?> timer;
    private ScheduledFuture<?> waitTimer;

    public SubscriptionUsage(SipCore core, SubscriptionRequest request, SubscriptionListener listener,
            SubscriptionSet owner, boolean fetch) {
        this.core = core;
        this.request = request;
        this.listener = listener != null ? listener : new SubscriptionListener() { };
        this.policy = request.retryPolicy();
        this.owner = owner;
        this.fetch = fetch;
        this.expires = fetch ? Duration.ZERO : request.expires().orElse(core.account.subscribeInterval());
    }

    @Override
    public SubscriptionRequest request() {
        return request;
    }

    @Override
    public SubscriptionState state() {
        return state;
    }

    @Override
    public CompletableFuture<Notification> start() {
        core.loop.execute(() -> {
            if (phase == Phase.IDLE) {
                owner.add(this);
                newDialog();
            }
        });
        return first;
    }

    @Override
    public void refresh() {
        core.loop.execute(() -> {
            if (phase == Phase.ESTABLISHED && !inFlight) {
                refreshNow();
            } else if (phase == Phase.WAITING) {
                cancel();
                newDialog();
            }
        });
    }

    @Override
    public CompletableFuture<Void> end() {
        core.loop.execute(this::endNow);
        return ended;
    }

    /** The future of {@link #end()}, for the engine. */
    CompletableFuture<Void> endedFuture() {
        return ended;
    }

    // ---- sending ----

    private void newDialog() {
        removeRoute();
        cancel();
        Request r = core.newRequest(Request.SUBSCRIBE, request.target(), request.target(),
                request.from().orElse(null));
        callId = ((CallIdHeader) r.getHeader(CallIdHeader.NAME)).getCallId();
        localTag = ((FromHeader) r.getHeader(FromHeader.NAME)).getTag();
        dialog = null;
        confirmed = false;
        notifiedInDialog = false;
        lastCseq = -1;
        String myCallId = callId;
        route = core.router.onDialog(callId, localTag, in -> onNotify(in, myCallId));
        decorate(r, expires);
        phase = Phase.SUBSCRIBING;
        inFlight = true;
        core.sender.send(r).whenComplete((resp, e) -> {
            inFlight = false;
            if (!myCallId.equals(callId) || phase == Phase.WAITING) {
                return; // a later dialog replaced this one, or a terminating NOTIFY came first
            }
            onResponse(r, resp, e, true);
        });
    }

    private void refreshNow() {
        Dialog d = dialog();
        if (d == null) {
            newDialog();
            return;
        }
        Request r;
        try {
            r = d.createRequest(Request.SUBSCRIBE);
        } catch (Exception e) {
            LOG.debug("cannot refresh in the dialog ({}); starting a new one", e.toString());
            newDialog();
            return;
        }
        decorate(r, expires);
        cancel();
        inFlight = true;
        String myCallId = callId;
        core.sender.send(r, d).whenComplete((resp, e) -> {
            inFlight = false;
            if (!myCallId.equals(callId) || phase == Phase.ENDED || phase == Phase.WAITING) {
                return;
            }
            onResponse(r, resp, e, false);
        });
    }

    /** The dialog, known from the first NOTIFY of this dialog (null before it). */
    private Dialog dialog() {
        return dialog;
    }

    private void decorate(Request r, Duration exp) {
        HeaderFactory h = core.runtime.headerFactory();
        try {
            r.setHeader(h.createEventHeader(request.event()));
            for (String a : request.accept()) {
                String[] t = a.split("/", 2);
                r.addHeader(h.createAcceptHeader(t[0].trim(), t[1].trim()));
            }
            r.setHeader(h.createExpiresHeader((int) exp.toSeconds()));
            for (SubscriptionRequest.Header x : request.headers()) {
                r.addHeader(h.createHeader(x.name(), x.value()));
            }
            Optional<byte[]> body = request.body();
            if (body.isPresent()) {
                String ct = request.contentType().orElseThrow();
                ContentTypeHeader cth = (ContentTypeHeader) h.createHeader("Content-Type", ct);
                r.setContent(body.get(), cth);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot build SUBSCRIBE: " + e.getMessage(), e);
        }
    }

    // ---- responses ----

    private void onResponse(Request r, Response resp, Throwable e, boolean initial) {
        if (phase == Phase.ENDING || phase == Phase.ENDED) {
            if (phase == Phase.ENDING && endAfterStart) {
                endAfterStart = false;
                if (e == null && resp.getStatusCode() < 300) {
                    confirmed = true;
                    unsubscribe();
                } else {
                    finish(SubscriptionEnd.ENDED_LOCALLY, null);
                }
            }
            return;
        }
        if (e != null) {
            SipException se = e instanceof SipException x ? x
                    : new SipException(String.valueOf(e), 0, "", null, e);
            // a refresh that timed out or could not be sent: the connection is likely gone
            retryLater(se, Optional.empty());
            return;
        }
        int s = resp.getStatusCode();
        if (s >= 200 && s < 300) {
            Map<String, List<String>> headers = selected(resp, ACCEPTED_SELECTED);
            report(() -> listener.accepted(s, initial, headers));
            confirmed = true;
            attempts423 = 0;
            recovering = false;
            granted = SipHeaders.expires(resp).orElse(expires);
            phase = Phase.ESTABLISHED;
            if (fetch) {
                if (lastCseq < 0) {
                    armTimerN();
                }
                return;
            }
            if (granted.isZero()) {
                // RFC 6665, section 4.1.2.1: zero means the subscription is already over
                onTerminated(null, SubscriptionReason.TIMEOUT.token(), Optional.empty());
                return;
            }
            scheduleRefresh(granted);
            if (initial && !notifiedInDialog) {
                armTimerN();
            }
            return;
        }
        SipException error = RequestSender.toException(r, resp);
        if (s == Response.INTERVAL_TOO_BRIEF && SipHeaders.minExpires(resp).isPresent() && attempts423 < MAX_423
                && !fetch) {
            attempts423++;
            expires = SipHeaders.minExpires(resp).get();
            newDialog();
            return;
        }
        if (s == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST && !initial) {
            // RFC 6665, section 4.1.2.2: the notifier lost the subscription; make a new one
            if (attempts < IMMEDIATE_RETRIES) {
                attempts++;
                newDialog();
            } else {
                retryLater(error, Optional.empty());
            }
            return;
        }
        if (error instanceof SipNotSupportedException) {
            finish(SubscriptionEnd.UNSUPPORTED, error);
            return;
        }
        retryLater(error, SipHeaders.retryAfter(resp));
    }

    private void retryLater(SipException error, Optional<Duration> retryAfter) {
        if (fetch) {
            first.completeExceptionally(error);
            finish(SubscriptionEnd.FETCHED, error);
            return;
        }
        Optional<Duration> delay = policy.nextDelay(attempts++, retryAfter);
        first.completeExceptionally(error);
        report(() -> listener.failed(error, delay));
        if (delay.isEmpty()) {
            finish(SubscriptionEnd.RETRIES_EXHAUSTED, error);
            return;
        }
        removeRoute();
        cancel();
        phase = Phase.WAITING;
        timer = core.loop.schedule(delay.get(), this::newDialog);
    }

    private void armTimerN() {
        cancelWait();
        String myCallId = callId;
        waitTimer = core.loop.schedule(TIMER_N, () -> {
            if (myCallId.equals(callId) && !notifiedInDialog && phase == Phase.ESTABLISHED) {
                retryLater(new SipTimeoutException("no NOTIFY within " + TIMER_N.toSeconds()
                        + " s of the SUBSCRIBE's 2xx"), Optional.empty());
            }
        });
    }

    private void scheduleRefresh(Duration granted) {
        if (timer != null) {
            timer.cancel(false);
        }
        timer = core.loop.schedule(SipHeaders.refreshDelay(granted), () -> {
            if (phase == Phase.ESTABLISHED && !inFlight) {
                refreshNow();
            }
        });
    }

    // ---- NOTIFY ----

    private void onNotify(IncomingRequest in, String dialogCallId) {
        Request n = in.request();
        if (!Request.NOTIFY.equals(n.getMethod())) {
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        Header ssh = n.getHeader("Subscription-State");
        long cseq = ((CSeqHeader) n.getHeader(CSeqHeader.NAME)).getSeqNumber();
        if (ssh == null) {
            in.respond(Response.BAD_REQUEST);
            return;
        }
        Header ev = n.getHeader("Event");
        String evPkg = ev == null ? "" : value(ev).split(";", 2)[0].trim();
        if (!evPkg.equalsIgnoreCase(request.event())) {
            in.respond(Response.BAD_EVENT);
            return;
        }
        in.respond(Response.OK);
        if (!dialogCallId.equals(callId) || phase == Phase.ENDED) {
            return;
        }
        if (cseq <= lastCseq) {
            LOG.debug("NOTIFY CSeq {} not above {}: a duplicate or reordered NOTIFY, not delivered", cseq, lastCseq);
            return;
        }
        lastCseq = cseq;
        if (dialog == null && in.dialog() != null) {
            dialog = in.dialog();
        }
        notifiedInDialog = true;
        cancelWait();
        Notification note = notification(n, value(ssh), cseq);
        if (phase == Phase.ENDING) {
            if (note.state() == SubscriptionState.TERMINATED) {
                deliver(note);
                finish(SubscriptionEnd.ENDED_LOCALLY, null);
            } else {
                deliver(note);
            }
            return;
        }
        if (fetch) {
            deliver(note);
            first.complete(note);
            finish(SubscriptionEnd.FETCHED, null);
            return;
        }
        if (note.state() != SubscriptionState.TERMINATED) {
            attempts = 0;
            note.expires().ifPresent(exp -> {
                // RFC 6665, section 4.1.3: the notifier may shorten the subscription
                if (phase == Phase.ESTABLISHED && !inFlight && granted != null && exp.compareTo(granted) < 0) {
                    granted = exp;
                    scheduleRefresh(exp);
                }
            });
            deliver(note);
            first.complete(note);
            return;
        }
        deliver(note);
        first.complete(note);
        onTerminated(note, note.reasonText().orElse(null), note.retryAfter());
    }

    private void onTerminated(Notification note, String reasonText, Optional<Duration> retryAfter) {
        cancel();
        SubscriptionReason reason = reasonText == null ? null : SubscriptionReason.parse(reasonText);
        if (reason != null && reason.isFinal()) {
            finish(switch (reason) {
                case REJECTED -> SubscriptionEnd.REJECTED;
                case NORESOURCE -> SubscriptionEnd.NORESOURCE;
                default -> SubscriptionEnd.INVARIANT;
            }, null);
            return;
        }
        removeRoute();
        if (reason != null && reason.retriesAtOnce() && retryAfter.isEmpty() && attempts < IMMEDIATE_RETRIES) {
            attempts++;
            newDialog();
            return;
        }
        Optional<Duration> delay = policy.nextDelay(attempts++, retryAfter);
        if (delay.isEmpty()) {
            finish(SubscriptionEnd.RETRIES_EXHAUSTED, null);
            return;
        }
        phase = Phase.WAITING;
        timer = core.loop.schedule(delay.get(), this::newDialog);
    }

    private Notification notification(Request n, String subscriptionState, long cseq) {
        String[] parts = subscriptionState.split(";");
        SubscriptionState st = SubscriptionState.parse(parts[0]).orElse(SubscriptionState.PENDING);
        String reason = null;
        Duration exp = null;
        Duration retry = null;
        for (int i = 1; i < parts.length; i++) {
            String[] kv = parts[i].split("=", 2);
            String k = kv[0].trim().toLowerCase(Locale.ROOT);
            String v = kv.length > 1 ? kv[1].trim() : "";
            switch (k) {
                case "reason" -> reason = v;
                case "expires" -> exp = seconds(v);
                case "retry-after" -> retry = seconds(v);
                default -> { }
            }
        }
        byte[] body = n.getRawContent();
        Header ct = n.getHeader(ContentTypeHeader.NAME);
        Map<String, List<String>> headers = selected(n, SELECTED);
        boolean hasBody = body != null && body.length > 0;
        return new Notification(request.event(), st, reason, exp, retry, hasBody && ct != null ? value(ct) : null,
                hasBody ? body : null, headers, cseq, callId);
    }

    private static Map<String, List<String>> selected(javax.sip.message.Message m, List<String> names) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : names) {
            ListIterator<?> it = m.getHeaders(name);
            java.util.ArrayList<String> values = new java.util.ArrayList<>();
            while (it != null && it.hasNext()) {
                values.add(value((Header) it.next()));
            }
            if (!values.isEmpty()) {
                headers.put(name, values);
            }
        }
        return headers;
    }

    private static Duration seconds(String v) {
        try {
            long s = Long.parseLong(v);
            return s < 0 ? null : Duration.ofSeconds(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String value(Header h) {
        String s = h.toString();
        int colon = s.indexOf(':');
        return (colon < 0 ? s : s.substring(colon + 1)).trim();
    }

    private void deliver(Notification note) {
        SubscriptionState previous = state;
        state = note.state();
        if (previous != note.state()) {
            report(() -> listener.stateChanged(previous, note.state()));
        }
        report(() -> listener.notified(note));
    }

    // ---- ending ----

    private void endNow() {
        switch (phase) {
            case ENDED, ENDING -> {
                return;
            }
            case IDLE, WAITING -> {
                finish(SubscriptionEnd.ENDED_LOCALLY, null);
                return;
            }
            default -> {
            }
        }
        phase = Phase.ENDING;
        cancel();
        if (inFlight && !confirmed) {
            endAfterStart = true; // the 2xx (or failure) of the SUBSCRIBE in flight decides: see onResponse
            return;
        }
        unsubscribe();
    }

    private void unsubscribe() {
        cancel();
        Dialog d = dialog();
        if (d == null) {
            // no NOTIFY yet, so no dialog to send in: the notifier's subscription runs out by itself
            finish(SubscriptionEnd.ENDED_LOCALLY, null);
            return;
        }
        Request r;
        try {
            r = d.createRequest(Request.SUBSCRIBE);
            decorate(r, Duration.ZERO);
        } catch (Exception e) {
            finish(SubscriptionEnd.ENDED_LOCALLY, null);
            return;
        }
        String myCallId = callId;
        core.sender.send(r, d).whenComplete((resp, e) -> {
            if (phase != Phase.ENDING || !myCallId.equals(callId)) {
                return;
            }
            if (e != null || resp.getStatusCode() >= 300) {
                finish(SubscriptionEnd.ENDED_LOCALLY, null);
                return;
            }
            // a resource list server sends no final NOTIFY: the 200 is the end after a short wait
            waitTimer = core.loop.schedule(FINAL_NOTIFY_WAIT, () -> {
                if (phase == Phase.ENDING) {
                    finish(SubscriptionEnd.ENDED_LOCALLY, null);
                }
            });
        });
    }

    private void finish(SubscriptionEnd why, SipException error) {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        cancel();
        cancelWait();
        removeRoute();
        owner.remove(this);
        SubscriptionState previous = state;
        state = SubscriptionState.TERMINATED;
        if (previous != SubscriptionState.TERMINATED && why != SubscriptionEnd.FETCHED) {
            report(() -> listener.stateChanged(previous, SubscriptionState.TERMINATED));
        }
        if (error != null) {
            first.completeExceptionally(error);
        } else if (!first.isDone()) {
            first.completeExceptionally(new SipException("the subscription ended before its first notification ("
                    + why + ")", 0, "", null, null));
        }
        report(() -> listener.ended(why, Optional.ofNullable(error)));
        ended.complete(null);
    }

    /** Stops timers and forgets the dialog without sending anything (engine closing). */
    void stop() {
        if (phase == Phase.ENDED) {
            return;
        }
        phase = Phase.ENDED;
        cancel();
        cancelWait();
        removeRoute();
        state = SubscriptionState.TERMINATED;
        first.completeExceptionally(new SipException("engine closed", 0, "", null, null));
        ended.complete(null);
    }

    // ---- recovery ----

    /** Whether the engine should resubscribe this one after a lost connection. */
    boolean recoverable() {
        return !fetch && !recovering && phase == Phase.ESTABLISHED && !inFlight;
    }

    /** Resubscribes on a new dialog after {@code delay} (connection recovery). */
    void recover(Duration delay) {
        recovering = true;
        cancel();
        phase = Phase.WAITING;
        timer = core.loop.schedule(delay, () -> {
            if (phase == Phase.WAITING) {
                newDialog();
            }
        });
    }

    private void cancel() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    private void cancelWait() {
        if (waitTimer != null) {
            waitTimer.cancel(false);
            waitTimer = null;
        }
    }

    private void removeRoute() {
        if (route != null) {
            route.remove();
            route = null;
        }
    }

    private void report(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.warn("subscription listener failed", e);
        }
    }
}
