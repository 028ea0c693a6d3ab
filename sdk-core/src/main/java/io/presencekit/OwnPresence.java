package io.presencekit;

import io.presencekit.pidf.Note;
import io.presencekit.pidf.caps.ServiceCapabilities;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the user publishes about themself on this device; {@link PresenceClient#setPresence}
 * turns it into one PIDF document (RFC 3863) with the RFC 4479 data model:
 *
 * <ul>
 * <li>one tuple ({@code SID-<instance uuid>}, see {@link io.presencekit.sip.PresenceIds}) with
 * basic {@code open} (or {@code closed} for {@link Availability#INVISIBLE}), the AG Projects
 * extended status ({@code agp-pidf:extended} available/away/busy/offline), the device info
 * ({@code agp-pidf:device-info} with description, user agent and time offset), the service
 * capabilities (RFC 5196 {@code caps:servcaps}), the device id (RFC 4479, section 3.4.1), a
 * timestamp and RPID {@code user-input} (RFC 4480, section 3.8: {@code idle} with
 * {@code last-input} when {@link #idleSince()} is set, else {@code active});</li>
 * <li>one person ({@code PID-<md5 of user@domain>}, shared by the account's devices) with the
 * notes (RFC 3863, section 4.1.6, with {@code xml:lang}), RPID activities (RFC 4480, section 3.2;
 * {@code away} or {@code busy} are added for {@link Availability#AWAY} and {@link Availability#BUSY}
 * when no activity is set, so that clients without the AG Projects extension see it too), the
 * CIPID homepage (RFC 4482, section 3.3), the location as CIPID {@code map} (RFC 4482, section
 * 3.5: free text such as "Amsterdam/NL", as Blink publishes and
 * {@link io.presencekit.pidf.ContactPresence#map()} reads; RPID {@code place-is} describes
 * audio/video/text conditions at a place, not where it is, so it is not used), the RPID
 * {@code time-offset} (RFC 4480, section 3.10) and the status icon URL (CIPID {@code icon})
 * when one is stored;</li>
 * <li>one device ({@code DID-<instance uuid>}) carrying the instance URN.</li>
 * </ul>
 *
 * <p>{@link Availability#INVISIBLE} publishes the tuple {@code closed} with extended status
 * {@code offline} and a person without notes, activities or any other detail, as Blink does:
 * watchers see the user offline while every subscription of this client stays active.
 *
 * <p>Immutable and thread-safe; build with {@link #builder(Availability)}.
 */
public final class OwnPresence {
    /** The availability the user chooses. */
    public enum Availability {
        /** Open, extended status available. */
        AVAILABLE,
        /** Open, extended status away (and RPID activity {@code away} when none is set). */
        AWAY,
        /** Open, extended status busy (and RPID activity {@code busy} when none is set). */
        BUSY,
        /** Published as offline (closed, no details) while the client keeps watching. */
        INVISIBLE
    }

    /** Available, nothing else. */
    public static final OwnPresence AVAILABLE = builder(Availability.AVAILABLE).build();

    private final Availability availability;
    private final List<Note> notes;
    private final Set<String> activities;
    private final String homepage;
    private final String location;
    private final ZoneOffset timeOffset;
    private final Instant idleSince;
    private final String deviceDescription;
    private final String userAgent;
    private final ServiceCapabilities capabilities;

    private OwnPresence(Builder b) {
        this.availability = b.availability;
        this.notes = List.copyOf(b.notes);
        this.activities = Set.copyOf(new LinkedHashSet<>(b.activities));
        this.homepage = b.homepage;
        this.location = b.location;
        this.timeOffset = b.timeOffset;
        this.idleSince = b.idleSince;
        this.deviceDescription = b.deviceDescription;
        this.userAgent = b.userAgent;
        this.capabilities = b.capabilities;
    }

    /** A builder for {@code availability}. */
    public static Builder builder(Availability availability) {
        return new Builder(availability);
    }

    /** A builder holding this presence's values. */
    public Builder toBuilder() {
        Builder b = new Builder(availability);
        b.notes.addAll(notes);
        b.activities.addAll(activities);
        b.homepage = homepage;
        b.location = location;
        b.timeOffset = timeOffset;
        b.idleSince = idleSince;
        b.deviceDescription = deviceDescription;
        b.userAgent = userAgent;
        b.capabilities = capabilities;
        return b;
    }

    public Availability availability() {
        return availability;
    }

    /** The notes, one per language at most. */
    public List<Note> notes() {
        return notes;
    }

    /** RPID activity tokens (RFC 4480, section 3.2), e.g. {@code meeting}, {@code vacation}. */
    public Set<String> activities() {
        return activities;
    }

    /** The CIPID homepage URL. */
    public Optional<String> homepage() {
        return Optional.ofNullable(homepage);
    }

    /** Where the user is, as free text (published as CIPID {@code map}). */
    public Optional<String> location() {
        return Optional.ofNullable(location);
    }

    /** The user's offset from UTC (RPID {@code time-offset} and device info). */
    public Optional<ZoneOffset> timeOffset() {
        return Optional.ofNullable(timeOffset);
    }

    /** Since when the user has been idle (RPID {@code user-input} idle with {@code last-input}). */
    public Optional<Instant> idleSince() {
        return Optional.ofNullable(idleSince);
    }

    /** The device description (e.g. the host name) in {@code agp-pidf:device-info}. */
    public Optional<String> deviceDescription() {
        return Optional.ofNullable(deviceDescription);
    }

    /** The user agent in {@code agp-pidf:device-info}; the account's User-Agent unless set. */
    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /** The service capabilities (RFC 5196), if announced. */
    public Optional<ServiceCapabilities> capabilities() {
        return Optional.ofNullable(capabilities);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof OwnPresence p && availability == p.availability && notes.equals(p.notes)
                && activities.equals(p.activities) && Objects.equals(homepage, p.homepage)
                && Objects.equals(location, p.location) && Objects.equals(timeOffset, p.timeOffset)
                && Objects.equals(idleSince, p.idleSince) && Objects.equals(deviceDescription, p.deviceDescription)
                && Objects.equals(userAgent, p.userAgent) && Objects.equals(capabilities, p.capabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(availability, notes, activities, homepage, location, timeOffset, idleSince,
                deviceDescription, userAgent, capabilities);
    }

    @Override
    public String toString() {
        return "OwnPresence[" + availability + (notes.isEmpty() ? "" : ", notes=" + notes)
                + (activities.isEmpty() ? "" : ", activities=" + activities)
                + (idleSince == null ? "" : ", idle since " + idleSince) + "]";
    }

    /** Builds an {@link OwnPresence}. Not thread-safe. */
    public static final class Builder {
        private Availability availability;
        private final List<Note> notes = new ArrayList<>();
        private final Set<String> activities = new LinkedHashSet<>();
        private String homepage;
        private String location;
        private ZoneOffset timeOffset;
        private Instant idleSince;
        private String deviceDescription;
        private String userAgent;
        private ServiceCapabilities capabilities;

        private Builder(Availability availability) {
            availability(availability);
        }

        public Builder availability(Availability availability) {
            this.availability = Objects.requireNonNull(availability, "availability");
            return this;
        }

        /** Adds a note without language. */
        public Builder note(String text) {
            return note(Note.of(text));
        }

        /** Adds a note in {@code lang} (e.g. "en", "pt-BR"). */
        public Builder note(String text, String lang) {
            return note(Note.of(text, lang));
        }

        /** Adds a note, replacing one already set for the same language. */
        public Builder note(Note note) {
            Objects.requireNonNull(note, "note");
            if (note.text().isBlank()) {
                throw new IllegalArgumentException("empty note");
            }
            notes.removeIf(n -> Objects.equals(n.lang(), note.lang()));
            notes.add(note);
            return this;
        }

        public Builder clearNotes() {
            notes.clear();
            return this;
        }

        /** Adds an RPID activity token (RFC 4480, section 3.2). */
        public Builder activity(String token) {
            Objects.requireNonNull(token, "token");
            if (!token.matches("[A-Za-z][A-Za-z0-9-]*")) {
                throw new IllegalArgumentException("not an activity token: " + token);
            }
            activities.add(token);
            return this;
        }

        public Builder clearActivities() {
            activities.clear();
            return this;
        }

        /** The homepage URL; null for none. */
        public Builder homepage(String url) {
            this.homepage = blankToNull(url);
            return this;
        }

        /** Where the user is, as free text; null for none. */
        public Builder location(String location) {
            this.location = blankToNull(location);
            return this;
        }

        /** The offset from UTC; null for none. */
        public Builder timeOffset(ZoneOffset offset) {
            this.timeOffset = offset;
            return this;
        }

        /** Idle since {@code since}; null when the user is active. */
        public Builder idleSince(Instant since) {
            this.idleSince = since;
            return this;
        }

        /** The device description; null for none. */
        public Builder deviceDescription(String description) {
            this.deviceDescription = blankToNull(description);
            return this;
        }

        /** The user agent; null for the account's. */
        public Builder userAgent(String userAgent) {
            this.userAgent = blankToNull(userAgent);
            return this;
        }

        /** The service capabilities; null for none. */
        public Builder capabilities(ServiceCapabilities capabilities) {
            this.capabilities = capabilities;
            return this;
        }

        public OwnPresence build() {
            return new OwnPresence(this);
        }

        private static String blankToNull(String s) {
            return s == null || s.isBlank() ? null : s;
        }
    }
}
