package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * A bag of named string values that python-sipsimple applications attach to resource-lists
 * elements: {@code <attributes><attribute name="k">v</attribute>...</attributes>}, where an
 * attribute carrying {@code nil} has no value. Two AG Projects uses share this shape:
 * <ul>
 * <li>{@code agp-rl:attributes} ({@value XcapNamespaces#AGP_RESOURCE_LISTS}) on {@code rl:entry};</li>
 * <li>the address book's application attributes on contacts, groups, contact URIs and policy
 * elements, in the application's namespace: {@value XcapNamespaces#SIPSIMPLE_ADDRESSBOOK} by
 * default, {@value XcapNamespaces#BLINK_ADDRESSBOOK} for Blink.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Iteration order is document order.
 */
public final class SharedAttributes implements ExtensionElement {
    /** {@code agp-rl:attributes}, on entries. */
    public static final QName AGP_RL = new QName(XcapNamespaces.AGP_RESOURCE_LISTS, "attributes", "agp-rl");
    /** {@code sipsimple:attributes}, python-sipsimple's default for address book elements. */
    public static final QName SIPSIMPLE = new QName(XcapNamespaces.SIPSIMPLE_ADDRESSBOOK, "attributes", "sipsimple");
    /** {@code blink:attributes}, Blink's namespace for address book elements. */
    public static final QName BLINK = new QName(XcapNamespaces.BLINK_ADDRESSBOOK, "attributes", "blink");

    private final QName name;
    private final Map<String, String> values;

    private SharedAttributes(QName name, Map<String, String> values) {
        this.name = name;
        this.values = values;
    }

    /**
     * The attributes element {@code name} with {@code values} (a null value is written as
     * {@code nil}), copied in iteration order.
     */
    public static SharedAttributes of(QName name, Map<String, String> values) {
        Objects.requireNonNull(name, "name");
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((k, v) -> copy.put(Objects.requireNonNull(k, "attribute name"), v));
        return new SharedAttributes(name, Collections.unmodifiableMap(copy));
    }

    /**
     * The attributes element for an application namespace such as
     * {@code urn:ag-projects:blink:xml:ns:addressbook}.
     */
    public static SharedAttributes of(String namespace, Map<String, String> values) {
        return of(new QName(namespace, "attributes"), values);
    }

    @Override
    public QName qname() {
        return name;
    }

    /** The namespace, which names the application the attributes belong to. */
    public String namespace() {
        return name.getNamespaceURI();
    }

    /** Name to value, in order; a null value stands for {@code nil}. */
    public Map<String, String> values() {
        return values;
    }

    /** The names, in order. */
    public Set<String> names() {
        return values.keySet();
    }

    /** The value of {@code key}, empty when absent or nil. */
    public Optional<String> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    /** Whether {@code key} is present with {@code nil}. */
    public boolean isNil(String key) {
        return values.containsKey(key) && values.get(key) == null;
    }

    /** A copy with {@code key} set to {@code value} (null for nil), in place or at the end. */
    public SharedAttributes with(String key, String value) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.put(Objects.requireNonNull(key, "key"), value);
        return new SharedAttributes(name, Collections.unmodifiableMap(copy));
    }

    /** A copy without {@code key}. */
    public SharedAttributes without(String key) {
        Map<String, String> copy = new LinkedHashMap<>(values);
        copy.remove(key);
        return new SharedAttributes(name, Collections.unmodifiableMap(copy));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SharedAttributes a && name.equals(a.name) && values.equals(a.values);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, values);
    }

    @Override
    public String toString() {
        return "SharedAttributes" + name + values;
    }

    /** The attributes in {@code namespace} among an element's extra children, if any. */
    static java.util.Optional<SharedAttributes> in(io.presencekit.xml.Extras extras, String namespace) {
        return io.presencekit.xml.Values.ofType(extras.children(), SharedAttributes.class).stream()
                .filter(a -> a.namespace().equals(namespace)).findFirst();
    }
}
