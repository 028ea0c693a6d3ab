package io.presencekit.internal;

import io.presencekit.OwnPresence;
import io.presencekit.OwnPresence.Availability;
import io.presencekit.pidf.Basic;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.Device;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.agp.DeviceInfo;
import io.presencekit.pidf.agp.ExtendedStatus;
import io.presencekit.pidf.cipid.Homepage;
import io.presencekit.pidf.cipid.Icon;
import io.presencekit.pidf.cipid.MapLocation;
import io.presencekit.pidf.rpid.Activities;
import io.presencekit.pidf.rpid.TimeOffset;
import io.presencekit.pidf.rpid.UserInput;
import io.presencekit.sip.PresenceIds;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns an {@link OwnPresence} into the account's PIDF document (see {@link OwnPresence} for the
 * layout), builds the offline status document (RFC 4827) and tells the own device's tuples from
 * those of the account's other devices. Stateless; thread-safe.
 */
public final class OwnPresenceDocuments {
    private final String aor;
    private final PresenceIds ids;
    private final String defaultUserAgent;

    public OwnPresenceDocuments(String aor, PresenceIds ids, String defaultUserAgent) {
        this.aor = Objects.requireNonNull(aor, "aor");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.defaultUserAgent = defaultUserAgent;
    }

    public PresenceIds ids() {
        return ids;
    }

    /** The document for {@code presence} at {@code now}; {@code iconUrl} may be null. */
    public PresenceDocument document(OwnPresence presence, String iconUrl, Instant now) {
        boolean invisible = presence.availability() == Availability.INVISIBLE;
        Status status = Status.builder().basic(invisible ? Basic.CLOSED : Basic.OPEN)
                .extension(ExtendedStatus.of(extended(presence.availability()))).build();
        Tuple.Builder tuple = Tuple.builder(ids.tupleId()).status(status).contact(aor).deviceId(ids.deviceUrn())
                .timestamp(now);
        Person.Builder person = Person.builder(ids.personId()).timestamp(now);
        if (!invisible) {
            DeviceInfo.Builder info = DeviceInfo.builder(ids.instanceUuid());
            presence.deviceDescription().ifPresent(info::description);
            Optional<String> ua = presence.userAgent().or(() -> Optional.ofNullable(defaultUserAgent));
            ua.ifPresent(info::userAgent);
            presence.timeOffset().ifPresent(o -> info.timeOffset(o.getTotalSeconds() / 60));
            tuple.extension(info.build());
            presence.capabilities().ifPresent(tuple::extension);
            tuple.extension(presence.idleSince()
                    .map(since -> UserInput.builder(UserInput.State.IDLE).lastInput(since.atOffset(ZoneOffset.UTC))
                            .build())
                    .orElseGet(() -> UserInput.of(UserInput.State.ACTIVE)));
            List<String> activities = new ArrayList<>(presence.activities());
            if (activities.isEmpty() && presence.availability() == Availability.AWAY) {
                activities.add("away");
            } else if (activities.isEmpty() && presence.availability() == Availability.BUSY) {
                activities.add("busy");
            }
            if (!activities.isEmpty()) {
                person.extension(Activities.of(activities.toArray(String[]::new)));
            }
            for (Note n : presence.notes()) {
                person.note(n);
            }
            presence.homepage().ifPresent(h -> person.extension(Homepage.of(h)));
            presence.location().ifPresent(l -> person.extension(MapLocation.of(l)));
            presence.timeOffset().ifPresent(o -> person.extension(TimeOffset.of(o)));
            if (iconUrl != null) {
                person.extension(Icon.of(iconUrl));
            }
        }
        return PresenceDocument.builder(aor).tuple(tuple.build()).person(person.build())
                .device(Device.builder(ids.deviceId()).deviceId(ids.deviceUrn()).timestamp(now).build()).build();
    }

    /**
     * The offline status document (RFC 4827) that the server shows while no device publishes: the
     * account's offline tuple, closed with extended status offline, carrying {@code note}. No
     * person: servers merge this document with the devices' publications (Kamailio does), and a
     * person here would put the offline note next to an online device's state.
     */
    public PresenceDocument offlineDocument(Note note, Instant now) {
        Status status = Status.builder().basic(Basic.CLOSED).extension(ExtendedStatus.of(ExtendedStatus.Value.OFFLINE))
                .build();
        Tuple tuple = Tuple.builder(ids.offlineTupleId()).status(status).note(note).timestamp(now).build();
        return PresenceDocument.builder(aor).tuple(tuple).build();
    }

    /**
     * What the account's other devices publish, from a NOTIFY of the own AoR: the document
     * without this device's tuple, person and device and without the offline tuple; empty when nothing of another
     * device is left (our own echo, or only the offline status).
     */
    public Optional<PresenceDocument> fromOtherDevices(PresenceDocument document) {
        List<Tuple> others = document.tuples().stream()
                .filter(t -> !t.id().equals(ids.tupleId()) && !t.id().equals(ids.offlineTupleId())).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        // The person id is the same on every device; the server keeps one person per publication.
        // Ours carries the timestamp of our tuple (both are written with the same instant).
        Optional<java.time.OffsetDateTime> ownStamp = document.tuple(ids.tupleId()).flatMap(Tuple::timestamp);
        PresenceDocument.Builder b = document.toBuilder().clearTuples().clearDevices().clearPersons();
        others.forEach(b::tuple);
        document.persons().stream().filter(p -> ownStamp.isEmpty() || !p.timestamp().equals(ownStamp))
                .forEach(b::person);
        document.devices().stream().filter(d -> !d.id().equals(ids.deviceId())).forEach(b::device);
        return Optional.of(b.build());
    }

    /** The own presence of the other devices as a contact list would show it. */
    public ContactPresence view(PresenceDocument others) {
        return ContactPresence.of(aor, others);
    }

    private static ExtendedStatus.Value extended(Availability a) {
        return switch (a) {
            case AVAILABLE -> ExtendedStatus.Value.AVAILABLE;
            case AWAY -> ExtendedStatus.Value.AWAY;
            case BUSY -> ExtendedStatus.Value.BUSY;
            case INVISIBLE -> ExtendedStatus.Value.OFFLINE;
        };
    }
}
