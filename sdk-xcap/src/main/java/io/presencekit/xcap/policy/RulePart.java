package io.presencekit.xcap.policy;

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
 * What {@link Conditions}, {@link Actions} and {@link Transformations} share, as RFC 4745 gives
 * the three parts of a rule the same shape: an ordered list of child elements (most from other
 * namespaces) and attributes kept as read. Each subclass adds its element name and its typed
 * look-ups. Package-private so that the three stay unrelated types in the public API.
 *
 * <p>Immutable and thread-safe.
 */
abstract class RulePart implements ExtensionElement {
    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;

    RulePart(PartBuilder<?, ?> b) {
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
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

    // equal only to the same part (the subclasses are final, so the class says which part it is)
    @Override
    public boolean equals(Object o) {
        return o instanceof RulePart p && p.getClass() == getClass() && items.equals(p.items)
                && attributes.equals(p.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, attributes);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + items + (attributes.isEmpty() ? "" : attributes);
    }

    /**
     * The builder settings the three share. Not thread-safe.
     *
     * @param <P> the part it builds
     * @param <B> the concrete builder, so that chained calls keep its own methods in reach
     */
    abstract static class PartBuilder<P extends RulePart, B extends PartBuilder<P, B>> {
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();

        PartBuilder() {
        }

        /** A builder holding {@code part}'s children and attributes. */
        PartBuilder(RulePart part) {
            items.addAll(part.items);
            attributes.putAll(part.attributes);
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** Appends a child. */
        public B add(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return self();
        }

        /** Inserts a child at {@code index}. */
        public B add(int index, ExtensionElement item) {
            items.add(index, Objects.requireNonNull(item, "item"));
            return self();
        }

        /** Replaces the first child with the same qualified name in place, or appends {@code item}. */
        public B put(ExtensionElement item) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).qname().equals(item.qname())) {
                    items.set(i, item);
                    return self();
                }
            }
            return add(item);
        }

        /** Removes the children matching {@code match}. */
        public B removeIf(Predicate<? super ExtensionElement> match) {
            items.removeIf(match);
            return self();
        }

        /** Adds an attribute. */
        public B attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return self();
        }

        /** Builds the part. */
        public abstract P build();
    }
}
