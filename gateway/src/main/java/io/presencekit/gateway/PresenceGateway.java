package io.presencekit.gateway;

import io.presencekit.gateway.internal.EngineSipOut;
import io.presencekit.gateway.internal.GatewayCore;
import io.presencekit.gateway.xmpp.RawStanza;
import io.presencekit.gateway.xmpp.XmppComponent;
import io.presencekit.gateway.xmpp.XmppComponentListener;
import io.presencekit.gateway.xmpp.XmppStreamException;
import io.presencekit.pidf.xmpp.XmppPresence;
import io.presencekit.sip.IncomingSubscription;
import io.presencekit.sip.IncomingSubscriptionHandler;
import io.presencekit.sip.Notifier;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipException;
import io.presencekit.sip.event.PresenceSubscription;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP/XMPP presence gateway: SIP users watch XMPP users and XMPP users watch SIP users, each
 * side speaking its own protocol.
 *
 * <p>SIP side: the gateway's {@link SipEngine} accepts {@code presence} subscriptions (RFC 6665,
 * RFC 3856) for {@code sip:user@<xmpp domain>}, which a SIP proxy forwards to it, and sends
 * presence subscriptions to SIP users From {@code sip:<xmpp user>@<xmpp domain>} through its
 * outbound proxy (which must accept that identity from the gateway without credentials). XMPP
 * side: an {@link XmppComponent} (XEP-0114) serving the SIP domain, so that SIP user
 * {@code alice@example.com} is JID {@code alice@example.com} to the XMPP server.
 *
 * <p>Subscriptions (see SylkServer's gateway, which this follows): a SIP SUBSCRIBE to an XMPP user
 * becomes XMPP {@code subscribe} from the SIP user's JID, and {@code probe} once it is answered
 * {@code subscribed} (an XMPP server may answer an earlier probe {@code unsubscribed}), once per
 * (SIP user, XMPP user) however many SIP subscriptions that user has; SIP subscriptions stay
 * {@code pending} until the XMPP user answers {@code subscribed} or sends presence, then each
 * availability stanza of any of its resources becomes a PIDF NOTIFY (one tuple per resource) to
 * every SIP subscription. The last SIP subscription ending sends {@code unsubscribe}; the XMPP
 * user's {@code unsubscribed} ends the SIP subscriptions ({@code reason=rejected}). An XMPP
 * {@code subscribe} or {@code probe} for a SIP user opens one SIP subscription; its first active
 * NOTIFY answers {@code subscribed}, each PIDF becomes one stanza per tuple, {@code unsubscribe}
 * ends it, and the SIP user's refusal ({@code reason=rejected}) answers {@code unsubscribed}.
 *
 * <p>{@link #close()} ends the SIP subscriptions both ways (final NOTIFYs with
 * {@code reason=deactivated}, un-SUBSCRIBEs), tells XMPP watchers the SIP users are unavailable
 * and closes the XMPP stream; it leaves the XMPP subscriptions, kept in the XMPP users' rosters,
 * in place for the next run.
 *
 * <p>Thread-safe. All gateway state lives on one thread of its own ({@code presencekit-gateway});
 * the SIP engine's loop and the component's reader only post to it.
 */
public final class PresenceGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PresenceGateway.class);

    private final SipEngine engine;
    private final PresenceGatewayConfig config;
    private final ExecutorService executor;
    private final GatewayCore core;
    private final XmppComponent component;
    private final Object lock = new Object();
    private Notifier notifier;
    private CompletableFuture<Void> started;
    private boolean closed;

    private PresenceGateway(SipEngine engine, PresenceGatewayConfig config) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.config = Objects.requireNonNull(config, "config");
        this.executor = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "presencekit-gateway");
            t.setDaemon(true);
            return t;
        });
        this.component = XmppComponent.create(config.component(), new ComponentListener());
        this.core = new GatewayCore(executor, component::sendPresence, new EngineSipOut(engine), config.sipDomain(),
                config.xmppDomain(), config.translator());
    }

    /**
     * A gateway on {@code engine}, which must be started (registered with {@link SipEngine#start()}
     * or reachable at a fixed address after {@link SipEngine#startUnregistered()}); nothing happens
     * before {@link #start()}. The engine stays the caller's: close it after the gateway.
     */
    public static PresenceGateway create(SipEngine engine, PresenceGatewayConfig config) {
        return new PresenceGateway(engine, config);
    }

    /** The configuration. */
    public PresenceGatewayConfig config() {
        return config;
    }

    /** The XMPP component (for its state). */
    public XmppComponent component() {
        return component;
    }

    /**
     * Accepts SIP presence subscriptions and connects the component; completes when the component
     * is connected, or fails with the component's {@link XmppStreamException}. Later calls return the
     * same future.
     */
    public CompletableFuture<Void> start() {
        synchronized (lock) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("gateway closed"));
            }
            if (started != null) {
                return started;
            }
            notifier = engine.acceptSubscriptions(PresenceSubscription.EVENT, new SipHandler());
            started = component.connect();
            return started;
        }
    }

    /** The virtual subscriptions now. */
    public CompletableFuture<List<VirtualSubscription>> subscriptions() {
        return core.snapshot();
    }

    /** As {@link #close(Duration)} with 10 s. */
    @Override
    public void close() {
        close(Duration.ofSeconds(10));
    }

    /**
     * Ends the subscriptions (see the class description), waiting at most {@code timeout} for the
     * SIP side, then stops accepting SIP subscriptions and closes the XMPP stream. Idempotent.
     */
    public void close(Duration timeout) {
        Notifier n;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            n = notifier;
        }
        try {
            core.close().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            LOG.info("gateway subscriptions did not all end in {}: {}", timeout, e.toString());
        }
        if (n != null) {
            n.close();
        }
        component.close();
        executor.shutdown();
        try {
            executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private final class SipHandler implements IncomingSubscriptionHandler {
        @Override
        public void incomingSubscription(IncomingSubscription subscription) {
            core.sipSubscription(subscription);
        }

        @Override
        public void ended(IncomingSubscription subscription, String reason) {
            core.sipSubscriptionEnded(subscription);
        }

        @Override
        public void notifyFailed(IncomingSubscription subscription, int status, SipException error) {
            LOG.debug("NOTIFY to {} failed: {}", subscription.subscriber(), status);
        }
    }

    private final class ComponentListener implements XmppComponentListener {
        @Override
        public void onConnected(String streamId) {
            core.xmppConnected();
        }

        @Override
        public void onPresence(XmppPresence presence, RawStanza raw) {
            core.xmppPresence(presence);
        }

        @Override
        public void onClosed(Optional<XmppStreamException> cause) {
            cause.ifPresent(c -> LOG.warn("XMPP component stopped: {}", c.getMessage()));
        }
    }
}
