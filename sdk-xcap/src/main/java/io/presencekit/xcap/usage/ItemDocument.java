package io.presencekit.xcap.usage;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Predicate;
import javax.xml.namespace.QName;

/**
 * What the XCAP documents whose root is a plain sequence of keyed items have in common
 * (resource-lists, rls-services, common-policy rulesets; RFC 4826 and RFC 4745): the items in
 * document order (the typed ones and whatever a lenient read kept beside them), the root's
 * attributes, and the schema slips tolerated while reading.
 *
 * <p>Immutable. Two documents are equal when they are of the same class with equal items and
 * attributes; warnings are not part of equality.
 */
public abstract class ItemDocument {
    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;
    private final List<ParseWarning> warnings;

    protected ItemDocument(Builder<?> b) {
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
        this.warnings = List.copyOf(b.warnings);
    }

    /** Every top-level element in order: the typed items, and whatever a lenient read kept beside them. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** Attributes on the root element (the schemas define none), kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public final boolean equals(Object o) {
        return o != null && o.getClass() == getClass() && items.equals(((ItemDocument) o).items)
                && attributes.equals(((ItemDocument) o).attributes);
    }

    @Override
    public final int hashCode() {
        return Objects.hash(items, attributes);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[items=" + items
                + (attributes.isEmpty() ? "" : ", attributes=" + attributes)
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /**
     * The builder part these documents share. Not thread-safe.
     *
     * @param <B> the concrete builder
     */
    public abstract static class Builder<B extends Builder<B>> {
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        protected Builder() {
        }

        /** A builder holding {@code document}'s items and attributes (warnings not carried over). */
        protected Builder(ItemDocument document) {
            items.addAll(document.items);
            attributes.putAll(document.attributes);
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** Inserts {@code item} at {@code index} among the items. */
        protected B insert(int index, ExtensionElement item) {
            items.add(index, item);
            return self();
        }

        /**
         * Replaces the first item of {@code type} that {@code same} accepts with {@code item} in
         * place, or appends {@code item}.
         */
        protected <T extends ExtensionElement> B replaceOrAppend(Class<T> type, Predicate<? super T> same, T item) {
            for (int i = 0; i < items.size(); i++) {
                if (type.isInstance(items.get(i)) && same.test(type.cast(items.get(i)))) {
                    items.set(i, item);
                    return self();
                }
            }
            items.add(item);
            return self();
        }

        /** Removes every item of {@code type} that {@code match} accepts. */
        protected <T extends ExtensionElement> B removeIf(Class<T> type, Predicate<? super T> match) {
            items.removeIf(e -> type.isInstance(e) && match.test(type.cast(e)));
            return self();
        }

        /** Appends a top-level element as is (readers use it for what the schema does not allow there). */
        public B item(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return self();
        }

        /** Adds an attribute to the root element. */
        public B attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return self();
        }

        /** Records tolerated schema slips (used by readers). */
        public B warnings(List<ParseWarning> warnings) {
            this.warnings.addAll(warnings);
            return self();
        }
    }
}
