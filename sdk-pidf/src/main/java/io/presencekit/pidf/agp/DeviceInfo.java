package io.presencekit.pidf.agp;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.Values;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.namespace.QName;

/**
 * {@code agp-pidf:device-info} inside a tuple: which device publishes the service (Blink uses its
 * instance UUID as {@code id}), a description such as the host name, the user agent and the
 * device's offset from UTC in minutes. AG Projects extension to the tuple (RFC 3863, section 4.1.2;
 * extensibility in section 4.2.4). Written as:
 *
 * <pre>{@code
 * <agp-pidf:device-info id="...">
 *   <agp-pidf:description>host</agp-pidf:description>
 *   <agp-pidf:user-agent>Blink 6.0.0 (Linux)</agp-pidf:user-agent>
 *   <agp-pidf:time-offset description="Europe/Amsterdam">120</agp-pidf:time-offset>
 * </agp-pidf:device-info>
 * }</pre>
 *
 * <p>Immutable; build with {@link #builder(String)}.
 */
public final class DeviceInfo implements ExtensionElement {
    /** {@code agp-pidf:device-info}. */
    public static final QName QNAME = new QName(Namespaces.AGP_PIDF, "device-info", "agp-pidf");

    /** Offsets are refused from a whole day on: no time zone is that far from UTC. */
    static final int MAX_OFFSET_MINUTES = 24 * 60 - 1;

    private final String id;
    private final String description;
    private final String userAgent;
    private final Integer timeOffset;
    private final String timeOffsetDescription;
    private final Extras extras;

    private DeviceInfo(Builder b) {
        this.id = b.id;
        this.description = b.description;
        this.userAgent = b.userAgent;
        this.timeOffset = b.timeOffset;
        this.timeOffsetDescription = b.timeOffsetDescription;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for the device with identifier {@code id} (required; Blink uses its instance UUID). */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** A builder holding this device-info. */
    public Builder toBuilder() {
        Builder b = new Builder(id);
        b.description = description;
        b.userAgent = userAgent;
        b.timeOffset = timeOffset;
        b.timeOffsetDescription = timeOffsetDescription;
        b.attributes = extras.attributes().isEmpty() ? null : new LinkedHashMap<>(extras.attributes());
        b.children = new ArrayList<>(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The {@code id} attribute. */
    public String id() {
        return id;
    }

    /** The {@code description} child (Blink: the host name), if any. */
    public Optional<String> description() {
        return Optional.ofNullable(description);
    }

    /** The {@code user-agent} child, if any. */
    public Optional<String> userAgent() {
        return Optional.ofNullable(userAgent);
    }

    /** The {@code time-offset} child: minutes east of UTC, if any. */
    public OptionalInt timeOffsetMinutes() {
        return timeOffset == null ? OptionalInt.empty() : OptionalInt.of(timeOffset);
    }

    /** The {@code description} attribute of {@code time-offset} (for example a zone name), if any. */
    public Optional<String> timeOffsetDescription() {
        return Optional.ofNullable(timeOffsetDescription);
    }

    /** Attributes other than {@code id}, and child elements other than the three above, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceInfo d && id.equals(d.id) && Objects.equals(description, d.description)
                && Objects.equals(userAgent, d.userAgent) && Objects.equals(timeOffset, d.timeOffset)
                && Objects.equals(timeOffsetDescription, d.timeOffsetDescription) && extras.equals(d.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, description, userAgent, timeOffset, timeOffsetDescription, extras);
    }

    @Override
    public String toString() {
        return "DeviceInfo[id=" + id + ", description=" + description + ", userAgent=" + userAgent
                + ", timeOffset=" + timeOffset + (timeOffsetDescription == null ? "" : " (" + timeOffsetDescription + ")")
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds a {@link DeviceInfo}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String description;
        private String userAgent;
        private Integer timeOffset;
        private String timeOffsetDescription;
        private Map<QName, String> attributes;
        private List<ExtensionElement> children;

        private Builder(String id) {
            id(id);
        }

        /** Sets the device identifier (not blank). */
        public Builder id(String id) {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("device-info id must not be blank");
            }
            this.id = id;
            return this;
        }

        /** Sets the description (Blink: the host name); null removes it. */
        public Builder description(String description) {
            this.description = description;
            return this;
        }

        /** Sets the user agent; null removes it. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** Sets the offset from UTC in minutes (east positive), without description. */
        public Builder timeOffset(int minutes) {
            return timeOffset(minutes, null);
        }

        /**
         * Sets the offset from UTC in minutes (east positive) and its description (for example the
         * zone name; null for none).
         *
         * @throws IllegalArgumentException when the offset is a day or more
         */
        public Builder timeOffset(int minutes, String description) {
            if (Math.abs(minutes) > MAX_OFFSET_MINUTES) {
                throw new IllegalArgumentException("time offset of " + minutes + " minutes is a day or more");
            }
            this.timeOffset = minutes;
            this.timeOffsetDescription = description;
            return this;
        }

        /** Sets the offset from UTC (whole minutes) and its description (null for none). */
        public Builder timeOffset(ZoneOffset offset, String description) {
            return timeOffset(offset.getTotalSeconds() / 60, description);
        }

        /** Removes the time offset and its description. */
        public Builder clearTimeOffset() {
            this.timeOffset = null;
            this.timeOffsetDescription = null;
            return this;
        }

        /** Adds an attribute other than {@code id}. */
        public Builder attribute(QName name, String value) {
            Objects.requireNonNull(name, "name");
            if (name.getNamespaceURI().isEmpty() && "id".equals(name.getLocalPart())) {
                throw new IllegalArgumentException("set the id with id(String)");
            }
            attributes = Values.put(attributes, name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends a child element other than description, user-agent and time-offset. */
        public Builder extra(ExtensionElement child) {
            children = Values.add(children, Objects.requireNonNull(child, "child"));
            return this;
        }

        public DeviceInfo build() {
            return new DeviceInfo(this);
        }
    }
}
