package io.presencekit.xml;

import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * What a typed element carries beyond its own schema: attributes and child elements that no reader
 * understood, kept so that they are written back unchanged. Immutable.
 *
 * @param attributes unknown attributes by qualified name, in document order
 * @param children   unknown (or separately registered) child elements, in document order
 */
public record Extras(Map<QName, String> attributes, List<ExtensionElement> children) {
    /** No extra attributes and no extra children. */
    public static final Extras NONE = new Extras(Map.of(), List.of());

    public Extras {
        attributes = Values.orderedMap(attributes, "attributes");
        children = Values.list(children, "children");
    }

    /** Extras with the given attributes and children (null meaning none), or {@link #NONE} when both are empty. */
    public static Extras of(Map<QName, String> attributes, List<? extends ExtensionElement> children) {
        Map<QName, String> a = attributes == null ? Map.of() : attributes;
        List<? extends ExtensionElement> c = children == null ? List.of() : children;
        return a.isEmpty() && c.isEmpty() ? NONE : new Extras(a, List.copyOf(c));
    }

    /** Whether there is nothing extra. */
    public boolean isEmpty() {
        return attributes.isEmpty() && children.isEmpty();
    }
}
