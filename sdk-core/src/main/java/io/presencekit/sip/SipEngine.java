package io.presencekit.sip;

import io.presencekit.sip.internal.Backoff;
import io.presencekit.sip.internal.EventLoop;
import io.presencekit.sip.internal.RegistrationUsage;
import io.presencekit.sip.internal.SipCore;
import io.presencekit.sip.internal.SipStackRuntime;
import io.presencekit.sip.internal.SubscriptionSet;
import io.presencekit.sip.internal.SubscriptionUsage;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * One SIP user agent: a JAIN-SIP stack of its own (unique stack name), an event loop, and the
 * {@link Registration}. Build it, {@link #start()} it (binds the stack and registers), and
 * {@link #close()} it: graceful close unregisters first, bounded by a timeout; {@link #closeNow()}
 * skips that. After either, no thread of the engine is left (the stack's threads are not
 * daemons, so an engine that is never closed keeps the JVM alive).
 *
 * <p>The transport is the outbound proxy's {@code transport=} when given, else the first of the
 * account's {@link SipAccount#transports()} (no fail-over between transports yet).
 *
 * <p>Thread-safe.
 */
public final class SipEngine implements AutoCloseable {
    private final SipAccount account;
    private final SipSettings settings;
    private final SipEngineListener listener;
    private final Transport transport;
    private final Object lock = new Object();
    private SipCore core;
    private RegistrationUsage registration;
    private SubscriptionSet subscriptions;
    private boolean closed;

    public SipEngine(SipAccount account, SipSettings settings, SipEngineListener listener) {
        this.account = Objects.requireNonNull(account);
        this.settings = Objects.requireNonNull(settings);
        this.listener = listener != null ? listener : new SipEngineListener() { };
        this.transport = transportOf(account);
    }

    /** Starts the stack and registers; completes when the first registration succeeds. */
    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("engine closed"));
            }
            if (core == null) {
                try {
                    core = create();
                } catch (RuntimeException e) {
                    return CompletableFuture.failedFuture(new SipTransportException(
                            "cannot start the SIP engine: " + e.getMessage(), e));
                }
            }
        }
        return registration.register().thenApply(info -> null);
    }

    private SipCore create() {
        String hop = SipStackRuntime.nextHop(account, transport);
        InetAddress bind = settings.bindAddress();
        if (bind == null) {
            bind = loopback(hop) ? InetAddress.getLoopbackAddress() : anyAddress();
        }
        List<Transport> listen = new ArrayList<>(List.of(transport));
        SipStackRuntime runtime = new SipStackRuntime("presencekit", listen, hop, bind, settings, null, null);
        EventLoop loop = new EventLoop(settings.scheduler(), settings.clock(), listener::unexpectedError);
        SipCore c = new SipCore(account, transport, runtime, loop, settings.requestTimeout());
        try {
            runtime.setListener(c);
        } catch (Exception e) {
            runtime.close();
            loop.close();
            throw new IllegalStateException(e);
        }
        c.monitor.addListener(new io.presencekit.sip.internal.ConnectionMonitor.Listener() {
            @Override
            public void connectionLost(String reason) {
                listener.connectionDegraded(reason);
            }

            @Override
            public void connectionRestored() {
                listener.connectionRestored();
            }
        });
        registration = new RegistrationUsage(c, listener, Backoff.DEFAULT);
        subscriptions = new SubscriptionSet(new java.util.Random());
        c.monitor.addListener(subscriptions);
        return c;
    }

    /** The registration usage; valid after {@link #start()}. */
    public Registration registration() {
        synchronized (lock) {
            if (registration == null) {
                throw new IllegalStateException("engine not started");
            }
            return registration;
        }
    }

    /**
     * The internal core for the SDK's own usages (publication, subscription); not for
     * applications. Valid after {@link #start()}.
     */
    public SipCore core() {
        synchronized (lock) {
            if (core == null) {
                throw new IllegalStateException("engine not started");
            }
            return core;
        }
    }

    /**
     * A subscription (RFC 6665) for {@code request}, reporting to {@code listener}; send it with
     * {@link Subscription#start()}. Valid after {@link #start()}.
     */
    public Subscription subscribe(SubscriptionRequest request, SubscriptionListener listener) {
        Objects.requireNonNull(request, "request");
        SipCore c = core();
        return new SubscriptionUsage(c, request, listener, subscriptions, false);
    }

    /**
     * Fetches the current state once (RFC 6665, section 4.4.3): a SUBSCRIBE with
     * {@code Expires: 0} (the request's duration is ignored) and its single NOTIFY. Completes
     * with that notification, or exceptionally with the {@link SipException} of the failure
     * ({@link SipTimeoutException} when no NOTIFY comes within 32 s of the 2xx). Valid after
     * {@link #start()}.
     */
    public CompletableFuture<Notification> fetch(SubscriptionRequest request) {
        Objects.requireNonNull(request, "request");
        SipCore c = core();
        return new SubscriptionUsage(c, request, null, subscriptions, true).start();
    }

    /** The account. */
    public SipAccount account() {
        return account;
    }

    /** Unregisters (waiting at most 5 s), then stops everything. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /**
     * Ends the subscriptions and unregisters (waiting at most {@code timeout} for each), then
     * stops everything.
     */
    public void close(Duration timeout) {
        RegistrationUsage r;
        SipCore c;
        SubscriptionSet subs;
        synchronized (lock) {
            if (closed) {
                return;
            }
            r = registration;
            c = core;
            subs = subscriptions;
        }
        if (c != null && subs != null) {
            CompletableFuture<CompletableFuture<Void>> ending = new CompletableFuture<>();
            c.loop.execute(() -> ending.complete(subs.endAll()));
            try {
                ending.get(timeout.toMillis(), TimeUnit.MILLISECONDS).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // closing anyway
            }
        }
        if (r != null && r.state() == RegistrationState.REGISTERED) {
            try {
                r.unregister().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                // closing anyway
            }
        }
        closeNow();
    }

    /** Stops everything without unregistering. */
    public void closeNow() {
        SipCore c;
        RegistrationUsage r;
        SubscriptionSet subs;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = core;
            r = registration;
            subs = subscriptions;
        }
        if (c == null) {
            return;
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        c.loop.execute(() -> {
            if (r != null) {
                r.stop();
            }
            if (subs != null) {
                subs.stopAll();
            }
            c.sender.failAll(new SipTransportException("engine closed", null));
            drained.complete(null);
        });
        try {
            drained.get(2, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // stop anyway
        }
        try {
            c.runtime.close();
        } finally {
            c.loop.close();
        }
    }

    private static Transport transportOf(SipAccount account) {
        String proxy = account.outboundProxy();
        if (proxy != null) {
            for (String param : proxy.split(";")) {
                if (param.toLowerCase(java.util.Locale.ROOT).startsWith("transport=")) {
                    return Transport.of(param.substring("transport=".length()));
                }
            }
        }
        return account.transports().get(0);
    }

    private static boolean loopback(String hop) {
        String host = hop.substring(0, hop.lastIndexOf(':'));
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]") || host.equals("::1");
    }

    private static InetAddress anyAddress() {
        try {
            return InetAddress.getByName("0.0.0.0");
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
