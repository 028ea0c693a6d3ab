package io.presencekit.xcap.rlsservices;

import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.usage.XcapNamespaces;
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
 * One resource list service (RFC 4826, section 4.2): the SIP URI a client subscribes to, the list
 * behind it (a {@code resource-list} XCAP URI pointing into a resource-lists document, or an
 * inline {@code list}) and the event packages it serves. python-sipsimple's presence service is
 * {@code sip:<user>+presence@<domain>} with a {@code resource-list} reference to the
 * {@code sipsimple_presence_rls} list; Kamailio reads both forms but ignores {@code packages}.
 *
 * <p>The schema requires exactly one of {@code resource-list} and {@code list}; a lenient read of
 * a service with neither has both empty, and one with a second keeps that second as a generic
 * element in {@link #extras()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Service implements ExtensionElement {
    /** {@code rls:service}. */
    public static final QName QNAME = new QName(XcapNamespaces.RLS_SERVICES, "service", "rls");

    private final String uri;
    private final String resourceList;
    private final ResourceList list;
    private final List<String> packages;
    private final boolean hasPackages;
    private final List<ExtensionElement> packagesExtensions;
    private final Extras extras;

    private Service(Builder b) {
        this.uri = Objects.requireNonNull(b.uri, "uri");
        if (b.resourceList != null && b.list != null) {
            throw new IllegalStateException("a service has a resource-list or a list, not both");
        }
        this.resourceList = b.resourceList;
        this.list = b.list;
        this.packages = List.copyOf(b.packages);
        this.hasPackages = b.hasPackages || !b.packages.isEmpty() || !b.packagesExtensions.isEmpty();
        this.packagesExtensions = List.copyOf(b.packagesExtensions);
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for the service at {@code uri}. */
    public static Builder builder(String uri) {
        return new Builder(uri);
    }

    /** A service at {@code uri} for the list at XCAP URI {@code resourceList}, serving {@code packages}. */
    public static Service of(String uri, String resourceList, String... packages) {
        Builder b = builder(uri).resourceList(resourceList);
        for (String p : packages) {
            b.addPackage(p);
        }
        return b.build();
    }

    /** A builder holding this service. */
    public Builder toBuilder() {
        Builder b = new Builder(uri);
        b.resourceList = resourceList;
        b.list = list;
        b.packages.addAll(packages);
        b.hasPackages = hasPackages;
        b.packagesExtensions.addAll(packagesExtensions);
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The service URI ({@code uri} attribute). */
    public String uri() {
        return uri;
    }

    /** The XCAP URI of the list behind the service ({@code resource-list}), if it is given that way. */
    public Optional<String> resourceList() {
        return Optional.ofNullable(resourceList);
    }

    /** The inline list, if the service has one. */
    public Optional<ResourceList> list() {
        return Optional.ofNullable(list);
    }

    /** The event packages served, in order (empty when there is no {@code packages} element). */
    public List<String> packages() {
        return packages;
    }

    /** Whether the service has a {@code packages} element (which may be empty). */
    public boolean hasPackages() {
        return hasPackages;
    }

    /** Whether the service serves {@code eventPackage}; a service without {@code packages} serves them all. */
    public boolean serves(String eventPackage) {
        return !hasPackages || packages.contains(eventPackage);
    }

    /** Elements from other namespaces inside {@code packages}, in order (written after the packages). */
    public List<ExtensionElement> packagesExtensions() {
        return packagesExtensions;
    }

    /** Attributes other than {@code uri}, and elements after {@code packages}, kept as read. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Service s && uri.equals(s.uri) && Objects.equals(resourceList, s.resourceList)
                && Objects.equals(list, s.list) && packages.equals(s.packages) && hasPackages == s.hasPackages
                && packagesExtensions.equals(s.packagesExtensions) && extras.equals(s.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, resourceList, list, packages, hasPackages, packagesExtensions, extras);
    }

    @Override
    public String toString() {
        return "Service[uri=" + uri + (resourceList == null ? "" : ", resourceList=" + resourceList)
                + (list == null ? "" : ", list=" + list) + (hasPackages ? ", packages=" + packages : "")
                + (packagesExtensions.isEmpty() ? "" : ", packagesExtensions=" + packagesExtensions)
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds a {@link Service}. Not thread-safe. */
    public static final class Builder {
        private String uri;
        private String resourceList;
        private ResourceList list;
        private final List<String> packages = new ArrayList<>();
        private boolean hasPackages;
        private final List<ExtensionElement> packagesExtensions = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(String uri) {
            uri(uri);
        }

        public Builder uri(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        /** Points the service at the list at XCAP URI {@code resourceList}; drops an inline list. */
        public Builder resourceList(String resourceList) {
            this.resourceList = Objects.requireNonNull(resourceList, "resourceList");
            this.list = null;
            return this;
        }

        /** Gives the service an inline list; drops a {@code resource-list} reference. */
        public Builder list(ResourceList list) {
            this.list = Objects.requireNonNull(list, "list");
            this.resourceList = null;
            return this;
        }

        /** Removes both the reference and the inline list. */
        public Builder clearList() {
            this.list = null;
            this.resourceList = null;
            return this;
        }

        /** Adds an event package (the {@code packages} element is then written). */
        public Builder addPackage(String eventPackage) {
            packages.add(Objects.requireNonNull(eventPackage, "eventPackage"));
            hasPackages = true;
            return this;
        }

        /** Whether to write a {@code packages} element even when it is empty. */
        public Builder hasPackages(boolean hasPackages) {
            this.hasPackages = hasPackages;
            if (!hasPackages) {
                packages.clear();
                packagesExtensions.clear();
            }
            return this;
        }

        /** Appends an element from another namespace inside {@code packages}. */
        public Builder packagesExtension(ExtensionElement element) {
            packagesExtensions.add(Objects.requireNonNull(element, "element"));
            hasPackages = true;
            return this;
        }

        /** Adds an attribute from another namespace. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends an element after {@code packages}. */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        public Service build() {
            return new Service(this);
        }
    }
}
