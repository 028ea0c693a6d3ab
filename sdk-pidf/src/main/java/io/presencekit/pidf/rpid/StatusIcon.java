package io.presencekit.pidf.rpid;

import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An image that shows the current status of the person or service: {@code rpid:status-icon}
 * (RFC 4480, section 3.11), given as a URI the watcher fetches. Immutable and thread-safe.
 * Equality compares {@code from} and {@code until} as instants.
 */
public final class StatusIcon extends RpidSimpleElement {
    /** {@code rpid:status-icon}. */
    public static final QName QNAME = Rpid.name("status-icon");

    private final String uri;

    private StatusIcon(Builder b) {
        super(b);
        if (b.uri == null) {
            throw new IllegalArgumentException("status-icon needs a URI");
        }
        this.uri = b.uri;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof StatusIcon s && uri.equals(s.uri) && sameShared(s);
    }

    @Override
    public int hashCode() {
        return hashWith(uri);
    }

    @Override
    public String toString() {
        return toString(uri);
    }

    /** Builds a {@link StatusIcon}. Not thread-safe. */
    public static final class Builder extends RpidSimpleElement.Builder<Builder> {
        private String uri;

        private Builder() {
        }

        private Builder(StatusIcon s) {
            super(s);
            uri = s.uri;
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

        public StatusIcon build() {
            return new StatusIcon(this);
        }
    }
}
