package io.presencekit.pidf;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The status of a tuple: {@code basic} plus status extensions such as the AG Projects extended
 * status (RFC 3863, section 4.1.4; extensibility in section 4.2.4). Immutable.
 */
public final class Status implements Extensible {
    private static final Status EMPTY = builder().build();

    private final Basic basic;
    private final List<ExtensionElement> extensions;
    private final Map<QName, String> attributes;

    private Status(Builder b) {
        this.basic = b.basic;
        this.extensions = Values.copy(b.extensions);
        this.attributes = Values.copy(b.attributes, "attributes");
    }

    /** A status with only {@code basic}. */
    public static Status of(Basic basic) {
        return builder().basic(basic).build();
    }

    /** A status with nothing in it (legal in PIDF, though not useful). */
    public static Status empty() {
        return EMPTY;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this status. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.basic = basic;
        b.extensions = new ArrayList<>(extensions);
        b.attributes = new LinkedHashMap<>(attributes);
        return b;
    }

    /** The basic status, if present. */
    public Optional<Basic> basic() {
        return Optional.ofNullable(basic);
    }

    @Override
    public List<ExtensionElement> extensions() {
        return extensions;
    }

    /** Extra attributes, kept for the round trip. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Status s && basic == s.basic && extensions.equals(s.extensions)
                && attributes.equals(s.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(basic, extensions, attributes);
    }

    @Override
    public String toString() {
        return "Status[basic=" + basic + ", extensions=" + extensions + "]";
    }

    /** Builds a {@link Status}. Not thread-safe. */
    public static final class Builder {
        private Basic basic;
        private List<ExtensionElement> extensions;
        private Map<QName, String> attributes;

        private Builder() {
        }

        /** Sets the basic status; null removes it. */
        public Builder basic(Basic basic) {
            this.basic = basic;
            return this;
        }

        /** Appends a status extension. */
        public Builder extension(ExtensionElement e) {
            extensions = Values.add(extensions, Objects.requireNonNull(e, "extension"));
            return this;
        }

        /** Replaces the extensions of {@code e}'s class with {@code e}. */
        public Builder replaceExtension(ExtensionElement e) {
            extensions = Values.mutable(extensions);
            if (extensions != null) {
                extensions.removeIf(e.getClass()::isInstance);
            }
            return extension(e);
        }

        /** Adds an extra attribute. */
        public Builder attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Status build() {
            return new Status(this);
        }
    }
}
