package io.presencekit.sip.internal;

import io.presencekit.sip.IncomingSubscription;
import io.presencekit.sip.IncomingSubscriptionHandler;
import io.presencekit.sip.Notifier;
import io.presencekit.sip.NotifierPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.header.ContactHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notifier of one event package (RFC 6665, section 4.2): takes dialog-creating SUBSCRIBEs from
 * the {@link IncomingRequestRouter}, checks their Expires against the {@link NotifierPolicy} (423
 * with Min-Expires when too short), and hands an {@link IncomingSubscriptionUsage} to the
 * application's handler. State on the event loop; {@link #subscriptions()} and {@link #close()}
 * may be called from any thread.
 */
public final class NotifierUsage implements Notifier {
    private static final Logger LOG = LoggerFactory.getLogger(NotifierUsage.class);

    final SipCore core;
    final String eventPackage;
    final IncomingSubscriptionHandler handler;
    final NotifierPolicy policy;
    private final Set<IncomingSubscriptionUsage> live = ConcurrentHashMap.newKeySet();
    private IncomingRequestRouter.Handle route;
    private volatile boolean closed;

    public NotifierUsage(SipCore core, String eventPackage, IncomingSubscriptionHandler handler, NotifierPolicy policy) {
        this.core = core;
        this.eventPackage = eventPackage;
        this.handler = handler;
        this.policy = policy;
    }

    /** Starts routing SUBSCRIBEs of the package here; returns once the route is in place. */
    public NotifierUsage start() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Runnable r = () -> {
            route = core.router.onMethod(Request.SUBSCRIBE, eventPackage, this::onSubscribe);
            done.complete(null);
        };
        if (core.loop.inLoop()) {
            r.run();
        } else {
            core.loop.execute(r);
            try {
                done.get(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while starting the notifier", e);
            } catch (Exception e) {
                throw new IllegalStateException("the event loop did not start the notifier", e);
            }
        }
        return this;
    }

    @Override
    public String eventPackage() {
        return eventPackage;
    }

    @Override
    public List<IncomingSubscription> subscriptions() {
        return List.copyOf(live);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        core.loop.execute(() -> {
            if (route != null) {
                route.remove();
                route = null;
            }
        });
    }

    /** Drops every subscription without NOTIFY (engine closing); call on the loop. */
    public void stop() {
        if (route != null) {
            route.remove();
            route = null;
        }
        for (IncomingSubscriptionUsage s : List.copyOf(live)) {
            s.drop();
        }
        live.clear();
    }

    void ended(IncomingSubscriptionUsage s) {
        live.remove(s);
    }

    private void onSubscribe(IncomingRequest in) {
        Request req = in.request();
        if (((ToHeader) req.getHeader(ToHeader.NAME)).getTag() != null) {
            // an in-dialog SUBSCRIBE whose dialog we no longer know
            in.respond(Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (req.getHeader(ContactHeader.NAME) == null) {
            Response r = in.createResponse(Response.BAD_REQUEST);
            try {
                r.setReasonPhrase("Missing Contact");
            } catch (java.text.ParseException ignored) {
                // the default phrase stays
            }
            in.respond(r);
            return;
        }
        Optional<Duration> requested = SipHeaders.expires(req);
        if (req.getExpires() != null && requested.isEmpty()) {
            in.respond(Response.BAD_REQUEST);
            return;
        }
        Duration granted = grant(requested);
        if (granted == null) {
            in.respond(tooBrief(in));
            return;
        }
        IncomingSubscriptionUsage s;
        try {
            s = new IncomingSubscriptionUsage(this, in, requested.orElse(null), granted);
        } catch (RuntimeException e) {
            LOG.debug("malformed SUBSCRIBE: {}", e.toString());
            in.respond(Response.BAD_REQUEST);
            return;
        }
        live.add(s);
        try {
            handler.incomingSubscription(s);
        } catch (RuntimeException e) {
            LOG.warn("incoming subscription handler failed", e);
            s.reject(Response.SERVER_INTERNAL_ERROR);
            return;
        }
        s.afterHandler();
    }

    /** The lifetime to grant, or null when the request is shorter than the minimum (423). */
    Duration grant(Optional<Duration> requested) {
        if (requested.isEmpty()) {
            return policy.defaultExpires();
        }
        Duration d = requested.get();
        if (d.isZero()) {
            return d;
        }
        if (d.compareTo(policy.minExpires()) < 0) {
            return null;
        }
        return d.compareTo(policy.maxExpires()) > 0 ? policy.maxExpires() : d;
    }

    Response tooBrief(IncomingRequest in) {
        Response r = in.createResponse(Response.INTERVAL_TOO_BRIEF);
        try {
            r.addHeader(core.runtime.headerFactory().createMinExpiresHeader((int) policy.minExpires().toSeconds()));
        } catch (javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
        return r;
    }
}
