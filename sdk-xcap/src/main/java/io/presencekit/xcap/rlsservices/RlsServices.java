package io.presencekit.xcap.rlsservices;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An RLS services document ({@code application/rls-services+xml}, RFC 4826, section 4): the
 * resource list services of the XCAP application usage {@code rls-services}, which tell a resource
 * list server (RFC 4662) which list a list URI stands for.
 *
 * <p>The schema allows only {@code service} elements at the top level; a lenient read keeps
 * anything else there as a generic element in {@link #items()} (with a warning).
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class RlsServices {
    /** {@code rls:rls-services}. */
    public static final QName QNAME = new QName(XcapNamespaces.RLS_SERVICES, "rls-services", "rls");

    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;
    private final List<ParseWarning> warnings;

    private RlsServices(Builder b) {
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
        this.warnings = List.copyOf(b.warnings);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.items.addAll(items);
        b.attributes.putAll(attributes);
        return b;
    }

    /** The services, in order. */
    public List<Service> services() {
        return Values.ofType(items, Service.class);
    }

    /** The service with URI {@code uri}, if any. */
    public Optional<Service> service(String uri) {
        return services().stream().filter(s -> s.uri().equals(uri)).findFirst();
    }

    /** Every top-level element in order: the services, and whatever a lenient read kept beside them. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** Attributes on the root element (none are defined), kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RlsServices d && items.equals(d.items) && attributes.equals(d.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, attributes);
    }

    @Override
    public String toString() {
        return "RlsServices[items=" + items + (attributes.isEmpty() ? "" : ", attributes=" + attributes)
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /** Builds {@link RlsServices}. Not thread-safe. */
    public static final class Builder {
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Appends a service. */
        public Builder service(Service service) {
            items.add(Objects.requireNonNull(service, "service"));
            return this;
        }

        /** Replaces the service with the same URI in place, or appends {@code service}. */
        public Builder putService(Service service) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i) instanceof Service s && s.uri().equals(service.uri())) {
                    items.set(i, service);
                    return this;
                }
            }
            return service(service);
        }

        /** Removes the services with URI {@code uri}. */
        public Builder removeService(String uri) {
            items.removeIf(e -> e instanceof Service s && s.uri().equals(uri));
            return this;
        }

        /** Appends a top-level element as is (readers use it for what the schema does not allow there). */
        public Builder item(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Adds an attribute to the root element. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Records tolerated schema slips (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            this.warnings.addAll(warnings);
            return this;
        }

        public RlsServices build() {
            return new RlsServices(this);
        }
    }
}
