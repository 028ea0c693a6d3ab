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
 * An {@code external}: the members of a list elsewhere, named by the absolute HTTP URI of that list (RFC 4826, section 3.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class External implements ExtensionElement {
    /** {@code rl:external}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "external", "rl");

    private final String anchor;
    private final DisplayName displayName;
    private final Extras extras;

    private External(Builder b) {
        this.anchor = b.anchor;
        this.displayName = b.displayName;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** An external for {@code anchor} without a display name. */
    public static External of(String anchor) {
        return builder().anchor(anchor).build();
    }

    /** A builder for an external without attributes. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this external. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.anchor = anchor;
        b.displayName = displayName;
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The absolute HTTP URI of the referenced list ({@code anchor} attribute), if any. */
    public Optional<String> anchor() {
        return Optional.ofNullable(anchor);
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
        return o instanceof External e && Objects.equals(anchor, e.anchor) && Objects.equals(displayName, e.displayName)
                && extras.equals(e.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(anchor, displayName, extras);
    }

    @Override
    public String toString() {
        return "External[anchor=" + anchor + (displayName == null ? "" : ", displayName=" + displayName.text())
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds {@link External}. Not thread-safe. */
    public static final class Builder {
        private String anchor;
        private DisplayName displayName;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder() {
        }

        /** Sets the {@code anchor} attribute; null removes it. */
        public Builder anchor(String anchor) {
            this.anchor = anchor;
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

        public External build() {
            return new External(this);
        }
    }
}
