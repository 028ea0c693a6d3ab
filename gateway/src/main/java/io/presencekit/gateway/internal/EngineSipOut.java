package io.presencekit.gateway.internal;

import io.presencekit.pidf.PresenceDocument;
import io.presencekit.sip.Notification;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SubscriptionEnd;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.event.PresenceSubscription;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Outgoing SIP presence subscriptions (RFC 3856) of the gateway, on an SDK {@link SipEngine}: each
 * one a {@link PresenceSubscription} whose From is the XMPP user's SIP URI. Thread-safe.
 */
public final class EngineSipOut implements GatewayCore.SipOut {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSipOut.class);
    private final SipEngine engine;

    public EngineSipOut(SipEngine engine) {
        this.engine = Objects.requireNonNull(engine, "engine");
    }

    @Override
    public GatewayCore.OutgoingSubscription subscribe(String fromUri, String targetUri,
            GatewayCore.OutgoingListener listener) {
        PresenceSubscription p = PresenceSubscription.create(engine,
                PresenceSubscription.request(targetUri).from(fromUri).build(), new PresenceSubscription.Listener() {
                    @Override
                    public void notified(Notification n) {
                        if (n.state() == SubscriptionState.ACTIVE && !n.hasBody()) {
                            listener.active(null);
                        }
                    }

                    @Override
                    public void presenceChanged(PresenceDocument document, Notification n) {
                        if (n.state() == SubscriptionState.ACTIVE) {
                            listener.active(document);
                        }
                    }

                    @Override
                    public void bodyRejected(Notification n, RuntimeException error) {
                        LOG.info("{} -> {}: unreadable NOTIFY body: {}", fromUri, targetUri, error.getMessage());
                        if (n.state() == SubscriptionState.ACTIVE) {
                            listener.active(null);
                        }
                    }

                    @Override
                    public void ended(SubscriptionEnd reason, Optional<SipException> error) {
                        LOG.debug("{} -> {}: SIP subscription ended: {}", fromUri, targetUri, reason);
                        listener.ended(reason == SubscriptionEnd.REJECTED);
                    }
                });
        return new GatewayCore.OutgoingSubscription() {
            @Override
            public void start() {
                p.start().exceptionally(e -> {
                    LOG.info("{} -> {}: SIP subscription failed: {}", fromUri, targetUri, e.getMessage());
                    return null;
                });
            }

            @Override
            public CompletableFuture<Void> end() {
                return p.end();
            }
        };
    }
}
