package io.presencekit.sip;

import io.presencekit.sip.internal.Backoff;
import io.presencekit.sip.internal.EventLoop;
import io.presencekit.sip.internal.PublicationUsage;
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
    private final List<PublicationUsage> publications = new ArrayList<>();
    private final List<io.presencekit.sip.internal.NotifierUsage> notifiers = new ArrayList<>();
    private io.presencekit.sip.internal.FlowMonitor flow;
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

    /**
     * Starts the stack without registering: for a user agent that others reach at a fixed address
     * (see {@link SipSettings#listenPort()}), such as a gateway a proxy forwards requests to. The
     * engine sends and receives requests as after {@link #start()}; {@link #registration()} stays
     * unregistered. Idempotent.
     *
     * @throws SipTransportException when the stack cannot be started (the port is taken, ...)
     */
    public void startUnregistered() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("engine closed");
            }
            if (core == null) {
                try {
                    core = create();
                } catch (RuntimeException e) {
                    throw new SipTransportException("cannot start the SIP engine: " + e.getMessage(), e);
                }
            }
        }
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
        c.nextHop(hop);
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
        if (transport.reliable()) {
            flow = new io.presencekit.sip.internal.FlowMonitor(runtime, transport, hop, loop, c.monitor,
                    settings.keepAliveInterval(), () -> loop.execute(c::probe)).start();
        }
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
     * Starts publishing event state (RFC 3903) as {@code request} says; valid after {@link #start()}.
     * When the request carries a body it is published at once, else on the first
     * {@link Publication#update}. Graceful {@link #close} ends the publication first.
     *
     * @param listener what to tell about it, or null
     */
    public Publication publish(PublicationRequest request, PublicationListener listener) {
        Objects.requireNonNull(request, "request");
        PublicationUsage p;
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("engine closed");
            }
            if (core == null) {
                throw new IllegalStateException("engine not started");
            }
            p = new PublicationUsage(core, request, listener, this.listener::unexpectedError);
            publications.removeIf(old -> old.state() == PublicationState.ENDED);
            publications.add(p);
        }
        p.start();
        return p;
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
     * Accepts incoming subscriptions to {@code eventPackage} (RFC 6665, section 4.2) with the
     * {@link NotifierPolicy#DEFAULT} lifetimes; see {@link #acceptSubscriptions(String,
     * IncomingSubscriptionHandler, NotifierPolicy)}.
     */
    public Notifier acceptSubscriptions(String eventPackage, IncomingSubscriptionHandler handler) {
        return acceptSubscriptions(eventPackage, handler, NotifierPolicy.DEFAULT);
    }

    /**
     * Accepts incoming subscriptions to {@code eventPackage} (RFC 6665, section 4.2): every
     * dialog-creating SUBSCRIBE for it goes to {@code handler} as an {@link IncomingSubscription};
     * SUBSCRIBEs for packages nobody accepts are answered 489 Bad Event with Allow-Events. A second
     * call for the same package replaces the first one's route. Valid after {@link #start()}
     * (which may still be retrying its registration); the route is in place when this returns.
     */
    public Notifier acceptSubscriptions(String eventPackage, IncomingSubscriptionHandler handler,
            NotifierPolicy policy) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(policy, "policy");
        if (eventPackage == null || eventPackage.isBlank() || !eventPackage.matches("[A-Za-z0-9!%*_+`'~.-]+")) {
            throw new IllegalArgumentException("not an event package name: " + eventPackage);
        }
        SipCore c = core();
        io.presencekit.sip.internal.NotifierUsage n = new io.presencekit.sip.internal.NotifierUsage(c, eventPackage,
                handler, policy);
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("engine closed");
            }
            notifiers.add(n);
        }
        return n.start();
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

    /** Ends the subscriptions and publications and unregisters (waiting at most 5 s in all), then stops everything. */
    @Override
    public void close() {
        close(Duration.ofSeconds(5));
    }

    /**
     * Ends the publications ({@code Expires: 0}) and the subscriptions (un-SUBSCRIBE), then
     * unregisters, waiting at most {@code timeout} in all, then stops everything.
     */
    public void close(Duration timeout) {
        RegistrationUsage r;
        List<PublicationUsage> pubs;
        SipCore c;
        SubscriptionSet subs;
        synchronized (lock) {
            if (closed) {
                return;
            }
            r = registration;
            pubs = List.copyOf(publications);
            c = core;
            subs = subscriptions;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        List<CompletableFuture<Void>> endings = new ArrayList<>();
        for (PublicationUsage p : pubs) {
            if (p.live()) {
                endings.add(p.end());
            }
        }
        if (c != null && subs != null) {
            CompletableFuture<Void> ending = new CompletableFuture<>();
            c.loop.execute(() -> subs.endAll().whenComplete((v, e) -> ending.complete(null)));
            endings.add(ending);
        }
        try {
            CompletableFuture.allOf(endings.toArray(CompletableFuture[]::new))
                    .get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // closing anyway
        }
        if (r != null && r.state() == RegistrationState.REGISTERED) {
            try {
                r.unregister().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
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
        List<PublicationUsage> pubs;
        List<io.presencekit.sip.internal.NotifierUsage> ns;
        io.presencekit.sip.internal.FlowMonitor fm;
        SubscriptionSet subs;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            c = core;
            r = registration;
            pubs = List.copyOf(publications);
            ns = List.copyOf(notifiers);
            fm = flow;
            subs = subscriptions;
        }
        if (c == null) {
            return;
        }
        if (fm != null) {
            fm.close();
        }
        CompletableFuture<Void> drained = new CompletableFuture<>();
        c.loop.execute(() -> {
            if (r != null) {
                r.stop();
            }
            pubs.forEach(PublicationUsage::stop);
            ns.forEach(io.presencekit.sip.internal.NotifierUsage::stop);
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
