package io.presencekit.rls;

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
 * One member of a resource list: the RLMI {@code resource} element (RFC 4662, section 5.2), with
 * its URI, names and back-end subscription {@linkplain Instance instances}. A resource without
 * instances is one whose state the server does not have (yet).
 *
 * <p>Immutable and thread-safe.
 */
public final class Resource {
    /** {@code {urn:ietf:params:xml:ns:rlmi}resource}. */
    public static final QName QNAME = new QName(RlmiList.NAMESPACE, "resource");

    private final String uri;
    private final List<Name> names;
    private final List<Instance> instances;
    private final Extras extras;

    private Resource(Builder b) {
        this.uri = b.uri;
        this.names = List.copyOf(b.names);
        this.instances = List.copyOf(b.instances);
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for the resource {@code uri}. */
    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    /** A builder holding this resource. */
    public Builder toBuilder() {
        Builder b = new Builder(uri);
        b.names.addAll(names);
        b.instances.addAll(instances);
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    /** The resource URI; null only in a lenient read without one. */
    public String uri() {
        return uri;
    }

    /** The names, in document order. */
    public List<Name> names() {
        return names;
    }

    /** The back-end subscriptions, in document order. */
    public List<Instance> instances() {
        return instances;
    }

    /** The instance with {@code id}, if present. */
    public Optional<Instance> instance(String id) {
        return instances.stream().filter(i -> Objects.equals(id, i.id())).findFirst();
    }

    /** Unknown attributes and elements, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Resource r && Objects.equals(uri, r.uri) && names.equals(r.names)
                && instances.equals(r.instances) && extras.equals(r.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, names, instances, extras);
    }

    @Override
    public String toString() {
        return "Resource[uri=" + uri + ", names=" + names + ", instances=" + instances + "]";
    }

    /** Builds a {@link Resource}. Not thread-safe. */
    public static final class Builder {
        private final String uri;
        private final List<Name> names = new ArrayList<>();
        private final List<Instance> instances = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(String uri) {
            this.uri = uri;
        }

        public Builder name(Name name) {
            names.add(Objects.requireNonNull(name, "name"));
            return this;
        }

        public Builder name(String text) {
            return name(Name.of(text));
        }

        public Builder instance(Instance instance) {
            instances.add(Objects.requireNonNull(instance, "instance"));
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

        public Resource build() {
            return new Resource(this);
        }
    }
}
