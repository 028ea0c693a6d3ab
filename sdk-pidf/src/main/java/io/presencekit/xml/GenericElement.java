package io.presencekit.xml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An element kept as a plain tree because no registered reader claims it. Written back with the
 * same names, namespaces, attributes, text and child order (prefixes and bytes may differ).
 *
 * <p>Whitespace-only text between child elements is not kept: it is layout, not content, and
 * dropping it makes a pretty-printed and a compact copy of a document equal. Text is kept as is in
 * elements without child elements, and in mixed content.
 *
 * <p>Immutable and thread-safe. Equality is structural; prefixes are ignored.
 */
public final class GenericElement implements ExtensionElement, XmlNode {
    private final QName name;
    private final Map<QName, String> attributes;
    private final List<XmlNode> children;

    private GenericElement(QName name, Map<QName, String> attributes, List<XmlNode> children) {
        this.name = name;
        this.attributes = attributes;
        this.children = children;
    }

    /** A new builder for an element called {@code name}. */
    public static Builder builder(QName name) {
        return new Builder(name);
    }

    /** An element with only text content. */
    public static GenericElement ofText(QName name, String text) {
        return new GenericElement(Objects.requireNonNull(name, "name"), Map.of(), List.of(new XmlText(text)));
    }

    /**
     * An element from its parts (copied; attributes keep their order). Readers use this rather
     * than a builder: it copies each part once.
     */
    public static GenericElement of(QName name, Map<QName, String> attributes, List<? extends XmlNode> children) {
        return new GenericElement(Objects.requireNonNull(name, "name"), Values.orderedMap(attributes, "attributes"),
                List.copyOf(children));
    }

    @Override
    public QName qname() {
        return name;
    }

    /** Attributes in document order (namespace declarations are not attributes). */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** The value of the attribute {@code name}, or null. */
    public String attribute(QName name) {
        return attributes.get(name);
    }

    /** Child elements and text runs in document order. */
    public List<XmlNode> children() {
        return children;
    }

    /** The child elements only, in order. */
    public List<GenericElement> elements() {
        return Values.ofType(children, GenericElement.class);
    }

    /** The concatenated text of the direct text children. */
    public String text() {
        if (children.size() == 1 && children.get(0) instanceof XmlText t) {
            return t.text();
        }
        StringBuilder sb = new StringBuilder();
        for (XmlNode n : children) {
            if (n instanceof XmlText t) {
                sb.append(t.text());
            }
        }
        return sb.toString();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        Builder b = new Builder(name);
        b.attributes.putAll(attributes);
        b.children.addAll(children);
        return b;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GenericElement g && name.equals(g.name) && attributes.equals(g.attributes)
                && children.equals(g.children);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, attributes, children);
    }

    @Override
    public String toString() {
        return "GenericElement" + name + attributes + children;
    }

    /** Builds a {@link GenericElement}. Not thread-safe. */
    public static final class Builder {
        private final QName name;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<XmlNode> children = new ArrayList<>();

        private Builder(QName name) {
            this.name = Objects.requireNonNull(name, "name");
        }

        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "attribute name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder attribute(String localName, String value) {
            return attribute(new QName(localName), value);
        }

        public Builder child(XmlNode child) {
            children.add(Objects.requireNonNull(child, "child"));
            return this;
        }

        public Builder text(String text) {
            return child(new XmlText(text));
        }

        public GenericElement build() {
            return new GenericElement(name, Values.orderedMap(attributes, "attributes"), List.copyOf(children));
        }
    }
}
