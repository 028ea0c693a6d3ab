package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
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
 * An {@code entry-ref}: a reference to an entry elsewhere in the user's resource-lists documents, as a relative XCAP URI (RFC 4826, section 3.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class EntryRef implements ExtensionElement {
    /** {@code rl:entry-ref}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "entry-ref", "rl");

    private final String ref;
    private final DisplayName displayName;
    private final Extras extras;

    private EntryRef(Builder b) {
        this.ref = Objects.requireNonNull(b.ref, "ref");
        this.displayName = b.displayName;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** An entry-ref for {@code ref} without a display name. */
    public static EntryRef of(String ref) {
        return builder(ref).build();
    }

    /** An entry-ref for {@code ref} named {@code displayName}. */
    public static EntryRef of(String ref, String displayName) {
        return builder(ref).displayName(displayName).build();
    }

    /** A builder for an entry-ref of {@code ref}. */
    public static Builder builder(String ref) {
        return new Builder().ref(ref);
    }

    /** A builder holding this entry-ref. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.ref = ref;
        b.displayName = displayName;
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The relative XCAP URI of the referenced entry ({@code ref} attribute). */
    public String ref() {
        return ref;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryRef e && Objects.equals(ref, e.ref) && Objects.equals(displayName, e.displayName)
                && extras.equals(e.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, displayName, extras);
    }

    @Override
    public String toString() {
        return "EntryRef[ref=" + ref + (displayName == null ? "" : ", displayName=" + displayName.text())
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds {@link EntryRef}. Not thread-safe. */
    public static final class Builder {
        private String ref;
        private DisplayName displayName;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder() {
        }

        /** Sets the {@code ref} attribute. */
        public Builder ref(String ref) {
            this.ref = Objects.requireNonNull(ref, "ref");
            return this;
        }

        /** Sets the display name (without a language); null removes it. */
        public Builder displayName(String text) {
            this.displayName = text == null ? null : DisplayName.of(text);
            return this;
        }

        /** Sets the display name; null removes it. */
        public Builder displayName(DisplayName displayName) {
            this.displayName = displayName;
            return this;
        }

        /** Adds an attribute from another namespace. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends an element from another namespace. */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        /** Replaces the first element of the same qualified name, or appends. */
        public Builder putExtension(ExtensionElement element) {
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i).qname().equals(element.qname())) {
                    children.set(i, element);
                    return this;
                }
            }
            return extension(element);
        }

        /** Removes the elements named {@code name}. */
        public Builder removeExtensions(QName name) {
            children.removeIf(c -> c.qname().equals(name));
            return this;
        }

        /** Replaces the extra attributes and elements. */
        public Builder extras(Extras extras) {
            attributes.clear();
            attributes.putAll(extras.attributes());
            children.clear();
            children.addAll(extras.children());
            return this;
        }

        public EntryRef build() {
            return new EntryRef(this);
        }
    }
}
