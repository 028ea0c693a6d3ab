package io.presencekit.pidf;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A tuple: one service of the presentity (RFC 3863, section 4.1.2; RFC 4479, section 3.1) with
 * its status, contact, notes, timestamp and extensions (capabilities, device-info, RPID, CIPID,
 * {@code dm:deviceID}...). Immutable.
 */
public final class Tuple extends PresenceComponent {
    private final Status status;
    private final Contact contact;

    private Tuple(Builder b) {
        super(b);
        this.status = b.status;
        this.contact = b.contact;
    }

    /** A builder for a tuple with {@code id} (required by the schema; null only for lenient input). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this tuple. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The status; {@link Status#empty()} when the document had none. */
    public Status status() {
        return status;
    }

    /** The basic status, if present. */
    public Optional<Basic> basic() {
        return status.basic();
    }

    /** The contact address, if any. */
    public Optional<Contact> contact() {
        return Optional.ofNullable(contact);
    }

    /** The {@code dm:deviceID} values naming the devices this service runs on. */
    public List<String> deviceIds() {
        return extensions(DeviceId.class).stream().map(DeviceId::value).toList();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Tuple t && sameBase(t) && status.equals(t.status) && Objects.equals(contact, t.contact);
    }

    @Override
    public int hashCode() {
        return 31 * baseHash() + Objects.hash(status, contact);
    }

    @Override
    public String toString() {
        return "Tuple[" + baseToString() + ", status=" + status + ", contact=" + contact + "]";
    }

    /** Builds a {@link Tuple}. Not thread-safe. */
    public static final class Builder extends PresenceComponent.Builder<Builder> {
        private Status status = Status.empty();
        private Contact contact;

        private Builder(String id) {
            super(id);
        }

        private Builder(Tuple t) {
            super(t);
            this.status = t.status;
            this.contact = t.contact;
        }

        /** Sets the status. */
        public Builder status(Status status) {
            this.status = Objects.requireNonNull(status, "status");
            return this;
        }

        /** Sets the status to just {@code basic}, keeping the status extensions. */
        public Builder basic(Basic basic) {
            this.status = status.toBuilder().basic(basic).build();
            return this;
        }

        /** Sets the contact; null removes it. */
        public Builder contact(Contact contact) {
            this.contact = contact;
            return this;
        }

        /** Sets the contact URI without priority. */
        public Builder contact(String uri) {
            return contact(Contact.of(uri));
        }

        /** Appends a {@code dm:deviceID}. */
        public Builder deviceId(String deviceId) {
            return extension(new DeviceId(deviceId));
        }

        public Tuple build() {
            return new Tuple(this);
        }
    }
}
