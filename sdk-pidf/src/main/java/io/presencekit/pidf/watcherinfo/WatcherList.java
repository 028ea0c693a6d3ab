package io.presencekit.pidf.watcherinfo;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The watchers of one resource for one event package: the {@code watcher-list} element of RFC
 * 3858, section 3. A watcherinfo subscription to {@code presence.winfo} normally carries one list,
 * with {@code package="presence"} and the user's own address of record as resource.
 *
 * <p>Immutable and thread-safe.
 */
public final class WatcherList {
    /** {@code {urn:ietf:params:xml:ns:watcherinfo}watcher-list}. */
    public static final QName QNAME = new QName(Namespaces.WATCHERINFO, "watcher-list");

    private final String resource;
    private final String eventPackage;
    private final List<Watcher> watchers;
    private final Extras extras;

    private WatcherList(Builder b) {
        this.resource = b.resource;
        this.eventPackage = b.eventPackage;
        this.watchers = List.copyOf(b.watchers);
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for the watchers of {@code resource} in {@code eventPackage} (for example {@code presence}). */
    public static Builder builder(String resource, String eventPackage) {
        return new Builder(resource, eventPackage);
    }

    /** A builder holding this list. */
    public Builder toBuilder() {
        Builder b = new Builder(resource, eventPackage);
        b.watchers.addAll(watchers);
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    /** The watched resource ({@code resource} attribute); null only in a lenient read without one. */
    public String resource() {
        return resource;
    }

    /** The event package being watched ({@code package} attribute); null only in a lenient read without one. */
    public String eventPackage() {
        return eventPackage;
    }

    /** The watchers, in document order. */
    public List<Watcher> watchers() {
        return watchers;
    }

    /** The watchers in {@code status}, in document order. */
    public List<Watcher> watchers(WatcherStatus status) {
        return watchers.stream().filter(w -> w.status() == status).toList();
    }

    /** The watcher with subscription id {@code id}, if any. */
    public Optional<Watcher> watcher(String id) {
        return watchers.stream().filter(w -> Objects.equals(id, w.id())).findFirst();
    }

    /** Attributes other than {@code resource} and {@code package}, and elements from other namespaces, kept as read. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatcherList l && Objects.equals(resource, l.resource)
                && Objects.equals(eventPackage, l.eventPackage) && watchers.equals(l.watchers)
                && extras.equals(l.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(resource, eventPackage, watchers, extras);
    }

    @Override
    public String toString() {
        return "WatcherList[resource=" + resource + ", package=" + eventPackage + ", watchers=" + watchers
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds a {@link WatcherList}. Not thread-safe. */
    public static final class Builder {
        private String resource;
        private String eventPackage;
        private final List<Watcher> watchers = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(String resource, String eventPackage) {
            this.resource = resource;
            this.eventPackage = eventPackage;
        }

        public Builder resource(String resource) {
            this.resource = resource;
            return this;
        }

        public Builder eventPackage(String eventPackage) {
            this.eventPackage = eventPackage;
            return this;
        }

        /** Appends a watcher. */
        public Builder watcher(Watcher watcher) {
            watchers.add(Objects.requireNonNull(watcher, "watcher"));
            return this;
        }

        /** Replaces the watcher with the same id in place, or appends. */
        public Builder putWatcher(Watcher watcher) {
            for (int i = 0; i < watchers.size(); i++) {
                if (Objects.equals(watchers.get(i).id(), watcher.id())) {
                    watchers.set(i, watcher);
                    return this;
                }
            }
            return watcher(watcher);
        }

        /** Removes the watchers with subscription id {@code id}. */
        public Builder removeWatcher(String id) {
            watchers.removeIf(w -> Objects.equals(id, w.id()));
            return this;
        }

        public Builder clearWatchers() {
            watchers.clear();
            return this;
        }

        /** Adds an attribute other than {@code resource} and {@code package}. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends an element from another namespace (the schema's {@code ##other} extension point). */
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

        public WatcherList build() {
            return new WatcherList(this);
        }
    }
}
