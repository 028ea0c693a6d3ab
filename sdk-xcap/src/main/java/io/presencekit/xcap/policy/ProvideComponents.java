package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * The pres-rules {@code provide-services}, {@code provide-devices} and {@code provide-persons}
 * transformations (RFC 5025, section 3.3.1): which tuples, devices or persons of the presence
 * document a watcher sees. Either all of them ({@code all-services} and the like), or those the
 * {@link ComponentFilter}s select; an empty element gives none. Elements from other namespaces in
 * it (such as OMA {@code service-id}) are kept in {@link #items()} in order. Immutable.
 *
 * @param component which component type
 * @param all       whether the element is {@code <all-...>}
 * @param items     the selectors and other elements, in order (empty when {@code all})
 */
public record ProvideComponents(Component component, boolean all, List<ExtensionElement> items)
        implements ExtensionElement {
    public ProvideComponents {
        Objects.requireNonNull(component, "component");
        items = Values.list(items, "items");
        if (all && !items.isEmpty()) {
            throw new IllegalArgumentException("<" + component.all().getLocalPart() + "> excludes selectors");
        }
    }

    /** {@code <provide-services><all-services/></provide-services>}. */
    public static ProvideComponents allServices() {
        return new ProvideComponents(Component.SERVICES, true, List.of());
    }

    /** {@code <provide-devices><all-devices/></provide-devices>}. */
    public static ProvideComponents allDevices() {
        return new ProvideComponents(Component.DEVICES, true, List.of());
    }

    /** {@code <provide-persons><all-persons/></provide-persons>}. */
    public static ProvideComponents allPersons() {
        return new ProvideComponents(Component.PERSONS, true, List.of());
    }

    /** The components of type {@code component} that {@code filters} select. */
    public static ProvideComponents of(Component component, ComponentFilter... filters) {
        return new ProvideComponents(component, false, List.of(filters));
    }

    @Override
    public QName qname() {
        return component.qname();
    }

    /** The selectors, in order. */
    public List<ComponentFilter> filters() {
        return Values.ofType(items, ComponentFilter.class);
    }

    /** The values of the selectors of {@code kind}, in order. */
    public List<String> values(ComponentFilter.Kind kind) {
        return filters().stream().filter(f -> f.kind() == kind).map(ComponentFilter::value).toList();
    }

    /** Whether the element grants nothing (no {@code all-...}, no selector). */
    public boolean isNone() {
        return !all && items.isEmpty();
    }

    /** The component types. */
    public enum Component {
        /** Tuples: {@code provide-services}, {@code all-services}. */
        SERVICES("provide-services", "all-services"),
        /** Devices: {@code provide-devices}, {@code all-devices}. */
        DEVICES("provide-devices", "all-devices"),
        /** Persons: {@code provide-persons}, {@code all-persons}. */
        PERSONS("provide-persons", "all-persons");

        private final QName qname;
        private final QName all;

        Component(String element, String all) {
            this.qname = new QName(XcapNamespaces.PRES_RULES, element, "pr");
            this.all = new QName(XcapNamespaces.PRES_RULES, all, "pr");
        }

        /** The transformation element. */
        public QName qname() {
            return qname;
        }

        /** The element that grants every component. */
        public QName all() {
            return all;
        }
    }
}
