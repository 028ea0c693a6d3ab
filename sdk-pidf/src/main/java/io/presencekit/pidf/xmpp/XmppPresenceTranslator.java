package io.presencekit.pidf.xmpp;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.agp.DeviceInfo;
import io.presencekit.pidf.agp.ExtendedStatus;
import io.presencekit.pidf.caps.ServiceCapabilities;
import io.presencekit.pidf.rpid.Activities;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import javax.xml.namespace.QName;

/**
 * Translates presence between XMPP (RFC 6121, section 4) and PIDF (RFC 3863 with the RFC 4479
 * data model, RFC 4480 activities and the AG Projects extensions) the way SylkServer's XMPP
 * gateway does, so that Blink and SylkServer read the documents as they read the gateway's own.
 *
 * <h2>XMPP to PIDF</h2>
 * One document per bare JID, one tuple per resource ({@link #toPidf(List)}; keep the latest
 * stanza per resource with {@link XmppResourceAggregator}):
 * <table>
 * <caption>availability to tuple status and person activities</caption>
 * <tr><th>stanza</th><th>basic</th><th>agp-pidf:extended</th><th>rpid activity on the person</th></tr>
 * <tr><td>available, no show</td><td>open</td><td>available</td><td>none</td></tr>
 * <tr><td>show chat</td><td>open</td><td>available</td><td>none</td></tr>
 * <tr><td>show away</td><td>open</td><td>away</td><td>away</td></tr>
 * <tr><td>show xa</td><td>open</td><td>away</td><td>away</td></tr>
 * <tr><td>show dnd</td><td>open</td><td>busy</td><td>busy</td></tr>
 * <tr><td>unavailable (any show)</td><td>closed</td><td>offline</td><td>none</td></tr>
 * </table>
 * The only activities written are {@code away} and {@code busy}, each at most once, on the one
 * person {@code PID-<md5(user@domain)>}; with neither the person has no activities element.
 * Each {@code status} becomes a tuple note with its {@code xml:lang} (or the stanza's, which it
 * inherits, RFC 6120, section 8.1.5). {@code priority} is dropped. The tuple id is
 * {@code SID-<hex(UTF-8(resource))>} ({@link GatewayIds}), its contact
 * {@code sip:user@domain;gr=<hex resource>;xmpp} (the {@code xmpp} flag marks a translated
 * contact), its {@code dm:deviceID} and device-info id the hex resource, the device-info
 * description the resource itself, its {@code caps:servcaps} text and message (as the gateway;
 * see {@link Builder#serviceCapabilities}), and its timestamp the time the stanza was received, or
 * the stamp of its XEP-0203 {@code <delay/>}. A stanza without resource gets
 * {@code md5(user@domain)} in place of the hex resource and no description. The presentity
 * ({@code entity}) is the bare JID's {@code sip:} URI ({@link Jid#toSipUri()}): the gateway's
 * Python code meant the bare identity but writes it without scheme, which is no URI.
 *
 * <h2>PIDF to XMPP</h2>
 * One stanza per tuple ({@link #toXmpp}), without {@code priority}:
 * <table>
 * <caption>tuple status to availability and show</caption>
 * <tr><th>agp-pidf:extended</th><th>stanza</th></tr>
 * <tr><td>available</td><td>available, no show</td></tr>
 * <tr><td>away</td><td>available, show away</td></tr>
 * <tr><td>busy</td><td>available, show dnd</td></tr>
 * <tr><td>offline</td><td>unavailable</td></tr>
 * <tr><td>absent, basic open</td><td>available; show from the first person's activities, see below</td></tr>
 * <tr><td>absent, basic closed or absent</td><td>unavailable</td></tr>
 * </table>
 * These four are every value the extended status has (there is no "extended away"); basic does
 * not count once it is present, so {@code closed} with {@code away} is available and away, as
 * in the gateway. Activities, checked in this order: {@code away} gives away; {@code holiday},
 * {@code vacation} or {@code permanent-absence} give xa; {@code busy}, {@code on-the-phone},
 * {@code meeting}, {@code appointment}, {@code performance}, {@code presentation},
 * {@code worship}, {@code steering} or {@code spectator} give dnd; {@code travel},
 * {@code in-transit}, {@code sleeping}, {@code breakfast}, {@code dinner}, {@code meal},
 * {@code shopping} or {@code looking-for-work} give away; anything else no show. The gateway
 * knows only away, holiday, vacation and busy; the others follow the summary status of
 * {@link io.presencekit.pidf.ContactPresence}.
 *
 * <p>Notes become {@code status} elements, one per {@code xml:lang} (the last note of a language
 * wins), also on unavailable stanzas. The gateway uses the tuple's notes only; so does this
 * translator with {@link Builder#noteFallback noteFallback(false)}. By default a tuple without
 * notes takes the first person's notes, and without those the document's notes, so that a status
 * text published on the person (as some clients do) reaches XMPP.
 *
 * <p>The sender's resource, in this order: a device-info id that is a UUID (with or without
 * {@code urn:uuid:}) gives {@code urn:uuid:<uuid>}, as the gateway does, so that the resource
 * names the SIP device (its GRUU instance); the md5 of the bare address (written for a stanza
 * without resource) gives the bare JID; a device-info id that is hex of UTF-8 (the gateway's own
 * encoding) gives the decoded text; another device-info id is used as is; without device-info,
 * a tuple id {@code SID-<hex>} or {@code ID-<hex>} gives the decoded hex, and any other tuple id
 * (invalid hex included) is used as is. A value that is no valid resource (too long) is replaced
 * by its MD5 in hex; a tuple without id gives the bare JID.
 *
 * <p>Immutable, stateless and thread-safe.
 */
public final class XmppPresenceTranslator {
    private static final XmppPresenceTranslator STANDARD = builder().build();

    private static final QName DELAY = new QName("urn:xmpp:delay", "delay");
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final String URN_UUID = "urn:uuid:";
    private static final Set<String> XA_ACTIVITIES = Set.of("holiday", "vacation", "permanent-absence");
    private static final Set<String> DND_ACTIVITIES = Set.of("busy", "on-the-phone", "meeting", "appointment",
            "performance", "presentation", "worship", "steering", "spectator");
    private static final Set<String> AWAY_ACTIVITIES = Set.of("travel", "in-transit", "sleeping", "breakfast",
            "dinner", "meal", "shopping", "looking-for-work");

    private final Clock clock;
    private final boolean noteFallback;
    private final boolean serviceCapabilities;

    private XmppPresenceTranslator(Builder b) {
        this.clock = b.clock;
        this.noteFallback = b.noteFallback;
        this.serviceCapabilities = b.serviceCapabilities;
    }

    /** The translator with the defaults: system UTC clock, note fallback on, service capabilities on. */
    public static XmppPresenceTranslator standard() {
        return STANDARD;
    }

    /** A builder with the defaults of {@link #standard()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** The clock that stamps stanzas translated without a receive time. */
    public Clock clock() {
        return clock;
    }

    /**
     * An availability stanza and when it was received. Immutable.
     *
     * @param presence   the stanza (available or unavailable, with a {@code from})
     * @param receivedAt when it arrived: the tuple timestamp unless the stanza carries a delay
     */
    public record Received(XmppPresence presence, Instant receivedAt) {
        public Received {
            Objects.requireNonNull(presence, "presence");
            Objects.requireNonNull(receivedAt, "receivedAt");
        }
    }

    /** The document for one stanza, received now. See {@link #toPidf(List)}. */
    public PresenceDocument toPidf(XmppPresence stanza) {
        return toPidf(List.of(new Received(stanza, clock.instant())));
    }

    /** The document for one stanza received at {@code receivedAt}. See {@link #toPidf(List)}. */
    public PresenceDocument toPidf(XmppPresence stanza, Instant receivedAt) {
        return toPidf(List.of(new Received(stanza, receivedAt)));
    }

    /**
     * One document for the stanzas of one bare JID, one tuple per stanza in the given order (see
     * the class description).
     *
     * @throws IllegalArgumentException if the list is empty, a stanza is not available or
     *                                  unavailable, has no {@code from}, or the bare JIDs differ
     */
    public PresenceDocument toPidf(List<Received> stanzas) {
        if (stanzas.isEmpty()) {
            throw new IllegalArgumentException("no stanza to translate");
        }
        Jid bare = null;
        for (Received r : stanzas) {
            XmppPresence p = r.presence();
            if (!p.isAvailability()) {
                throw new IllegalArgumentException("a presence of type " + p.type() + " carries no availability");
            }
            Jid from = p.from().orElseThrow(() -> new IllegalArgumentException("presence without from"));
            if (bare == null) {
                bare = from.bare();
            } else if (!bare.equals(from.bare())) {
                throw new IllegalArgumentException("stanzas of " + bare + " and " + from.bare() + " in one document");
            }
        }
        PresenceDocument.Builder doc = PresenceDocument.builder(bare.toSipUri());
        Set<String> activities = new LinkedHashSet<>();
        List<Tuple> tuples = new ArrayList<>(stanzas.size());
        for (Received r : stanzas) {
            tuples.add(tuple(r, bare, activities));
        }
        Person.Builder person = Person.builder(GatewayIds.personId(bare));
        if (!activities.isEmpty()) {
            person.extension(Activities.of(activities.toArray(String[]::new)));
        }
        doc.person(person.build());
        tuples.forEach(doc::tuple);
        return doc.build();
    }

    private Tuple tuple(Received r, Jid bare, Set<String> activities) {
        XmppPresence p = r.presence();
        Jid from = p.from().orElseThrow();
        Status.Builder status = Status.builder();
        if (p.type() == XmppPresence.Type.UNAVAILABLE) {
            status.basic(Basic.CLOSED).extension(ExtendedStatus.of(ExtendedStatus.Value.OFFLINE));
        } else {
            status.basic(Basic.OPEN);
            ExtendedStatus.Value v;
            switch (p.show()) {
                case AWAY, XA -> {
                    v = ExtendedStatus.Value.AWAY;
                    activities.add("away");
                }
                case DND -> {
                    v = ExtendedStatus.Value.BUSY;
                    activities.add("busy");
                }
                default -> v = ExtendedStatus.Value.AVAILABLE;
            }
            status.extension(ExtendedStatus.of(v));
        }
        String encoded = GatewayIds.encodedResource(from);
        Tuple.Builder t = Tuple.builder(GatewayIds.TUPLE_PREFIX + encoded).status(status.build());
        t.deviceId(encoded);
        t.extension(DeviceInfo.builder(encoded).description(from.resource()).build());
        if (serviceCapabilities) {
            t.extension(ServiceCapabilities.builder().text(true).message(true).build());
        }
        t.contact(bare.toSipUri() + ";gr=" + encoded + ";xmpp");
        String inherited = p.lang().orElse(null);
        for (XmppPresence.StatusText s : p.statuses()) {
            t.note(Note.of(s.text(), s.lang() != null ? s.lang() : inherited));
        }
        t.timestamp(delay(p).orElse(r.receivedAt().truncatedTo(ChronoUnit.MILLIS)));
        return t.build();
    }

    private static Optional<Instant> delay(XmppPresence p) {
        for (ExtensionElement e : p.extras().children()) {
            if (e instanceof GenericElement g && g.qname().equals(DELAY)) {
                String stamp = g.attribute(new QName("stamp"));
                if (stamp != null) {
                    try {
                        return Optional.of(OffsetDateTime.parse(stamp.strip()).toInstant());
                    } catch (DateTimeParseException ignored) {
                        return Optional.empty();
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The stanzas for {@code document}, sent as {@code from} (the presentity; its resource is
     * replaced per tuple) to {@code to}: one per tuple, in document order (see the class
     * description).
     */
    public List<XmppPresence> toXmpp(PresenceDocument document, Jid from, Jid to) {
        Objects.requireNonNull(document, "document");
        Jid bare = from.bare();
        Optional<Person> person = document.person();
        List<XmppPresence> out = new ArrayList<>(document.tuples().size());
        for (Tuple t : document.tuples()) {
            XmppPresence.Builder b = XmppPresence.builder().from(bare.withResource(resource(t, bare))).to(to);
            Optional<ExtendedStatus> ext = t.status().extension(ExtendedStatus.class);
            boolean available = ext.map(e -> e.value() != ExtendedStatus.Value.OFFLINE)
                    .orElse(t.basic().orElse(null) == Basic.OPEN);
            if (!available) {
                b.type(XmppPresence.Type.UNAVAILABLE);
            } else if (ext.isPresent()) {
                b.show(switch (ext.get().value()) {
                    case AWAY -> XmppPresence.Show.AWAY;
                    case BUSY -> XmppPresence.Show.DND;
                    default -> XmppPresence.Show.NONE;
                });
            } else {
                b.show(person.flatMap(p -> p.extension(Activities.class)).map(XmppPresenceTranslator::show)
                        .orElse(XmppPresence.Show.NONE));
            }
            for (Note n : notes(t, person, document)) {
                b.status(n.text(), n.lang());
            }
            out.add(b.build());
        }
        return out;
    }

    /**
     * As {@link #toXmpp(PresenceDocument, Jid, Jid)} with the sender taken from the document's
     * {@code sip:} or {@code sips:} entity ({@link Jid#fromSipUri}).
     *
     * @throws IllegalArgumentException if the entity is missing or not a SIP URI
     */
    public List<XmppPresence> toXmpp(PresenceDocument document, Jid to) {
        if (document.entity() == null) {
            throw new IllegalArgumentException("document without entity");
        }
        return toXmpp(document, Jid.fromSipUri(document.entity()), to);
    }

    private List<Note> notes(Tuple t, Optional<Person> person, PresenceDocument d) {
        if (!t.notes().isEmpty() || !noteFallback) {
            return t.notes();
        }
        List<Note> personNotes = person.map(Person::notes).orElse(List.of());
        return personNotes.isEmpty() ? d.notes() : personNotes;
    }

    private static XmppPresence.Show show(Activities a) {
        List<String> tokens = a.tokens();
        if (tokens.contains("away")) {
            return XmppPresence.Show.AWAY;
        }
        if (tokens.stream().anyMatch(XA_ACTIVITIES::contains)) {
            return XmppPresence.Show.XA;
        }
        if (tokens.stream().anyMatch(DND_ACTIVITIES::contains)) {
            return XmppPresence.Show.DND;
        }
        if (tokens.stream().anyMatch(AWAY_ACTIVITIES::contains)) {
            return XmppPresence.Show.AWAY;
        }
        return XmppPresence.Show.NONE;
    }

    /** The sender resource for tuple {@code t} of {@code bare}'s document (null: the bare JID). */
    static String resource(Tuple t, Jid bare) {
        String md5 = GatewayIds.md5(bare);
        Optional<DeviceInfo> info = t.extension(DeviceInfo.class);
        String candidate;
        if (info.isPresent()) {
            String id = info.get().id().strip();
            String uuid = id.regionMatches(true, 0, URN_UUID, 0, URN_UUID.length())
                    ? id.substring(URN_UUID.length()) : id;
            if (UUID.matcher(uuid).matches()) {
                candidate = URN_UUID + uuid;
            } else if (id.equals(md5)) {
                return null;
            } else {
                candidate = GatewayIds.decodeResource(id).orElse(id);
            }
        } else if (t.id() == null) {
            return null;
        } else {
            Optional<String> encoded = GatewayIds.encodedPart(t.id());
            if (encoded.isPresent() && encoded.get().equals(md5)) {
                return null;
            }
            candidate = encoded.flatMap(GatewayIds::decodeResource).orElse(t.id());
        }
        try {
            return bare.withResource(candidate).resource();
        } catch (IllegalArgumentException e) {
            return GatewayIds.md5(candidate);
        }
    }


    /** Builds an {@link XmppPresenceTranslator}. Not thread-safe. */
    public static final class Builder {
        private Clock clock = Clock.systemUTC();
        private boolean noteFallback = true;
        private boolean serviceCapabilities = true;

        private Builder() {
        }

        /** The clock that stamps stanzas translated without a receive time (system UTC by default). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Whether a tuple without notes takes the person's, then the document's notes (true, the
         * default) or, as the gateway, sends no status (false).
         */
        public Builder noteFallback(boolean noteFallback) {
            this.noteFallback = noteFallback;
            return this;
        }

        /** Whether translated tuples carry {@code caps:servcaps} with text and message (true, as the gateway). */
        public Builder serviceCapabilities(boolean serviceCapabilities) {
            this.serviceCapabilities = serviceCapabilities;
            return this;
        }

        public XmppPresenceTranslator build() {
            return new XmppPresenceTranslator(this);
        }
    }
}
