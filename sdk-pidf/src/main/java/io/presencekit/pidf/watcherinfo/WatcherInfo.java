package io.presencekit.pidf.watcherinfo;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.namespace.QName;

/**
 * A watcher information document ({@code application/watcherinfo+xml}, RFC 3858, section 3): a
 * version, whether it carries the full state or only changes, and one {@link WatcherList} per
 * watched resource and event package. To follow a {@code presence.winfo} subscription across full
 * and partial documents, feed them to a {@link WatcherInfoState}.
 *
 * <p>Elements from other namespaces and unknown attributes are kept in {@link #extras()} and
 * written back unchanged. A lenient read keeps a {@code version} or {@code state} it could not use
 * as a raw attribute there too; {@link #version()} or {@link #state()} is then empty or null.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class WatcherInfo {
    /** {@code {urn:ietf:params:xml:ns:watcherinfo}watcherinfo}. */
    public static final QName QNAME = new QName(Namespaces.WATCHERINFO, "watcherinfo");

    /** Whether a document carries the whole watcher information or only what changed (the {@code state} attribute). */
    public enum State {
        /** The document replaces everything the subscriber knew. */
        FULL("full"),
        /** The document carries only the watchers that changed since the previous version. */
        PARTIAL("partial");

        private final String token;

        State(String token) {
            this.token = token;
        }

        /** The value as written in XML. */
        public String token() {
            return token;
        }

        /** The constant for {@code token} (surrounding whitespace ignored, case significant), or null. */
        public static State fromToken(String token) {
            if (token == null) {
                return null;
            }
            String t = token.strip();
            return FULL.token.equals(t) ? FULL : PARTIAL.token.equals(t) ? PARTIAL : null;
        }
    }

    private final Long version;
    private final State state;
    private final List<WatcherList> watcherLists;
    private final Extras extras;
    private final List<ParseWarning> warnings;

    private WatcherInfo(Builder b) {
        this.version = b.version;
        this.state = b.state;
        this.watcherLists = List.copyOf(b.watcherLists);
        this.extras = Extras.of(b.attributes, b.children);
        this.warnings = List.copyOf(b.warnings);
    }

    /** A builder for a document with {@code version} (non-negative) and {@code state}. */
    public static Builder builder(long version, State state) {
        return new Builder().version(version).state(state);
    }

    /** A builder with neither version nor state set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.state = state;
        b.watcherLists.addAll(watcherLists);
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    /**
     * The document version: 0 in the first document of a subscription, one more in each next one.
     * Empty only in a lenient read of a missing or unusable value (kept raw in {@link #extras()}).
     */
    public OptionalLong version() {
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /** Full or partial; null only in a lenient read of a missing or unknown value (kept raw in {@link #extras()}). */
    public State state() {
        return state;
    }

    /** Whether this document carries the full state. */
    public boolean isFull() {
        return state == State.FULL;
    }

    /** The watcher lists, in document order. */
    public List<WatcherList> watcherLists() {
        return watcherLists;
    }

    /** The first watcher list for {@code resource} and {@code eventPackage}, if any. */
    public Optional<WatcherList> watcherList(String resource, String eventPackage) {
        return watcherLists.stream().filter(l -> Objects.equals(resource, l.resource())
                && Objects.equals(eventPackage, l.eventPackage())).findFirst();
    }

    /** Every watcher of every list, in document order. */
    public List<Watcher> watchers() {
        return watcherLists.stream().flatMap(l -> l.watchers().stream()).toList();
    }

    /** Attributes other than {@code version} and {@code state}, and top-level elements from other namespaces. */
    public Extras extras() {
        return extras;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatcherInfo d && Objects.equals(version, d.version) && state == d.state
                && watcherLists.equals(d.watcherLists) && extras.equals(d.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, state, watcherLists, extras);
    }

    @Override
    public String toString() {
        return "WatcherInfo[version=" + version + ", state=" + (state == null ? null : state.token())
                + ", watcherLists=" + watcherLists + (extras.isEmpty() ? "" : ", extras=" + extras)
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /** Builds a {@link WatcherInfo}. Not thread-safe. */
    public static final class Builder {
        private static final QName VERSION = new QName("version");
        private static final QName STATE = new QName("state");

        private Long version;
        private State state;
        private final List<WatcherList> watcherLists = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Sets the version (non-negative); drops a raw {@code version} attribute. */
        public Builder version(long version) {
            if (version < 0) {
                throw new IllegalArgumentException("version must not be negative: " + version);
            }
            this.version = version;
            attributes.remove(VERSION);
            return this;
        }

        /** Sets full or partial state; drops a raw {@code state} attribute. */
        public Builder state(State state) {
            this.state = state;
            if (state != null) {
                attributes.remove(STATE);
            }
            return this;
        }

        /** Appends a watcher list. */
        public Builder watcherList(WatcherList list) {
            watcherLists.add(Objects.requireNonNull(list, "list"));
            return this;
        }

        public Builder clearWatcherLists() {
            watcherLists.clear();
            return this;
        }

        /**
         * Adds an attribute kept as is. {@code version} and {@code state} are allowed only while
         * the typed value is unset; they then carry a raw value.
         */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends a top-level element from another namespace (the schema's {@code ##other} extension point). */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        /** Replaces the extra attributes and elements. */
        public Builder extras(Extras extras) {
            attributes.clear();
            attributes.putAll(extras.attributes());
            children.clear();
            children.addAll(extras.children());
            return this;
        }

        /** Records a tolerated schema slip (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            for (ParseWarning w : warnings) {
                this.warnings.add(Objects.requireNonNull(w, "warning"));
            }
            return this;
        }

        public WatcherInfo build() {
            if (version != null && attributes.containsKey(VERSION)) {
                throw new IllegalStateException("version is set both as a typed value and as a raw attribute");
            }
            if (state != null && attributes.containsKey(STATE)) {
                throw new IllegalStateException("state is set both as a typed value and as a raw attribute");
            }
            return new WatcherInfo(this);
        }
    }
}
