package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.xml.namespace.QName;

/**
 * The {@code actions} of a rule (RFC 4745, section 8): elements from other namespaces only, such as
 * the pres-rules {@link SubHandling}. Unknown actions are kept as generic elements.
 *
 * <p>Immutable and thread-safe.
 */
public final class Actions implements ExtensionElement {
    /** {@code cp:actions}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "actions", "cp");

    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;

    private Actions(Builder b) {
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
    }

    /** The element holding {@code items}, in order. */
    public static Actions of(ExtensionElement... items) {
        Builder b = builder();
        for (ExtensionElement e : items) {
            b.add(e);
        }
        return b.build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these items. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.items.addAll(items);
        b.attributes.putAll(attributes);
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** Every child element, in document order. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** The children of type {@code type}, in order. */
    public <T extends ExtensionElement> List<T> items(Class<T> type) {
        return Values.ofType(items, type);
    }

    /** The first child of type {@code type}, if any. */
    public <T extends ExtensionElement> Optional<T> item(Class<T> type) {
        return items(type).stream().findFirst();
    }

    /** Whether there are no children. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Attributes (none are defined), kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** The pres-rules {@code sub-handling} action, if any. */
    public Optional<SubHandling> subHandling() {
        return item(SubHandling.class);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Actions c && items.equals(c.items) && attributes.equals(c.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, attributes);
    }

    @Override
    public String toString() {
        return "Actions" + items + (attributes.isEmpty() ? "" : attributes);
    }

    /** Builds {@link Actions}. Not thread-safe. */
    public static final class Builder {
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Appends a child. */
        public Builder add(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Inserts a child at {@code index}. */
        public Builder add(int index, ExtensionElement item) {
            items.add(index, Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Replaces the first child with the same qualified name in place, or appends {@code item}. */
        public Builder put(ExtensionElement item) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).qname().equals(item.qname())) {
                    items.set(i, item);
                    return this;
                }
            }
            return add(item);
        }

        /** Removes the children matching {@code match}. */
        public Builder removeIf(Predicate<? super ExtensionElement> match) {
            items.removeIf(match);
            return this;
        }

        /** Adds an attribute. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Actions build() {
            return new Actions(this);
        }
    }
}
