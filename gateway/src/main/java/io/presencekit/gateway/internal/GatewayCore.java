package io.presencekit.gateway.internal;

import io.presencekit.gateway.VirtualSubscription;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.xmpp.Jid;
import io.presencekit.pidf.xmpp.XmppPresence;
import io.presencekit.pidf.xmpp.XmppPresenceTranslator;
import io.presencekit.pidf.xmpp.XmppResourceAggregator;
import io.presencekit.sip.IncomingSubscription;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's bookkeeping: the virtual subscriptions in both directions, independent of the
 * transports, which it reaches through {@link XmppOut} and {@link SipOut}.
 *
 * <p>SIP to XMPP (a SIP user watches an XMPP user): one {@code S2x} per (SIP bare address, XMPP
 * bare JID) holds every SIP subscription (dialog) of that SIP user to that XMPP user and one XMPP
 * subscription, opened with {@code subscribe}, and a {@code probe} once the XMPP user answered
 * {@code subscribed} (RFC 6121, section 4.3: a server may answer a probe from a JID without
 * subscription with {@code unsubscribed}, as Prosody does, which would read as a refusal while the
 * XMPP user has not decided yet; SylkServer sends both at once). New dialogs are accepted pending
 * until the XMPP side answers {@code subscribed} or sends availability, then active with the PIDF
 * of all the XMPP user's resources; each availability stanza is notified to every dialog. When
 * the last dialog ends, the XMPP side gets {@code unsubscribe}; an {@code unsubscribed} from the
 * XMPP user ends every dialog with {@code reason=rejected}.
 *
 * <p>XMPP to SIP (an XMPP user watches a SIP user): one {@code X2s} per (XMPP bare JID, SIP bare
 * address), created by {@code subscribe} or {@code probe}, holds one outgoing SIP presence
 * subscription From the XMPP user's SIP URI. Its first active NOTIFY makes the gateway answer
 * {@code subscribed}; every PIDF becomes one presence stanza per tuple. {@code unsubscribe} ends
 * the SIP subscription; a SIP subscription rejected by the presentity's policy answers
 * {@code unsubscribed}; any other end makes the SIP user unavailable to the XMPP user.
 *
 * <p>Thread-safety: every entry point posts to the serialized {@code executor} given at
 * construction, where all state lives; the state is never touched on another thread.
 */
public final class GatewayCore {
    private static final Logger LOG = LoggerFactory.getLogger(GatewayCore.class);

    /** Sends presence stanzas to the XMPP server. Called on the gateway's executor. */
    public interface XmppOut {
        /** Sends {@code presence}; a failure is logged by the caller and otherwise ignored. */
        void send(XmppPresence presence);
    }

    /** Opens outgoing SIP presence subscriptions. Called on the gateway's executor. */
    public interface SipOut {
        /**
         * A presence subscription from {@code fromUri} to {@code targetUri}, reporting to
         * {@code listener} (on any thread); not yet sent.
         */
        OutgoingSubscription subscribe(String fromUri, String targetUri, OutgoingListener listener);
    }

    /** One outgoing SIP presence subscription. */
    public interface OutgoingSubscription {
        /** Sends the first SUBSCRIBE. */
        void start();

        /** Unsubscribes; completes when it is over. */
        CompletableFuture<Void> end();
    }

    /** What an outgoing SIP subscription reports; any thread. */
    public interface OutgoingListener {
        /** A NOTIFY said active ({@code document} from its body, or null without body). */
        void active(PresenceDocument document);

        /** The subscription ended for good; {@code rejected} when the presentity's policy refused it. */
        void ended(boolean rejected);
    }

    private record Key(Jid sip, Jid xmpp) {
    }

    /** A SIP user's view of an XMPP user. */
    private final class S2x {
        final Key key;
        final Set<IncomingSubscription> dialogs = new LinkedHashSet<>();
        final Set<IncomingSubscription> accepted = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
        final XmppResourceAggregator resources;
        boolean active;

        S2x(Key key) {
            this.key = key;
            this.resources = new XmppResourceAggregator(key.xmpp(), translator);
        }
    }

    /** An XMPP user's view of a SIP user. */
    private final class X2s implements OutgoingListener {
        final Key key;
        OutgoingSubscription sip;
        boolean subscribedSent;
        List<XmppPresence> last = List.of();

        X2s(Key key) {
            this.key = key;
        }

        @Override
        public void active(PresenceDocument document) {
            executor.execute(() -> x2sActive(this, document));
        }

        @Override
        public void ended(boolean rejected) {
            executor.execute(() -> x2sEnded(this, rejected));
        }
    }

    private final Executor executor;
    private final XmppOut xmpp;
    private final SipOut sip;
    private final String sipDomain;
    private final String xmppDomain;
    private final XmppPresenceTranslator translator;
    private final Map<Key, S2x> s2x = new LinkedHashMap<>();
    private final Map<IncomingSubscription, S2x> byDialog = new IdentityHashMap<>();
    private final Map<Key, X2s> x2s = new LinkedHashMap<>();
    private boolean closed;

    /**
     * A core for the SIP domain {@code sipDomain} (the component's domain) and the XMPP domain
     * {@code xmppDomain}, running on {@code executor}, which must run tasks one at a time in order.
     */
    public GatewayCore(Executor executor, XmppOut xmpp, SipOut sip, String sipDomain, String xmppDomain,
            XmppPresenceTranslator translator) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.xmpp = Objects.requireNonNull(xmpp, "xmpp");
        this.sip = Objects.requireNonNull(sip, "sip");
        this.sipDomain = sipDomain.toLowerCase(Locale.ROOT);
        this.xmppDomain = xmppDomain.toLowerCase(Locale.ROOT);
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    // ---------------------------------------------------------------- SIP watchers (S2X) --

    /** A new incoming SIP presence subscription (to an XMPP user, by its Request-URI's To). */
    public void sipSubscription(IncomingSubscription s) {
        executor.execute(() -> onSipSubscription(s));
    }

    /** An incoming SIP subscription ended (unsubscribed, expired, NOTIFY failed, ended by us). */
    public void sipSubscriptionEnded(IncomingSubscription s) {
        executor.execute(() -> onSipSubscriptionEnded(s));
    }

    private void onSipSubscription(IncomingSubscription s) {
        if (closed) {
            s.reject(480);
            return;
        }
        Jid target;
        Jid watcher;
        try {
            target = Jid.fromSipUri(s.target());
            watcher = Jid.fromSipUri(s.subscriber());
        } catch (IllegalArgumentException e) {
            LOG.info("refusing SIP subscription {} -> {}: {}", s.subscriber(), s.target(), e.getMessage());
            s.reject(400);
            return;
        }
        if (target.local() == null || !target.domain().equals(xmppDomain)) {
            s.reject(404);
            return;
        }
        if (watcher.local() == null || !watcher.domain().equals(sipDomain)) {
            // the component may only speak for its own domain
            s.reject(403);
            return;
        }
        Key key = new Key(watcher, target);
        S2x v = s2x.get(key);
        boolean created = v == null;
        if (created) {
            v = new S2x(key);
            s2x.put(key, v);
        }
        v.dialogs.add(s);
        byDialog.put(s, v);
        if (v.active) {
            acceptWith(v, s, v.resources.current().orElse(null));
        } else {
            s.acceptPending();
        }
        if (created) {
            send(XmppPresence.builder().from(watcher).to(target).type(XmppPresence.Type.SUBSCRIBE).build());
        }
    }

    private void onSipSubscriptionEnded(IncomingSubscription s) {
        S2x v = byDialog.remove(s);
        if (v == null) {
            return;
        }
        v.dialogs.remove(s);
        v.accepted.remove(s);
        if (v.dialogs.isEmpty() && s2x.get(v.key) == v) {
            s2x.remove(v.key);
            if (!closed) {
                send(XmppPresence.builder().from(v.key.sip()).to(v.key.xmpp())
                        .type(XmppPresence.Type.UNSUBSCRIBE).build());
            }
        }
    }

    private void acceptWith(S2x v, IncomingSubscription s, PresenceDocument doc) {
        byte[] body = doc == null ? null : PidfCodec.standard().write(doc);
        if (v.accepted.add(s)) {
            s.accept(PidfCodec.CONTENT_TYPE, body);
        } else if (body != null) {
            s.notify(PidfCodec.CONTENT_TYPE, body);
        }
    }

    private void activate(S2x v, PresenceDocument doc) {
        v.active = true;
        for (IncomingSubscription s : List.copyOf(v.dialogs)) {
            acceptWith(v, s, doc);
        }
    }

    // ---------------------------------------------------------------- XMPP stanzas --

    /** A presence stanza the component received. */
    public void xmppPresence(XmppPresence p) {
        executor.execute(() -> onXmppPresence(p));
    }

    /**
     * The component (re)connected: probe every XMPP user a SIP user watches with an authorized
     * subscription, and ask the others again.
     */
    public void xmppConnected() {
        executor.execute(() -> {
            for (S2x v : s2x.values()) {
                send(XmppPresence.builder().from(v.key.sip()).to(v.key.xmpp())
                        .type(v.active ? XmppPresence.Type.PROBE : XmppPresence.Type.SUBSCRIBE).build());
            }
        });
    }

    private void onXmppPresence(XmppPresence p) {
        LOG.debug("presence from XMPP: {}", p);
        if (closed || p.from().isEmpty() || p.to().isEmpty()) {
            return;
        }
        Jid from = p.from().get();
        Jid to = p.to().get();
        if (to.local() == null || !to.domain().equals(sipDomain) || from.local() == null) {
            LOG.debug("ignoring presence {} -> {}", from, to);
            return;
        }
        Key s2xKey = new Key(to.bare(), from.bare());
        switch (p.type()) {
            case AVAILABLE, UNAVAILABLE -> {
                if (!to.isBare()) {
                    return; // directed presence to a SIP device: not a subscription's
                }
                S2x v = s2x.get(s2xKey);
                if (v == null) {
                    return;
                }
                Optional<PresenceDocument> doc = v.resources.update(p);
                if (doc.isPresent()) {
                    activate(v, doc.get());
                }
            }
            case SUBSCRIBED -> {
                S2x v = s2x.get(s2xKey);
                if (v != null && !v.active) {
                    activate(v, v.resources.current().orElse(null));
                    // now a subscriber: the probe brings the presence of every resource
                    send(XmppPresence.builder().from(v.key.sip()).to(v.key.xmpp()).type(XmppPresence.Type.PROBE)
                            .build());
                }
            }
            case UNSUBSCRIBED, ERROR -> {
                S2x v = s2x.remove(s2xKey);
                if (v != null) {
                    for (IncomingSubscription s : List.copyOf(v.dialogs)) {
                        byDialog.remove(s);
                        s.end(p.type() == XmppPresence.Type.ERROR ? "noresource" : "rejected");
                    }
                }
            }
            case SUBSCRIBE -> xmppSubscribe(new Key(to.bare(), from.bare()), true);
            case PROBE -> xmppSubscribe(new Key(to.bare(), from.bare()), false);
            case UNSUBSCRIBE -> {
                X2s x = x2s.remove(new Key(to.bare(), from.bare()));
                if (x != null) {
                    x.sip.end();
                }
            }
            default -> LOG.debug("ignoring presence of type {}", p.type());
        }
    }

    // ---------------------------------------------------------------- XMPP watchers (X2S) --

    private void xmppSubscribe(Key key, boolean subscribe) {
        X2s x = x2s.get(key);
        if (x != null) {
            if (x.subscribedSent) {
                if (subscribe) {
                    send(typed(key, XmppPresence.Type.SUBSCRIBED));
                }
                x.last.forEach(this::send);
            }
            return;
        }
        x = new X2s(key);
        x2s.put(key, x);
        x.sip = sip.subscribe(key.xmpp().toSipUri(), key.sip().toSipUri(), x);
        x.sip.start();
    }

    private void x2sActive(X2s x, PresenceDocument doc) {
        if (x2s.get(x.key) != x || closed) {
            return;
        }
        if (!x.subscribedSent) {
            x.subscribedSent = true;
            send(typed(x.key, XmppPresence.Type.SUBSCRIBED));
        }
        if (doc != null) {
            List<XmppPresence> stanzas = translator.toXmpp(doc, x.key.sip(), x.key.xmpp());
            x.last = stanzas;
            stanzas.forEach(this::send);
        }
    }

    private void x2sEnded(X2s x, boolean rejected) {
        if (x2s.get(x.key) != x) {
            return;
        }
        x2s.remove(x.key);
        if (closed) {
            return;
        }
        if (rejected) {
            send(typed(x.key, XmppPresence.Type.UNSUBSCRIBED));
        } else {
            unavailable(x);
        }
    }

    private void unavailable(X2s x) {
        Set<Jid> senders = new LinkedHashSet<>();
        for (XmppPresence p : x.last) {
            p.from().ifPresent(senders::add);
        }
        if (senders.isEmpty() && x.subscribedSent) {
            senders.add(x.key.sip());
        }
        for (Jid from : senders) {
            send(XmppPresence.builder().from(from).to(x.key.xmpp()).type(XmppPresence.Type.UNAVAILABLE).build());
        }
    }

    private XmppPresence typed(Key key, XmppPresence.Type type) {
        return XmppPresence.builder().from(key.sip()).to(key.xmpp()).type(type).build();
    }

    private void send(XmppPresence p) {
        LOG.debug("presence to XMPP: {}", p);
        try {
            xmpp.send(p);
        } catch (RuntimeException e) {
            LOG.info("could not send presence {} -> {}: {}", p.from().orElse(null), p.to().orElse(null),
                    e.getMessage());
        }
    }

    // ---------------------------------------------------------------- life --

    /**
     * Ends everything: every SIP watcher gets a final NOTIFY ({@code reason=deactivated}), every
     * outgoing SIP subscription is unsubscribed and its XMPP watcher told the SIP user is
     * unavailable. The XMPP subscriptions are left in place (they live in the XMPP users' rosters
     * and resume when the gateway comes back). Completes when the SIP side has finished.
     */
    public CompletableFuture<Void> close() {
        CompletableFuture<CompletableFuture<Void>> done = new CompletableFuture<>();
        executor.execute(() -> {
            closed = true;
            List<CompletableFuture<Void>> ends = new ArrayList<>();
            for (X2s x : List.copyOf(x2s.values())) {
                unavailable(x);
                ends.add(x.sip.end());
            }
            x2s.clear();
            for (S2x v : List.copyOf(s2x.values())) {
                for (IncomingSubscription s : List.copyOf(v.dialogs)) {
                    ends.add(s.end("deactivated"));
                }
            }
            s2x.clear();
            byDialog.clear();
            done.complete(CompletableFuture.allOf(ends.toArray(CompletableFuture[]::new)));
        });
        return done.thenCompose(f -> f);
    }

    /** A snapshot of the virtual subscriptions, taken on the executor. */
    public CompletableFuture<List<VirtualSubscription>> snapshot() {
        CompletableFuture<List<VirtualSubscription>> f = new CompletableFuture<>();
        executor.execute(() -> {
            List<VirtualSubscription> out = new ArrayList<>();
            for (S2x v : s2x.values()) {
                out.add(new VirtualSubscription(VirtualSubscription.Direction.SIP_TO_XMPP, v.key.sip().toSipUri(),
                        v.key.xmpp(), v.dialogs.size(), v.active));
            }
            for (X2s x : x2s.values()) {
                out.add(new VirtualSubscription(VirtualSubscription.Direction.XMPP_TO_SIP, x.key.sip().toSipUri(),
                        x.key.xmpp(), 1, x.subscribedSent));
            }
            f.complete(List.copyOf(out));
        });
        return f;
    }
}
