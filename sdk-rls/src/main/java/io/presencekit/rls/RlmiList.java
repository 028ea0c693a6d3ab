package io.presencekit.rls;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.ParseWarning;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.namespace.QName;

/**
 * A Resource List Meta-Information document ({@code application/rlmi+xml}): the {@code list}
 * root element of RFC 4662, section 5, with the list URI, the {@code version} that orders the
 * notifications of one subscription, whether it carries the {@code fullState} of the list, the
 * optional {@code cid} it has when it is a nested list, the list's names and its resources.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class RlmiList {
    /** The RLMI namespace, {@code urn:ietf:params:xml:ns:rlmi}. */
    public static final String NAMESPACE = "urn:ietf:params:xml:ns:rlmi";
    /** {@code {urn:ietf:params:xml:ns:rlmi}list}. */
    public static final QName QNAME = new QName(NAMESPACE, "list");

    private final String uri;
    private final Long version;
    private final boolean fullState;
    private final String cid;
    private final List<Name> names;
    private final List<Resource> resources;
    private final Extras extras;
    private final List<ParseWarning> warnings;

    private RlmiList(Builder b) {
        this.uri = b.uri;
        this.version = b.version;
        this.fullState = b.fullState;
        this.cid = b.cid;
        this.names = List.copyOf(b.names);
        this.resources = List.copyOf(b.resources);
        this.extras = Extras.of(b.attributes, b.children);
        this.warnings = List.copyOf(b.warnings);
    }

    /** A builder for the list {@code uri} at {@code version}, full state or not. */
    public static Builder builder(String uri, long version, boolean fullState) {
        return new Builder(uri).version(version).fullState(fullState);
    }

    /** A builder holding this list (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder(uri);
        b.version = version;
        b.fullState = fullState;
        b.cid = cid;
        b.names.addAll(names);
        b.resources.addAll(resources);
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    /** The list URI; null only in a lenient read without one. */
    public String uri() {
        return uri;
    }

    /** The version; empty only in a lenient read without a usable one. */
    public OptionalLong version() {
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /** Whether this document carries the whole list (true) or only what changed (false). */
    public boolean fullState() {
        return fullState;
    }

    /** The Content-ID the list has inside its parent list, if given. */
    public Optional<String> cid() {
        return Optional.ofNullable(cid);
    }

    /** The names of the list, in document order. */
    public List<Name> names() {
        return names;
    }

    /** The resources, in document order. */
    public List<Resource> resources() {
        return resources;
    }

    /** The resource with {@code uri}, if present. */
    public Optional<Resource> resource(String uri) {
        return resources.stream().filter(r -> Objects.equals(uri, r.uri())).findFirst();
    }

    /** Unknown attributes and elements, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    /** Schema slips a lenient read tolerated, in document order. */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RlmiList l && Objects.equals(uri, l.uri) && Objects.equals(version, l.version)
                && fullState == l.fullState && Objects.equals(cid, l.cid) && names.equals(l.names)
                && resources.equals(l.resources) && extras.equals(l.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, version, fullState, cid, names, resources, extras);
    }

    @Override
    public String toString() {
        return "RlmiList[uri=" + uri + ", version=" + version + ", fullState=" + fullState
                + (cid == null ? "" : ", cid=" + cid) + ", resources=" + resources.size() + "]";
    }

    /** Builds an {@link RlmiList}. Not thread-safe. */
    public static final class Builder {
        private final String uri;
        private Long version;
        private boolean fullState;
        private String cid;
        private final List<Name> names = new ArrayList<>();
        private final List<Resource> resources = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        private Builder(String uri) {
            this.uri = uri;
        }

        /** A builder for a list whose version and state are set later (readers). */
        public static Builder of(String uri) {
            return new Builder(uri);
        }

        /** The version, 0 to 4294967295 (RFC 4662: an unsigned int). */
        public Builder version(long version) {
            if (version < 0 || version > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("version must be an unsigned 32-bit value: " + version);
            }
            this.version = version;
            return this;
        }

        public Builder fullState(boolean fullState) {
            this.fullState = fullState;
            return this;
        }

        /** The Content-ID of a nested list, or null for none. */
        public Builder cid(String cid) {
            this.cid = cid;
            return this;
        }

        public Builder name(Name name) {
            names.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        public Builder resource(Resource resource) {
            resources.add(Objects.requireNonNull(resource, "resource"));
            return this;
        }

        /** Adds an attribute from another namespace or one the schema does not know. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Adds an element the schema does not know, kept for the round trip. */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        /** The schema slips of a lenient read. */
        public Builder warnings(List<ParseWarning> warnings) {
            this.warnings.addAll(warnings);
            return this;
        }

        public RlmiList build() {
            return new RlmiList(this);
        }
    }
}
