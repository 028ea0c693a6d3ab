package io.presencekit.sip.internal;

import io.presencekit.sip.Registration;
import io.presencekit.sip.RegistrationInfo;
import io.presencekit.sip.RegistrationState;
import io.presencekit.sip.SipAuthenticationException;
import io.presencekit.sip.SipEngineListener;
import io.presencekit.sip.SipException;
import java.time.Duration;
import java.util.ListIterator;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import javax.sip.address.SipURI;
import javax.sip.header.ContactHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * The {@link Registration} usage. Its state lives on the event loop; public methods post there.
 * Reacts to {@link ConnectionMonitor} losses by re-registering (with back-off).
 */
public final class RegistrationUsage implements Registration, ConnectionMonitor.Listener {
    private static final int MAX_423 = 3;

    private final SipCore core;
    private final SipEngineListener listener;
    private final Backoff backoff;
    private volatile RegistrationState state = RegistrationState.UNREGISTERED;
    private volatile RegistrationInfo info;
    private Duration expires;
    private ScheduledFuture<?> timer;
    private int failures;
    private boolean active;
    private boolean inFlight;
    private boolean recovering;
    private CompletableFuture<RegistrationInfo> waiting = new CompletableFuture<>();

    public RegistrationUsage(SipCore core, SipEngineListener listener, Backoff backoff) {
        this.core = core;
        this.listener = listener;
        this.backoff = backoff;
        this.expires = core.account.registerInterval();
        core.monitor.addListener(this);
    }

    @Override
    public RegistrationState state() {
        return state;
    }

    @Override
    public Optional<RegistrationInfo> info() {
        return Optional.ofNullable(info);
    }

    @Override
    public CompletableFuture<RegistrationInfo> register() {
        CompletableFuture<RegistrationInfo> f = new CompletableFuture<>();
        core.loop.execute(() -> {
            active = true;
            if (waiting.isDone()) {
                waiting = new CompletableFuture<>();
            }
            waiting.whenComplete((i, e) -> {
                if (e != null) {
                    f.completeExceptionally(e);
                } else {
                    f.complete(i);
                }
            });
            send(0);
        });
        return f;
    }

    @Override
    public CompletableFuture<Void> unregister() {
        CompletableFuture<Void> f = new CompletableFuture<>();
        core.loop.execute(() -> {
            active = false;
            cancelTimer();
            if (state != RegistrationState.REGISTERED && state != RegistrationState.REGISTERING) {
                change(RegistrationState.UNREGISTERED, null);
                f.complete(null);
                return;
            }
            Request r = request(Duration.ZERO);
            core.sender.send(r).whenComplete((resp, e) -> {
                info = null;
                change(RegistrationState.UNREGISTERED, null);
                if (e != null) {
                    f.completeExceptionally(e);
                } else if (resp.getStatusCode() >= 300) {
                    f.completeExceptionally(RequestSender.toException(r, resp));
                } else {
                    f.complete(null);
                }
            });
        });
        return f;
    }

    private void send(int attempt423) {
        if (!active || inFlight) {
            return;
        }
        cancelTimer();
        recovering = false;
        inFlight = true;
        if (state != RegistrationState.REGISTERED) {
            change(RegistrationState.REGISTERING, null);
        }
        Request r = request(expires);
        core.sender.send(r).whenComplete((resp, e) -> {
            inFlight = false;
            if (e != null) {
                fail(e instanceof SipException se ? se : new SipException(e.toString(), 0, "", null, e), null);
            } else {
                answered(r, resp, attempt423);
            }
        });
    }

    private void answered(Request r, Response resp, int attempt423) {
        int s = resp.getStatusCode();
        if (s >= 200 && s < 300) {
            failures = 0;
            granted(resp);
        } else if (s == Response.INTERVAL_TOO_BRIEF && attempt423 < MAX_423 && SipHeaders.minExpires(resp).isPresent()) {
            expires = SipHeaders.minExpires(resp).get();
            send(attempt423 + 1);
        } else {
            fail(RequestSender.toException(r, resp), SipHeaders.retryAfter(resp).orElse(null));
        }
    }

    private void granted(Response resp) {
        String ours = core.runtime.contactUri(core.account.user(), core.transport).toString();
        Duration granted = SipHeaders.expires(resp).orElse(expires);
        String pub = null;
        String temp = null;
        ListIterator<?> it = resp.getHeaders(ContactHeader.NAME);
        while (it.hasNext()) {
            ContactHeader c = (ContactHeader) it.next();
            String instance = c.getParameter("+sip.instance");
            boolean mine = instance != null ? instance.replace("\"", "").replace("<", "").replace(">", "")
                    .equalsIgnoreCase(core.account.instanceId()) : sameUri(c, ours);
            if (!mine) {
                continue;
            }
            if (c.getExpires() >= 0) {
                granted = Duration.ofSeconds(c.getExpires());
            }
            pub = unquote(c.getParameter("pub-gruu"));
            temp = unquote(c.getParameter("temp-gruu"));
            break;
        }
        info = new RegistrationInfo(ours, granted, core.loop.clock().instant(), pub, temp);
        change(RegistrationState.REGISTERED, null);
        timer = core.loop.schedule(SipHeaders.refreshDelay(granted), () -> send(0));
        waiting.complete(info);
    }

    private void fail(SipException e, Duration retryAfter) {
        info = null;
        if (e instanceof SipAuthenticationException) {
            active = false;
            change(RegistrationState.AUTHENTICATION_FAILED, e);
        } else {
            change(RegistrationState.FAILED, e);
            Duration delay = retryAfter != null ? retryAfter : backoff.delay(failures);
            failures++;
            cancelTimer();
            timer = core.loop.schedule(delay, () -> send(0));
        }
        waiting.completeExceptionally(e);
    }

    private Request request(Duration exp) {
        Request r = core.newRequest(Request.REGISTER, "sip:" + core.account.domain(), core.account.aor());
        try {
            ContactHeader c = (ContactHeader) r.getHeader(ContactHeader.NAME);
            c.setParameter("+sip.instance", "\"<" + core.account.instanceId() + ">\"");
            r.setHeader(core.runtime.headerFactory().createExpiresHeader((int) exp.toSeconds()));
            r.addHeader(core.runtime.headerFactory().createSupportedHeader("gruu"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return r;
    }

    private void change(RegistrationState s, SipException error) {
        if (s == state && error == null && s != RegistrationState.REGISTERED) {
            return;
        }
        state = s;
        try {
            listener.registrationChanged(s, s == RegistrationState.REGISTERED ? info : null, error);
        } catch (RuntimeException e) {
            listener.unexpectedError(e);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void connectionLost(String reason) {
        // one re-REGISTER per loss, however many ways the loss was noticed (watch, pong, I/O event)
        if (active && !inFlight && !recovering && state == RegistrationState.REGISTERED) {
            recovering = true;
            cancelTimer();
            timer = core.loop.schedule(backoff.delay(failures++), () -> send(0));
        }
    }

    private static boolean sameUri(ContactHeader c, String ours) {
        SipURI u = (SipURI) c.getAddress().getURI();
        return ours.contains(u.getHost() + ":" + u.getPort());
    }

    private static String unquote(String s) {
        if (s == null) {
            return null;
        }
        return s.startsWith("\"") && s.endsWith("\"") && s.length() > 1 ? s.substring(1, s.length() - 1) : s;
    }

    /** Stops timers (engine closing). */
    public void stop() {
        active = false;
        cancelTimer();
        core.monitor.removeListener(this);
    }
}
