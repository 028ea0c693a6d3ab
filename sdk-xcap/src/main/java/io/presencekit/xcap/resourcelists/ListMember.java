package io.presencekit.xcap.resourcelists;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * What {@link Entry}, {@link EntryRef} and {@link External} share, as the schema gives them the
 * same content (RFC 4826, section 3.2): an optional display name, then elements from other
 * namespaces, and attributes from other namespaces. Each subclass adds the one attribute that
 * says what it stands for, with its own equality, and its builder's entry points. Package-private
 * so that the three stay unrelated types in the public API.
 *
 * <p>Immutable and thread-safe.
 */
abstract class ListMember implements ExtensionElement {
    // package-private so that the subclasses' equals, hashCode and toString read them directly
    final DisplayName displayName;
    final Extras extras;

    ListMember(MemberBuilder<?, ?> b) {
        this.displayName = b.displayName;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** The display name, if any. */
    public Optional<DisplayName> displayName() {
        return Optional.ofNullable(displayName);
    }

    /** The display name's text, if any. */
    public Optional<String> displayNameText() {
        return displayName == null ? Optional.empty() : Optional.of(displayName.text());
    }

    /** Attributes from other namespaces, and the elements after the display name (schema {@code ##other}), in order. */
    public Extras extras() {
        return extras;
    }

    /** The first element of type {@code type} among {@link #extras()}, for example {@link SharedAttributes}. */
    public <T extends ExtensionElement> Optional<T> extension(Class<T> type) {
        return Values.ofType(extras.children(), type).stream().findFirst();
    }

    /**
     * The builder settings the three share. Not thread-safe.
     *
     * @param <M> the member it builds
     * @param <B> the concrete builder, so that chained calls keep its own methods in reach
     */
    abstract static class MemberBuilder<M extends ListMember, B extends MemberBuilder<M, B>> {
        private DisplayName displayName;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        MemberBuilder() {
        }

        /** A builder holding {@code member}'s display name and extras. */
        MemberBuilder(ListMember member) {
            this.displayName = member.displayName;
            this.attributes.putAll(member.extras.attributes());
            this.children.addAll(member.extras.children());
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** Sets the display name (without a language); null removes it. */
        public B displayName(String text) {
            this.displayName = text == null ? null : DisplayName.of(text);
            return self();
        }

        /** Sets the display name; null removes it. */
        public B displayName(DisplayName displayName) {
            this.displayName = displayName;
            return self();
        }

        /** Adds an attribute from another namespace. */
        public B attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return self();
        }

        /** Appends an element from another namespace. */
        public B extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return self();
        }

        /** Replaces the first element of the same qualified name, or appends. */
        public B putExtension(ExtensionElement element) {
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i).qname().equals(element.qname())) {
                    children.set(i, element);
                    return self();
                }
            }
            return extension(element);
        }

        /** Removes the elements named {@code name}. */
        public B removeExtensions(QName name) {
            children.removeIf(c -> c.qname().equals(name));
            return self();
        }

        /** Replaces the extra attributes and elements. */
        public B extras(Extras extras) {
            attributes.clear();
            attributes.putAll(extras.attributes());
            children.clear();
            children.addAll(extras.children());
            return self();
        }

        /** Builds the member. */
        public abstract M build();
    }
}
