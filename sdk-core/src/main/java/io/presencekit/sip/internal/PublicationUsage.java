package io.presencekit.sip.internal;

import io.presencekit.sip.Publication;
import io.presencekit.sip.PublicationListener;
import io.presencekit.sip.PublicationRequest;
import io.presencekit.sip.PublicationResult;
import io.presencekit.sip.PublicationState;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SipNotSupportedException;
import io.presencekit.sip.SipTimeoutException;
import io.presencekit.sip.SipTransportException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.Header;
import javax.sip.header.HeaderFactory;
import javax.sip.header.SIPETagHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Publication} usage (RFC 3903). All fields but the two volatile ones are confined to
 * the event loop; the public methods post there.
 *
 * <p>The state machine is a serial queue: {@link #pump()} sends at most one PUBLISH at a time, and
 * chooses what to send from flags: the removal once ending, else the full body when the current
 * state was not yet published (or must be re-sent), else a body-less refresh. Each update gets a
 * version number; a 2xx to a body of version {@code v} completes every update up to {@code v}.
 */
public final class PublicationUsage implements Publication, ConnectionMonitor.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(PublicationUsage.class);
    private static final int MAX_423 = 3;
    private static final int MAX_412 = 3;

    private enum Kind { BODY, REFRESH, REMOVE }

    private record Waiter(long version, CompletableFuture<PublicationResult> future) {
    }

    private final SipCore core;
    private final PublicationRequest request;
    private final PublicationListener listener;
    private final Consumer<Throwable> errors;
    private final String target;
    private final String contentType;
    private final String contentSubtype;
    private final List<String[]> contentParams = new ArrayList<>();
    private final List<Waiter> updates = new ArrayList<>();
    private final List<CompletableFuture<PublicationResult>> refreshes = new ArrayList<>();
    private final List<CompletableFuture<Void>> ends = new ArrayList<>();
    private volatile PublicationState state = PublicationState.IDLE;
    private volatile String etag;
    private Duration expires;
    private byte[] body;
    private long version;
    private boolean bodyPending;
    private boolean refreshPending;
    private boolean inFlight;
    /** The version of the body in flight, or -1 when none is. */
    private long inFlightVersion = -1;
    private boolean ending;
    private SipNotSupportedException unsupported;
    private ScheduledFuture<?> timer;
    private int failures;
    private int in423;
    private int in412;

    /**
     * @param errors where exceptions thrown by the listener go
     */
    public PublicationUsage(SipCore core, PublicationRequest request, PublicationListener listener,
            Consumer<Throwable> errors) {
        this.core = core;
        this.request = request;
        this.listener = listener != null ? listener : new PublicationListener() { };
        this.errors = errors;
        this.target = request.target().orElse(core.account.aor());
        this.expires = request.expires().orElse(core.account.publishInterval());
        String[] parts = request.contentType().split(";");
        String[] type = parts[0].trim().split("/");
        this.contentType = type[0];
        this.contentSubtype = type[1];
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            int eq = p.indexOf('=');
            contentParams.add(new String[] {p.substring(0, eq).trim(), p.substring(eq + 1).trim()});
        }
    }

    /** Starts: listens to the connection monitor and publishes the request's body, if any. */
    public void start() {
        core.loop.execute(() -> {
            core.monitor.addListener(this);
            request.body().ifPresent(b -> accept(b, new CompletableFuture<>()));
        });
    }

    @Override
    public PublicationRequest request() {
        return request;
    }

    @Override
    public PublicationState state() {
        return state;
    }

    @Override
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    @Override
    public CompletableFuture<PublicationResult> update(byte[] newBody) {
        if (newBody.length == 0) {
            throw new IllegalArgumentException("a published body must not be empty; use refresh() or end()");
        }
        byte[] copy = newBody.clone();
        if (state == PublicationState.ENDED) {
            return CompletableFuture.failedFuture(new IllegalStateException("the publication has ended"));
        }
        CompletableFuture<PublicationResult> f = new CompletableFuture<>();
        core.loop.execute(() -> accept(copy, f));
        return f;
    }

    private void accept(byte[] newBody, CompletableFuture<PublicationResult> f) {
        if (ending || state == PublicationState.ENDED) {
            f.completeExceptionally(new IllegalStateException("the publication has ended"));
            return;
        }
        if (unsupported != null) {
            f.completeExceptionally(new IllegalStateException("the server does not support this publication",
                    unsupported));
            return;
        }
        body = newBody;
        version++;
        bodyPending = true;
        updates.add(new Waiter(version, f));
        if (state == PublicationState.FAILED) {
            failures = 0;
        }
        if (state == PublicationState.IDLE || state == PublicationState.FAILED) {
            change(PublicationState.PUBLISHING);
        }
        if (state == PublicationState.RETRYING) {
            return; // the retry timer sends the latest state
        }
        pump();
    }

    @Override
    public CompletableFuture<PublicationResult> refresh() {
        if (state == PublicationState.ENDED) {
            return CompletableFuture.failedFuture(new IllegalStateException("the publication has ended"));
        }
        CompletableFuture<PublicationResult> f = new CompletableFuture<>();
        core.loop.execute(() -> {
            if (ending || state == PublicationState.ENDED) {
                f.completeExceptionally(new IllegalStateException("the publication has ended"));
            } else if (unsupported != null) {
                f.completeExceptionally(new IllegalStateException("the server does not support this publication",
                        unsupported));
            } else if (body == null) {
                f.completeExceptionally(new IllegalStateException("nothing was published yet"));
            } else {
                refreshes.add(f);
                refreshPending = true;
                if (state == PublicationState.FAILED) {
                    failures = 0;
                    change(PublicationState.PUBLISHING);
                }
                if (!inFlight) {
                    cancelTimer();
                }
                pump();
            }
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> end() {
        if (state == PublicationState.ENDED) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> f = new CompletableFuture<>();
        core.loop.execute(() -> {
            if (state == PublicationState.ENDED) {
                f.complete(null);
                return;
            }
            ends.add(f);
            if (ending) {
                return;
            }
            ending = true;
            bodyPending = false;
            refreshPending = false;
            cancelTimer();
            CancellationException why = new CancellationException("the publication ended before this was published");
            List<Waiter> cancelled = new ArrayList<>();
            for (Iterator<Waiter> it = updates.iterator(); it.hasNext();) {
                Waiter w = it.next();
                if (w.version > inFlightVersion) {
                    it.remove();
                    cancelled.add(w);
                }
            }
            cancelled.forEach(w -> w.future.completeExceptionally(why));
            if (!inFlight) {
                failRefreshes(why);
            }
            if (state != PublicationState.UNSUPPORTED) {
                change(PublicationState.ENDING);
            }
            pump();
        });
        return f;
    }

    /**
     * For tests: replaces the entity tag as if the server had sent {@code fake}, so the next
     * request carries it in {@code SIP-If-Match}.
     */
    public CompletableFuture<Void> replaceEtagForTesting(String fake) {
        CompletableFuture<Void> f = new CompletableFuture<>();
        core.loop.execute(() -> {
            etag = fake;
            f.complete(null);
        });
        return f;
    }

    /** Stops timers and listening (engine closing); sends nothing. */
    public void stop() {
        cancelTimer();
        core.monitor.removeListener(this);
        if (state != PublicationState.ENDED) {
            ending = true;
            SipTransportException closed = new SipTransportException("engine closed", null);
            for (Waiter w : updates) {
                w.future.completeExceptionally(closed);
            }
            updates.clear();
            failRefreshes(closed);
            for (CompletableFuture<Void> f : ends) {
                f.completeExceptionally(closed);
            }
            ends.clear();
            state = PublicationState.ENDED;
        }
    }

    /** Whether {@link #end()} may still send something (used by the engine's graceful close). */
    public boolean live() {
        return state != PublicationState.ENDED && state != PublicationState.IDLE
                && state != PublicationState.UNSUPPORTED;
    }

    // ---------------------------------------------------------------- the queue

    private void pump() {
        if (inFlight || state == PublicationState.ENDED) {
            return;
        }
        if (ending) {
            if (etag != null && unsupported == null) {
                send(Kind.REMOVE);
            } else {
                finishEnd(null);
            }
        } else if (bodyPending && body != null) {
            send(Kind.BODY);
        } else if (refreshPending) {
            send(etag != null ? Kind.REFRESH : Kind.BODY);
        }
    }

    private void send(Kind kind) {
        cancelTimer();
        inFlight = true;
        if (state == PublicationState.RETRYING) {
            change(PublicationState.PUBLISHING);
        }
        long sentVersion = version;
        inFlightVersion = kind == Kind.BODY ? version : -1;
        Request r;
        try {
            r = build(kind);
        } catch (RuntimeException e) {
            inFlight = false;
            inFlightVersion = -1;
            failed(kind, new SipException("cannot build PUBLISH: " + e.getMessage(), 0, "", null, e));
            return;
        }
        core.sender.send(r).whenComplete((resp, e) -> {
            inFlight = false;
            inFlightVersion = -1;
            if (e != null) {
                Throwable t = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                        ? e.getCause() : e;
                failed(kind, t instanceof SipException se ? se : new SipException("PUBLISH failed: " + t, 0, "",
                        null, t));
            } else {
                answered(kind, sentVersion, r, resp);
            }
        });
    }

    private Request build(Kind kind) {
        Request r = core.newRequest(Request.PUBLISH, target, target);
        HeaderFactory h = core.runtime.headerFactory();
        try {
            r.addHeader(h.createEventHeader(request.event()));
            r.addHeader(h.createExpiresHeader(kind == Kind.REMOVE ? 0 : (int) expires.toSeconds()));
            if (etag != null) {
                r.addHeader(h.createSIPIfMatchHeader(etag));
            }
            if (kind == Kind.BODY) {
                ContentTypeHeader ct = h.createContentTypeHeader(contentType, contentSubtype);
                for (String[] p : contentParams) {
                    ct.setParameter(p[0], p[1]);
                }
                r.setContent(body, ct);
            }
        } catch (java.text.ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        return r;
    }

    private void answered(Kind kind, long sentVersion, Request r, Response resp) {
        int s = resp.getStatusCode();
        if (s >= 200 && s < 300) {
            in412 = 0;
            in423 = 0;
            failures = 0;
            succeeded(kind, sentVersion, resp);
            return;
        }
        if (s == Response.CONDITIONAL_REQUEST_FAILED) {
            // RFC 3903, section 4.1: the server does not know our entity tag (it expired, or the
            // server restarted): start over with the full state, at once
            boolean hadEtag = r.getHeader("SIP-If-Match") != null;
            etag = null;
            if (kind == Kind.REMOVE) {
                finishEnd(null);
                return;
            }
            if (hadEtag && ++in412 <= MAX_412 && !ending) {
                LOG.debug("PUBLISH to {}: 412, publishing the full state again", target);
                bodyPending = true;
                pump();
                return;
            }
        }
        if (s == Response.INTERVAL_TOO_BRIEF && kind != Kind.REMOVE) {
            Optional<Duration> min = SipHeaders.minExpires(resp);
            if (min.isPresent() && min.get().compareTo(expires) > 0 && ++in423 <= MAX_423) {
                expires = min.get();
                LOG.debug("PUBLISH to {}: 423, asking for Min-Expires {} s", target, expires.toSeconds());
                if (kind == Kind.BODY) {
                    bodyPending = true;
                } else {
                    refreshPending = true;
                }
                pump();
                return;
            }
        }
        failed(kind, RequestSender.toException(r, resp));
    }

    private void succeeded(Kind kind, long sentVersion, Response resp) {
        Header tag = resp.getHeader(SIPETagHeader.NAME);
        String newTag = tag instanceof SIPETagHeader t ? t.getETag() : null;
        etag = newTag == null || newTag.isBlank() ? null : newTag.trim();
        if (kind == Kind.REMOVE) {
            finishEnd(null);
            return;
        }
        Duration granted = SipHeaders.expires(resp).filter(d -> !d.isZero()).orElse(expires);
        PublicationResult result = new PublicationResult(etag == null ? "" : etag, granted,
                core.loop.clock().instant());
        if (kind == Kind.BODY && sentVersion == version) {
            bodyPending = false;
        }
        refreshPending = false;
        if (!ending) {
            change(PublicationState.PUBLISHED);
            cancelTimer();
            timer = core.loop.schedule(SipHeaders.refreshDelay(granted), () -> {
                timer = null;
                refreshPending = true;
                pump();
            });
        }
        if (kind == Kind.BODY) {
            completeUpTo(sentVersion, result);
        }
        List<CompletableFuture<PublicationResult>> done = new ArrayList<>(refreshes);
        refreshes.clear();
        done.forEach(f -> f.complete(result));
        call(() -> listener.published(result));
        pump();
    }

    private void completeUpTo(long sentVersion, PublicationResult result) {
        List<Waiter> done = new ArrayList<>();
        for (Iterator<Waiter> it = updates.iterator(); it.hasNext();) {
            Waiter w = it.next();
            if (w.version <= sentVersion) {
                it.remove();
                done.add(w);
            }
        }
        done.forEach(w -> w.future.complete(result));
    }

    private void failed(Kind kind, SipException error) {
        if (kind == Kind.REMOVE) {
            finishEnd(error);
            return;
        }
        if (ending) {
            failAll(error);
            pump();
            return;
        }
        if (error instanceof SipNotSupportedException ns) {
            unsupported = ns;
            bodyPending = false;
            refreshPending = false;
            cancelTimer();
            change(PublicationState.UNSUPPORTED);
            failAll(ns);
            call(() -> listener.unsupported(ns));
            return;
        }
        Optional<Duration> retry;
        try {
            retry = request.retryPolicy().retryDelay(error, failures);
        } catch (RuntimeException e) {
            errors.accept(e);
            retry = Optional.empty();
        }
        failures++;
        if (retry.isEmpty()) {
            bodyPending = false;
            refreshPending = false;
            cancelTimer();
            change(PublicationState.FAILED);
            failAll(error);
            call(() -> listener.failed(error, Optional.empty()));
            return;
        }
        Duration delay = retry.get().isNegative() ? Duration.ZERO : retry.get();
        if (kind == Kind.BODY || error instanceof SipTimeoutException || error instanceof SipTransportException) {
            // a lost refresh may mean a lost server: send the whole state, with our tag if any
            bodyPending = true;
        } else {
            refreshPending = true;
        }
        change(PublicationState.RETRYING);
        cancelTimer();
        timer = core.loop.schedule(delay, () -> {
            timer = null;
            pump();
        });
        call(() -> listener.failed(error, Optional.of(delay)));
    }

    private void failAll(Throwable error) {
        for (Waiter w : updates) {
            w.future.completeExceptionally(error);
        }
        updates.clear();
        failRefreshes(error);
    }

    private void failRefreshes(Throwable error) {
        List<CompletableFuture<PublicationResult>> done = new ArrayList<>(refreshes);
        refreshes.clear();
        done.forEach(f -> f.completeExceptionally(error));
    }

    private void finishEnd(SipException error) {
        cancelTimer();
        etag = null;
        core.monitor.removeListener(this);
        boolean wasEnded = state == PublicationState.ENDED;
        state = PublicationState.ENDED;
        List<CompletableFuture<Void>> done = new ArrayList<>(ends);
        ends.clear();
        for (CompletableFuture<Void> f : done) {
            if (error != null) {
                f.completeExceptionally(error);
            } else {
                f.complete(null);
            }
        }
        if (!wasEnded) {
            call(listener::ended);
        }
    }

    private void change(PublicationState s) {
        state = s;
    }

    private void call(Runnable callback) {
        try {
            callback.run();
        } catch (RuntimeException e) {
            errors.accept(e);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    // ---------------------------------------------------------------- connection monitor

    @Override
    public void connectionRestored() {
        // the server may have restarted or our state may have expired while it was unreachable:
        // send the full state again (with our tag, so a server that still has it just updates it)
        if (ending || inFlight || unsupported != null || body == null
                || (state != PublicationState.PUBLISHED && state != PublicationState.RETRYING)) {
            return;
        }
        LOG.debug("PUBLISH to {}: connection restored, publishing the full state again", target);
        bodyPending = true;
        cancelTimer();
        pump();
    }
}
