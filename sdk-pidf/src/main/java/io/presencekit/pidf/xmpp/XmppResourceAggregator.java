package io.presencekit.pidf.xmpp;

import io.presencekit.pidf.PresenceDocument;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The presence of one bare JID across its resources, as one PIDF document: keeps the latest
 * availability stanza per full JID (RFC 6121, section 4.4: each resource's presence stands on its
 * own) and translates them together with an {@link XmppPresenceTranslator}.
 *
 * <p>As SylkServer's gateway: an available stanza adds or replaces its resource's tuple (a
 * resource keeps its place); an unavailable stanza is reported once, as a closed/offline tuple in
 * the document {@link #update} returns, and its resource is then forgotten. {@link #current()} holds
 * the tuples of the available resources; when none is left it holds the closed/offline tuple of
 * the last resource that went away (what the gateway hands a new SIP watcher), and before any
 * stanza, nothing.
 *
 * <p>Thread-safe: every method is synchronized on the instance, so stanzas may arrive on any thread;
 * the documents returned are immutable.
 */
public final class XmppResourceAggregator {
    private final Jid bare;
    private final XmppPresenceTranslator translator;
    private final Map<Jid, XmppPresenceTranslator.Received> available = new LinkedHashMap<>();
    private XmppPresenceTranslator.Received lastGone;

    /** An aggregator for {@code jid}'s bare JID using {@code translator}. */
    public XmppResourceAggregator(Jid jid, XmppPresenceTranslator translator) {
        this.bare = Objects.requireNonNull(jid, "jid").bare();
        this.translator = Objects.requireNonNull(translator, "translator");
    }

    /** An aggregator for {@code jid}'s bare JID using {@link XmppPresenceTranslator#standard()}. */
    public XmppResourceAggregator(Jid jid) {
        this(jid, XmppPresenceTranslator.standard());
    }

    /** The bare JID whose resources this aggregates. */
    public Jid jid() {
        return bare;
    }

    /** As {@link #update(XmppPresence, Instant)}, received now by the translator's clock. */
    public synchronized Optional<PresenceDocument> update(XmppPresence stanza) {
        return update(stanza, translator.clock().instant());
    }

    /**
     * Records {@code stanza} and returns the document to send: every available resource plus,
     * for an unavailable stanza, that resource's closed/offline tuple (in its place). A stanza
     * that carries no availability (subscription types, probe, error) changes nothing and returns
     * empty.
     *
     * @throws IllegalArgumentException if the stanza has no {@code from} or is from another bare JID
     */
    public synchronized Optional<PresenceDocument> update(XmppPresence stanza, Instant receivedAt) {
        Jid from = stanza.from().orElseThrow(() -> new IllegalArgumentException("presence without from"));
        if (!from.bare().equals(bare)) {
            throw new IllegalArgumentException("presence from " + from + " given to the aggregator of " + bare);
        }
        if (!stanza.isAvailability()) {
            return Optional.empty();
        }
        XmppPresenceTranslator.Received received = new XmppPresenceTranslator.Received(stanza, receivedAt);
        if (stanza.type() == XmppPresence.Type.AVAILABLE) {
            available.put(from, received);
            lastGone = null;
            return Optional.of(translator.toPidf(new ArrayList<>(available.values())));
        }
        List<XmppPresenceTranslator.Received> all = new ArrayList<>(available.size() + 1);
        boolean placed = false;
        for (Map.Entry<Jid, XmppPresenceTranslator.Received> e : available.entrySet()) {
            if (e.getKey().equals(from)) {
                all.add(received);
                placed = true;
            } else {
                all.add(e.getValue());
            }
        }
        if (!placed) {
            all.add(received);
        }
        available.remove(from);
        lastGone = received;
        return Optional.of(translator.toPidf(all));
    }

    /** The document for the current state (see the class description), or empty before any stanza. */
    public synchronized Optional<PresenceDocument> current() {
        if (!available.isEmpty()) {
            return Optional.of(translator.toPidf(new ArrayList<>(available.values())));
        }
        return lastGone == null ? Optional.empty() : Optional.of(translator.toPidf(List.of(lastGone)));
    }

    /** The full JIDs currently available, in the order they first appeared. */
    public synchronized Set<Jid> availableResources() {
        return Collections.unmodifiableSet(new LinkedHashSet<>(available.keySet()));
    }
}
