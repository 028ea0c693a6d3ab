package io.presencekit.pidf.caps;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.Values;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * {@code caps:devcaps} inside a {@code dm:device}: localized descriptions and whether the device is
 * fixed or mobile (RFC 5196, section 3.3), plus attributes and elements of other namespaces, kept
 * for the round trip.
 *
 * <p>Immutable; build with {@link #builder()}.
 */
public final class DeviceCapabilities implements ExtensionElement {
    /** {@code caps:devcaps}. */
    public static final QName QNAME = new QName(Namespaces.CAPS, "devcaps", "caps");

    private final List<Description> descriptions;
    private final Support<String> mobility;
    private final Extras extras;

    private DeviceCapabilities(Builder b) {
        this.descriptions = List.copyOf(b.descriptions);
        this.mobility = b.mobility;
        this.extras = Extras.of(b.attributes == null ? Map.of() : b.attributes, b.children);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these capabilities. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.descriptions.addAll(descriptions);
        b.mobility = mobility;
        b.attributes = extras.attributes().isEmpty() ? null : new LinkedHashMap<>(extras.attributes());
        b.children = new ArrayList<>(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The localized descriptions, in document order. */
    public List<Description> descriptions() {
        return descriptions;
    }

    /** {@code caps:mobility}: fixed, mobile. */
    public Optional<Support<String>> mobility() {
        return Optional.ofNullable(mobility);
    }

    /** Attributes, and child elements of other namespaces (or unreadable ones), kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DeviceCapabilities d && descriptions.equals(d.descriptions)
                && Objects.equals(mobility, d.mobility) && extras.equals(d.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(descriptions, mobility, extras);
    }

    @Override
    public String toString() {
        return "DeviceCapabilities[descriptions=" + descriptions + ", mobility="
                + (mobility == null ? null : mobility.supported() + "/" + mobility.notSupported())
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds {@link DeviceCapabilities}. Not thread-safe. */
    public static final class Builder {
        private final List<Description> descriptions = new ArrayList<>();
        private Support<String> mobility;
        private Map<QName, String> attributes;
        private List<ExtensionElement> children;

        private Builder() {
        }

        /** Appends a description. */
        public Builder description(Description description) {
            descriptions.add(Objects.requireNonNull(description, "description"));
            return this;
        }

        /** Appends a description in language {@code lang} (null for none). */
        public Builder description(String text, String lang) {
            return description(new Description(text, lang));
        }

        /** Sets {@code caps:mobility} (names: fixed, mobile); null removes it. */
        public Builder mobility(Support<String> mobility) {
            if (mobility != null) {
                Vocabulary.MOBILITY.check(mobility);
            }
            this.mobility = mobility;
            return this;
        }

        /** Adds an attribute to {@code devcaps} (the schema allows any). */
        public Builder attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends a child element of another namespace, written after the capabilities. */
        public Builder extra(ExtensionElement child) {
            children = Values.add(children, Objects.requireNonNull(child, "child"));
            return this;
        }

        public DeviceCapabilities build() {
            return new DeviceCapabilities(this);
        }
    }
}
