package io.presencekit.pidf;

import java.util.Objects;

/**
 * A device of the presentity (RFC 4479, section 3.2; {@code dm:device}) with its
 * {@code dm:deviceID}. Immutable.
 */
public final class Device extends PresenceComponent {
    private final String deviceId;

    private Device(Builder b) {
        super(b);
        this.deviceId = b.deviceId;
    }

    /** A builder for a device with {@code id}. */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this device. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The {@code dm:deviceID} (required by the schema; null only for lenient input). */
    public String deviceId() {
        return deviceId;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Device d && sameBase(d) && Objects.equals(deviceId, d.deviceId);
    }

    @Override
    public int hashCode() {
        return 31 * baseHash() + Objects.hashCode(deviceId);
    }

    @Override
    public String toString() {
        return "Device[" + baseToString() + ", deviceId=" + deviceId + "]";
    }

    /** Builds a {@link Device}. Not thread-safe. */
    public static final class Builder extends PresenceComponent.Builder<Builder> {
        private String deviceId;

        private Builder(String id) {
            super(id);
        }

        private Builder(Device d) {
            super(d);
            this.deviceId = d.deviceId;
        }

        /** Sets the {@code dm:deviceID}, usually a {@code urn:uuid:} URN. */
        public Builder deviceId(String deviceId) {
            this.deviceId = deviceId;
            return this;
        }

        public Device build() {
            return new Device(this);
        }
    }
}
