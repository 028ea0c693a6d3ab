package io.presencekit.pidf.rpid;

import io.presencekit.xml.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An image that shows the current status of the person or service: {@code rpid:status-icon}
 * (RFC 4480, section 3.11), given as a URI the watcher fetches. Immutable and thread-safe.
 * Equality compares {@code from} and {@code until} as instants.
 */
public final class StatusIcon extends RpidElement {
    /** {@code rpid:status-icon}. */
    public static final QName QNAME = Rpid.name("status-icon");

    private final String uri;
    private final Map<QName, String> attributes;

    private StatusIcon(Builder b) {
        super(b);
        if (b.uri == null) {
            throw new IllegalArgumentException("status-icon needs a URI");
        }
        this.uri = b.uri;
        this.attributes = Values.copy(b.attributes, "attributes");
    }

    /** A builder for an icon at {@code uri}. */
    public static Builder builder(String uri) {
        return new Builder().uri(uri);
    }

    /** The icon at {@code uri}. */
    public static StatusIcon of(String uri) {
        return builder(uri).build();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The icon's URI, as written (leading and trailing whitespace removed). */
    public String uri() {
        return uri;
    }

    /** Attributes outside the schema, kept for the round trip. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusIcon s && uri.equals(s.uri) && sameTimes(s) && attributes.equals(s.attributes);
    }

    @Override
    public int hashCode() {
        // the value Objects.hash(uri, id, from, until, attributes) gives
        return Rpid.hash(hashTimes(Rpid.hash(1, uri)), attributes);
    }

    @Override
    public String toString() {
        return "StatusIcon[" + uri + timesFields() + Rpid.field("attributes", attributes.isEmpty() ? null : attributes)
                + "]";
    }

    /** Builds a {@link StatusIcon}. Not thread-safe. */
    public static final class Builder extends RpidElement.Builder<Builder> {
        private String uri;
        private Map<QName, String> attributes;

        private Builder() {
        }

        private Builder(StatusIcon s) {
            super(s);
            uri = s.uri;
            attributes = s.attributes.isEmpty() ? null : new LinkedHashMap<>(s.attributes);
        }

        /**
         * Sets the icon's URI.
         *
         * @throws IllegalArgumentException if {@code uri} is blank
         */
        public Builder uri(String uri) {
            String u = Objects.requireNonNull(uri, "uri").strip();
            if (u.isEmpty()) {
                throw new IllegalArgumentException("blank status-icon URI");
            }
            this.uri = u;
            return this;
        }

        /** Adds an attribute outside the schema. */
        public Builder attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds attributes outside the schema. */
        public Builder attributes(Map<QName, String> attributes) {
            attributes.forEach(this::attribute);
            return this;
        }

        public StatusIcon build() {
            return new StatusIcon(this);
        }
    }
}
