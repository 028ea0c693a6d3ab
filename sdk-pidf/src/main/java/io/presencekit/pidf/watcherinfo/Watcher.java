package io.presencekit.pidf.watcherinfo;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.Values;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * One subscription to the watched resource: the {@code watcher} element of RFC 3858, section 3,
 * with every attribute the schema defines and the watcher's URI as its text.
 *
 * <p>A lenient read keeps a watcher whose typed attributes could not be used (a {@code status}
 * outside the enumeration, an {@code expiration} that is not a number): the typed accessor is then
 * empty or null and the raw value is kept in {@link #attributes()}, so the document is written
 * back unchanged.
 *
 * <p>Immutable and thread-safe.
 */
public final class Watcher {
    /** {@code {urn:ietf:params:xml:ns:watcherinfo}watcher}. */
    public static final QName QNAME = new QName(Namespaces.WATCHERINFO, "watcher");

    /** {@code xml:lang}, which gives the language of {@link #displayName()}. */
    public static final QName XML_LANG = ElementWriter.XML_LANG;

    private final String id;
    private final WatcherStatus status;
    private final WatcherEvent event;
    private final String displayName;
    private final String lang;
    private final Duration expiration;
    private final Duration durationSubscribed;
    private final String uri;
    private final Map<QName, String> attributes;

    private Watcher(Builder b) {
        this.id = b.id;
        this.status = b.status;
        this.event = b.event;
        this.displayName = b.displayName;
        this.lang = b.lang;
        this.expiration = b.expiration;
        this.durationSubscribed = b.durationSubscribed;
        this.uri = b.uri;
        this.attributes = Values.orderedMap(b.attributes, "attributes");
    }

    /** A builder for the watcher subscription {@code id} of the watcher {@code uri}. */
    public static Builder builder(String id, String uri) {
        return new Builder(id, uri);
    }

    /** A watcher with the three attributes the schema requires. */
    public static Watcher of(String id, String uri, WatcherStatus status, WatcherEvent event) {
        return builder(id, uri).status(status).event(event).build();
    }

    /** A builder holding this watcher. */
    public Builder toBuilder() {
        Builder b = new Builder(id, uri);
        b.status = status;
        b.event = event;
        b.displayName = displayName;
        b.lang = lang;
        b.expiration = expiration;
        b.durationSubscribed = durationSubscribed;
        b.attributes.putAll(attributes);
        return b;
    }

    /**
     * The {@code id} attribute, which identifies this subscription within its watcher list and is
     * the key partial updates are merged on; null only in a document read leniently without one.
     */
    public String id() {
        return id;
    }

    /** The subscription state; null only in a lenient read of a missing or unknown value (kept raw). */
    public WatcherStatus status() {
        return status;
    }

    /** The last transition; null only in a lenient read of a missing or unknown value (kept raw). */
    public WatcherEvent event() {
        return event;
    }

    /** The watcher URI: the element's text, surrounding whitespace removed; empty if the element had none. */
    public String uri() {
        return uri;
    }

    /** The {@code display-name} attribute, if any. */
    public Optional<String> displayName() {
        return Optional.ofNullable(displayName);
    }

    /** The {@code xml:lang} attribute (the language of the display name), or null. */
    public String lang() {
        return lang;
    }

    /** Time left before the subscription expires ({@code expiration}, in whole seconds), if given. */
    public Optional<Duration> expiration() {
        return Optional.ofNullable(expiration);
    }

    /** How long the watcher has been subscribed ({@code duration-subscribed}, in whole seconds), if given. */
    public Optional<Duration> durationSubscribed() {
        return Optional.ofNullable(durationSubscribed);
    }

    /**
     * Attributes other than the typed ones, in document order: attributes from other namespaces,
     * and the raw value of a typed attribute that a lenient read could not use.
     */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Whether the subscription awaits the user's decision (status pending or waiting). */
    public boolean awaitsAuthorization() {
        return status != null && status.awaitsAuthorization();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Watcher w && Objects.equals(id, w.id) && status == w.status && event == w.event
                && Objects.equals(displayName, w.displayName) && Objects.equals(lang, w.lang)
                && Objects.equals(expiration, w.expiration) && Objects.equals(durationSubscribed, w.durationSubscribed)
                && uri.equals(w.uri) && attributes.equals(w.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, status, event, displayName, lang, expiration, durationSubscribed, uri, attributes);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Watcher[id=").append(id).append(", uri=").append(uri)
                .append(", status=").append(status == null ? null : status.token())
                .append(", event=").append(event == null ? null : event.token());
        if (displayName != null) {
            sb.append(", displayName=").append(displayName);
        }
        if (lang != null) {
            sb.append(", lang=").append(lang);
        }
        if (expiration != null) {
            sb.append(", expiration=").append(expiration.getSeconds());
        }
        if (durationSubscribed != null) {
            sb.append(", durationSubscribed=").append(durationSubscribed.getSeconds());
        }
        if (!attributes.isEmpty()) {
            sb.append(", attributes=").append(attributes);
        }
        return sb.append(']').toString();
    }

    /** Builds a {@link Watcher}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private WatcherStatus status;
        private WatcherEvent event;
        private String displayName;
        private String lang;
        private Duration expiration;
        private Duration durationSubscribed;
        private String uri;
        private final Map<QName, String> attributes = new LinkedHashMap<>();

        private Builder(String id, String uri) {
            this.id = id;
            this.uri = Objects.requireNonNull(uri, "uri");
        }

        /** Sets the subscription id (required by the schema). */
        public Builder id(String id) {
            this.id = id;
            if (id != null) {
                attributes.remove(new QName("id"));
            }
            return this;
        }

        /** Sets the watcher URI. */
        public Builder uri(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Sets the status (required by the schema); a non-null value drops a raw {@code status} attribute. */
        public Builder status(WatcherStatus status) {
            this.status = status;
            if (status != null) {
                attributes.remove(new QName("status"));
            }
            return this;
        }

        /** Sets the event (required by the schema); a non-null value drops a raw {@code event} attribute. */
        public Builder event(WatcherEvent event) {
            this.event = event;
            if (event != null) {
                attributes.remove(new QName("event"));
            }
            return this;
        }

        /** Sets the display name; null removes it. */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            if (displayName != null) {
                attributes.remove(new QName("display-name"));
            }
            return this;
        }

        /** Sets the display name and its language (for example {@code en}). */
        public Builder displayName(String displayName, String lang) {
            return displayName(displayName).lang(lang);
        }

        /** Sets {@code xml:lang}; null removes it. */
        public Builder lang(String lang) {
            this.lang = lang;
            if (lang != null) {
                attributes.remove(XML_LANG);
            }
            return this;
        }

        /** Sets the time left before expiry (whole, non-negative seconds); null removes it. */
        public Builder expiration(Duration expiration) {
            this.expiration = seconds(expiration, "expiration");
            if (expiration != null) {
                attributes.remove(new QName("expiration"));
            }
            return this;
        }

        /** Sets the time left before expiry in seconds. */
        public Builder expirationSeconds(long seconds) {
            return expiration(Duration.ofSeconds(seconds));
        }

        /** Sets how long the watcher has been subscribed (whole, non-negative seconds); null removes it. */
        public Builder durationSubscribed(Duration duration) {
            this.durationSubscribed = seconds(duration, "duration-subscribed");
            if (duration != null) {
                attributes.remove(new QName("duration-subscribed"));
            }
            return this;
        }

        /** Sets how long the watcher has been subscribed, in seconds. */
        public Builder durationSubscribedSeconds(long seconds) {
            return durationSubscribed(Duration.ofSeconds(seconds));
        }

        /**
         * Adds an attribute kept as is. An un-namespaced name that a typed setter owns (or
         * {@code xml:lang}) is allowed only while the typed value is unset; it then carries a raw
         * value such as {@code status="unknown-token"}.
         */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Watcher build() {
            check(id != null, "id");
            check(status != null, "status");
            check(event != null, "event");
            check(displayName != null, "display-name");
            check(expiration != null, "expiration");
            check(durationSubscribed != null, "duration-subscribed");
            if (lang != null && attributes.containsKey(XML_LANG)) {
                throw new IllegalStateException("xml:lang is set both as a typed value and as a raw attribute");
            }
            return new Watcher(this);
        }

        private void check(boolean typed, String name) {
            if (typed && attributes.containsKey(new QName(name))) {
                throw new IllegalStateException(name + " is set both as a typed value and as a raw attribute");
            }
        }

        private static Duration seconds(Duration d, String what) {
            if (d != null && (d.isNegative() || d.getNano() != 0)) {
                throw new IllegalArgumentException(what + " must be a whole, non-negative number of seconds: " + d);
            }
            return d;
        }
    }
}
