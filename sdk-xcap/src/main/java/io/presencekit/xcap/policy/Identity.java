package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * The {@code identity} condition (RFC 4745, section 7.1): matches a watcher whose authenticated
 * identity is one of the {@link One}s, or falls under one of the {@link Many}s. Children from
 * other namespaces are kept in {@link #items()} in order. Kamailio reads {@code one} and
 * {@code many} (its {@code except id} is unreliable in 5.6, {@code except domain} works) and skips
 * rules without an identity. Immutable.
 *
 * @param items the children in document order: {@link One}, {@link Many}, and other elements
 */
public record Identity(List<ExtensionElement> items) implements ExtensionElement {
    /** {@code cp:identity}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "identity", "cp");

    public Identity {
        items = Values.list(items, "items");
    }

    /** An identity condition matching exactly the URIs {@code ids} ({@code one} each). */
    public static Identity ofUris(String... ids) {
        return new Identity(java.util.Arrays.stream(ids).map(One::of).map(ExtensionElement.class::cast).toList());
    }

    /** An identity condition of {@code items}. */
    public static Identity of(ExtensionElement... items) {
        return new Identity(List.of(items));
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The {@code one} children, in order. */
    public List<One> ones() {
        return Values.ofType(items, One.class);
    }

    /** The {@code many} children, in order. */
    public List<Many> manies() {
        return Values.ofType(items, Many.class);
    }

    /** The ids of the {@code one} children, in order. */
    public List<String> uris() {
        return ones().stream().map(One::id).toList();
    }

    /** This condition with a {@code one} for {@code id} appended, unless one is there already. */
    public Identity withUri(String id) {
        if (uris().contains(Objects.requireNonNull(id, "id"))) {
            return this;
        }
        java.util.ArrayList<ExtensionElement> copy = new java.util.ArrayList<>(items);
        int at = copy.size();
        while (at > 0 && !(copy.get(at - 1) instanceof One || copy.get(at - 1) instanceof Many)) {
            at--;
        }
        copy.add(at, One.of(id));
        return new Identity(copy);
    }

    /** This condition without the {@code one} children for {@code id}. */
    public Identity withoutUri(String id) {
        return new Identity(items.stream().filter(e -> !(e instanceof One o && o.id().equals(id))).toList());
    }
}
