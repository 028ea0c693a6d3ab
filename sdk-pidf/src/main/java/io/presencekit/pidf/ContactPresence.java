package io.presencekit.pidf;

import io.presencekit.pidf.agp.DeviceInfo;
import io.presencekit.pidf.agp.ExtendedStatus;
import io.presencekit.pidf.caps.ServiceCapabilities;
import io.presencekit.pidf.cipid.DisplayName;
import io.presencekit.pidf.cipid.Homepage;
import io.presencekit.pidf.cipid.Icon;
import io.presencekit.pidf.cipid.MapLocation;
import io.presencekit.pidf.rpid.Activities;
import io.presencekit.pidf.rpid.StatusIcon;
import io.presencekit.pidf.rpid.UserInput;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The aggregated presence of one presentity, built from one or more PIDF documents (for example
 * the NOTIFY body of each device plus the offline status a server merges in from
 * pidf-manipulation, RFC 4827). This is what a contact list shows; the raw documents stay
 * reachable through {@link #documents()}.
 *
 * <p>Services (tuples) are ranked: open before closed; then, among open ones, by extended status,
 * busy before available before away (the order Blink uses: a busy device means the person is
 * busy), and among closed ones an explicit extended {@code offline} (an offline status such as
 * the one a server merges in from pidf-manipulation) before the others; then basic {@code open}
 * before {@code closed}; then the newer timestamp. A closed or offline tuple therefore never
 * outranks an open one, and its note shows only when nothing is open.
 *
 * <p>A tuple is open when its basic status (RFC 3863, section 4.1.4) is not {@code closed} and its
 * AG Projects extended status, if any, is not {@code offline}; without either, it is closed. A
 * basic {@code closed} wins over a stale extended status: servers keep the last extended status
 * of a device whose publication was removed (Kamailio sends the device's tuple with basic
 * {@code closed} and its extended status kept), and Blink, which looks at the extended status
 * first, would still show such a contact as away or busy.
 *
 * <p>Immutable and thread-safe.
 */
public final class ContactPresence {
    /** RPID activities (RFC 4480, section 3.2) that mean the person is away. */
    static final Set<String> AWAY_ACTIVITIES = Set.of("away", "vacation", "holiday", "permanent-absence", "travel",
            "in-transit", "sleeping", "breakfast", "dinner", "meal", "shopping", "looking-for-work");
    /** RPID activities that mean the person is busy. */
    static final Set<String> BUSY_ACTIVITIES = Set.of("busy", "on-the-phone", "meeting", "appointment", "performance",
            "presentation", "worship", "steering", "spectator");

    private final String uri;
    private final List<PresenceDocument> documents;
    private final List<Service> services;
    private final Person person;
    private final SummaryStatus summary;

    private ContactPresence(String uri, List<PresenceDocument> documents) {
        this.uri = uri;
        this.documents = List.copyOf(documents);
        List<Service> all = new ArrayList<>();
        Person newest = null;
        for (PresenceDocument d : this.documents) {
            for (Tuple t : d.tuples()) {
                all.add(new Service(t, d));
            }
            for (Person p : d.persons()) {
                if (newest == null || newer(p.timestamp(), newest.timestamp())) {
                    newest = p;
                }
            }
        }
        all.sort(RANKING);
        this.services = List.copyOf(all);
        this.person = newest;
        this.summary = computeSummary();
    }

    /** The presence of {@code uri} from {@code documents} (none gives {@link SummaryStatus#UNKNOWN}). */
    public static ContactPresence of(String uri, Collection<PresenceDocument> documents) {
        Objects.requireNonNull(uri, "uri");
        return new ContactPresence(uri, List.copyOf(documents));
    }

    /** The presence of {@code uri} from one document. */
    public static ContactPresence of(String uri, PresenceDocument document) {
        return of(uri, List.of(document));
    }

    /** A contact about which nothing is known yet. */
    public static ContactPresence unknown(String uri) {
        return of(uri, List.of());
    }

    /** The presentity URI. */
    public String uri() {
        return uri;
    }

    /** The documents this view was built from. */
    public List<PresenceDocument> documents() {
        return documents;
    }

    /** Every service (tuple) of every document, best first. */
    public List<Service> services() {
        return services;
    }

    /** The best service, if there is any tuple. */
    public Optional<Service> bestService() {
        return services.isEmpty() ? Optional.empty() : Optional.of(services.get(0));
    }

    /** Whether at least one service is open. */
    public boolean isOnline() {
        return !services.isEmpty() && services.get(0).isOpen();
    }

    /**
     * The summary status: offline when the best service is closed (see {@link Service#isOpen()});
     * else its AG Projects extended status when present; else the RPID activities of the person
     * and the best service (away, vacation, travel... give away; busy, on-the-phone, meeting...
     * give busy); else available. No document or no tuple gives unknown.
     */
    public SummaryStatus summary() {
        return summary;
    }

    private SummaryStatus computeSummary() {
        if (services.isEmpty()) {
            return SummaryStatus.UNKNOWN;
        }
        Service best = services.get(0);
        if (!best.isOpen()) {
            return SummaryStatus.OFFLINE;
        }
        Optional<ExtendedStatus.Value> ext = best.extendedStatus();
        if (ext.isPresent()) {
            switch (ext.get()) {
                case AVAILABLE:
                    return SummaryStatus.AVAILABLE;
                case AWAY:
                    return SummaryStatus.AWAY;
                case BUSY:
                    return SummaryStatus.BUSY;
                default:
                    return SummaryStatus.OFFLINE;
            }
        }
        Set<String> activities = activities();
        if (activities.stream().anyMatch(BUSY_ACTIVITIES::contains)) {
            return SummaryStatus.BUSY;
        }
        if (activities.stream().anyMatch(AWAY_ACTIVITIES::contains)) {
            return SummaryStatus.AWAY;
        }
        return SummaryStatus.AVAILABLE;
    }

    /** RPID activity tokens of the person and of the best service (RFC 4480, section 3.2), in order. */
    public Set<String> activities() {
        Set<String> out = new LinkedHashSet<>();
        if (person != null) {
            person.extensions(Activities.class).forEach(a -> out.addAll(a.tokens()));
        }
        bestService().ifPresent(s -> s.tuple().extensions(Activities.class).forEach(a -> out.addAll(a.tokens())));
        return out;
    }

    /**
     * Notes to show: those of open services (best first) and of the person; when nothing is
     * open, those of every service, the person and the documents.
     */
    public List<Note> notes() {
        List<Note> out = new ArrayList<>();
        boolean online = isOnline();
        for (Service s : services) {
            if (!online || s.isOpen()) {
                out.addAll(s.tuple().notes());
            }
        }
        if (person != null) {
            out.addAll(person.notes());
        }
        if (!online) {
            documents.forEach(d -> out.addAll(d.notes()));
        }
        return distinctByText(out);
    }

    /**
     * The note to show in {@code language} (for example "en" or "pt-BR"): an exact language
     * match, else the same primary language, else a note without language, else the first note.
     */
    public Optional<String> note(String language) {
        List<Note> notes = notes();
        if (notes.isEmpty()) {
            return Optional.empty();
        }
        String want = language == null ? "" : language.toLowerCase(Locale.ROOT);
        String primary = want.contains("-") ? want.substring(0, want.indexOf('-')) : want;
        Note prefix = null;
        Note neutral = null;
        for (Note n : notes) {
            String lang = n.lang() == null ? "" : n.lang().toLowerCase(Locale.ROOT);
            if (!want.isEmpty() && lang.equals(want)) {
                return Optional.of(n.text());
            }
            String p = lang.contains("-") ? lang.substring(0, lang.indexOf('-')) : lang;
            if (prefix == null && !primary.isEmpty() && p.equals(primary)) {
                prefix = n;
            }
            if (neutral == null && lang.isEmpty()) {
                neutral = n;
            }
        }
        Note pick = prefix != null ? prefix : neutral != null ? neutral : notes.get(0);
        return Optional.of(pick.text());
    }

    /** The first note, whatever its language. */
    public Optional<String> note() {
        return note(null);
    }

    /** The icon URL: CIPID icon of the person or best service, else an RPID status-icon. */
    public Optional<String> icon() {
        Optional<String> cipid = fromPersonThenBest(Icon.class).map(Icon::value);
        return cipid.isPresent() ? cipid : fromPersonThenBest(StatusIcon.class).map(StatusIcon::uri);
    }

    /** The CIPID homepage (RFC 4482, section 3.3). */
    public Optional<String> homepage() {
        return fromPersonThenBest(Homepage.class).map(Homepage::value);
    }

    /** The CIPID map (RFC 4482, section 3.5): a location such as Blink's "country/city". */
    public Optional<String> map() {
        return fromPersonThenBest(MapLocation.class).map(MapLocation::value);
    }

    /** The CIPID display name of the best service or the person. */
    public Optional<String> displayName() {
        Optional<DisplayName> fromService = bestService().flatMap(s -> s.tuple().extension(DisplayName.class));
        return (fromService.isPresent() ? fromService : fromPerson(DisplayName.class)).map(DisplayName::value);
    }

    /** Whether the person is idle: RPID user-input of the best service, else of the person. */
    public boolean isIdle() {
        return userInput().map(u -> u.state() == UserInput.State.IDLE).orElse(false);
    }

    /** The last input time the best service or the person reports. */
    public Optional<OffsetDateTime> lastInput() {
        return userInput().flatMap(UserInput::lastInput);
    }

    private Optional<UserInput> userInput() {
        Optional<UserInput> s = bestService().flatMap(x -> x.tuple().extension(UserInput.class));
        return s.isPresent() ? s : fromPerson(UserInput.class);
    }

    /** Capability names (RFC 5196 and AG Projects) supported by at least one open service. */
    public Set<String> capabilities() {
        Set<String> out = new LinkedHashSet<>();
        for (Service s : services) {
            if (s.isOpen()) {
                s.tuple().extension(ServiceCapabilities.class).ifPresent(c -> out.addAll(c.supported()));
            }
        }
        return out;
    }

    /** One entry per service, best first: the devices the contact is reachable on. */
    public List<DeviceView> devices() {
        List<DeviceView> out = new ArrayList<>(services.size());
        for (Service s : services) {
            out.add(new DeviceView(s));
        }
        return out;
    }

    private <T> Optional<T> fromPerson(Class<T> type) {
        return person == null ? Optional.empty() : person.extension(type);
    }

    private <T> Optional<T> fromPersonThenBest(Class<T> type) {
        Optional<T> p = fromPerson(type);
        return p.isPresent() ? p : bestService().flatMap(s -> s.tuple().extension(type));
    }

    private static List<Note> distinctByText(List<Note> notes) {
        List<Note> out = new ArrayList<>(notes.size());
        Set<String> seen = new LinkedHashSet<>();
        for (Note n : notes) {
            if (seen.add(n.lang() + "\u0000" + n.text())) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean newer(Optional<OffsetDateTime> a, Optional<OffsetDateTime> b) {
        return a.isPresent() && (b.isEmpty() || a.get().isAfter(b.get()));
    }

    private static final Comparator<Service> RANKING = Comparator
            .comparing((Service s) -> !s.isOpen())
            .thenComparing(s -> -s.rank())
            .thenComparing(s -> s.tuple().basic().orElse(Basic.CLOSED) != Basic.OPEN)
            .thenComparing((Service s) -> s.tuple().timestamp().map(OffsetDateTime::toInstant).orElse(null),
                    Comparator.nullsLast(Comparator.reverseOrder()));

    @Override
    public boolean equals(Object o) {
        return o instanceof ContactPresence c && uri.equals(c.uri) && documents.equals(c.documents);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, documents);
    }

    @Override
    public String toString() {
        return "ContactPresence[" + uri + " " + summary.token() + note().map(n -> " \"" + n + "\"").orElse("") + "]";
    }

    /** A tuple with the document it came from. Immutable. */
    public static final class Service {
        private final Tuple tuple;
        private final PresenceDocument document;

        Service(Tuple tuple, PresenceDocument document) {
            this.tuple = tuple;
            this.document = document;
        }

        /** The tuple. */
        public Tuple tuple() {
            return tuple;
        }

        /** The document the tuple came from. */
        public PresenceDocument document() {
            return document;
        }

        /** The AG Projects extended status, if present. */
        public Optional<ExtendedStatus.Value> extendedStatus() {
            return tuple.status().extension(ExtendedStatus.class).map(ExtendedStatus::value);
        }

        /**
         * Open: the basic status is not {@code closed} and the AG Projects extended status is not
         * {@code offline}, and at least one of them is present. A basic {@code closed} next to an
         * extended {@code available}, {@code away} or {@code busy} is closed (a removed
         * publication whose last extended status the server kept).
         */
        public boolean isOpen() {
            Optional<Basic> basic = tuple.basic();
            Optional<ExtendedStatus.Value> ext = extendedStatus();
            if (basic.isPresent() && basic.get() == Basic.CLOSED) {
                return false;
            }
            if (ext.isPresent()) {
                return ext.get() != ExtendedStatus.Value.OFFLINE;
            }
            return basic.isPresent();
        }

        /** Rank among services of the same openness, higher first. */
        int rank() {
            Optional<ExtendedStatus.Value> ext = extendedStatus();
            if (!isOpen()) {
                // an explicit offline status explains why the contact is offline
                return ext.isPresent() && ext.get() == ExtendedStatus.Value.OFFLINE ? 1 : 0;
            }
            if (ext.isEmpty()) {
                return 3; // open without extended status counts as available
            }
            switch (ext.get()) {
                case BUSY:
                    return 4;
                case AVAILABLE:
                    return 3;
                case AWAY:
                    return 2;
                default:
                    return 0;
            }
        }

        @Override
        public String toString() {
            return "Service[" + tuple.id() + (isOpen() ? " open" : " closed") + "]";
        }
    }

    /**
     * What a contact list shows about one device: its service's status, contact and the AG
     * Projects device-info (description, user agent, time offset), idle state from RPID
     * user-input, and the note of a matching {@code dm:device}. Immutable.
     */
    public static final class DeviceView {
        private final Service service;

        DeviceView(Service service) {
            this.service = service;
        }

        /** The device-info id, else the first deviceID, else the tuple id. */
        public String id() {
            Optional<DeviceInfo> info = service.tuple().extension(DeviceInfo.class);
            if (info.isPresent()) {
                return info.get().id();
            }
            List<String> ids = service.tuple().deviceIds();
            return ids.isEmpty() ? service.tuple().id() : ids.get(0);
        }

        /** Whether the service is open. */
        public boolean isOnline() {
            return service.isOpen();
        }

        /** The status of this device alone, derived like {@link ContactPresence#summary()}. */
        public SummaryStatus status() {
            return ContactPresence.of("device", PresenceDocument.builder(service.document().entity())
                    .tuple(service.tuple()).build()).summary();
        }

        /** The device description (AG device-info, else a matching {@code dm:device} note). */
        public Optional<String> description() {
            Optional<String> d = service.tuple().extension(DeviceInfo.class).flatMap(DeviceInfo::description);
            if (d.isPresent()) {
                return d;
            }
            return matchingDevice().flatMap(dev -> dev.notes().stream().findFirst()).map(Note::text);
        }

        /** The user agent (AG device-info). */
        public Optional<String> userAgent() {
            return service.tuple().extension(DeviceInfo.class).flatMap(DeviceInfo::userAgent);
        }

        /** Minutes from UTC at the device (AG device-info time-offset). */
        public java.util.OptionalInt timeOffsetMinutes() {
            return service.tuple().extension(DeviceInfo.class).map(DeviceInfo::timeOffsetMinutes)
                    .orElse(java.util.OptionalInt.empty());
        }

        /** Whether the device reports idle user input (RPID user-input of the tuple or matching device). */
        public boolean isIdle() {
            return userInput().map(u -> u.state() == UserInput.State.IDLE).orElse(false);
        }

        /** The last input time, if reported. */
        public Optional<OffsetDateTime> lastInput() {
            return userInput().flatMap(UserInput::lastInput);
        }

        /** The contact URI of the service (a GRUU for Blink). */
        public Optional<String> contact() {
            return service.tuple().contact().map(Contact::uri);
        }

        /** The service behind this view. */
        public Service service() {
            return service;
        }

        private Optional<UserInput> userInput() {
            Optional<UserInput> u = service.tuple().extension(UserInput.class);
            return u.isPresent() ? u : matchingDevice().flatMap(d -> d.extension(UserInput.class));
        }

        private Optional<Device> matchingDevice() {
            List<String> ids = service.tuple().deviceIds();
            return service.document().devices().stream().filter(d -> d.deviceId() != null && ids.contains(d.deviceId()))
                    .findFirst();
        }

        @Override
        public String toString() {
            return "DeviceView[" + id() + " " + status().token() + "]";
        }
    }
}
