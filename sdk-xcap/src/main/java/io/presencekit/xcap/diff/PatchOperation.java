package io.presencekit.xcap.diff;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.Values;
import io.presencekit.xml.XmlNode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * One XML patch operation inside an xcap-diff {@code document} (RFC 5874, section 4, with the
 * RFC 5261 patch operations): {@code add}, {@code replace} or {@code remove}, its selector, its
 * optional {@code pos}, {@code type} or {@code ws}, and its content (elements and text, kept as
 * {@link GenericElement}s and {@link io.presencekit.xml.XmlText}s). The SDK does not apply patches
 * (it refetches changed documents), but keeps them so that they survive a round trip. Immutable.
 *
 * @param kind       add, replace or remove
 * @param sel        the XPath selector ({@code sel})
 * @param pos        {@code pos} of an add ({@code before}, {@code after}, {@code prepend}), or null
 * @param type       {@code type} of an add (an attribute or namespace to add), or null
 * @param ws         {@code ws} of a remove ({@code before}, {@code after}, {@code both}), or null
 * @param content    the content, in order (empty for remove)
 * @param attributes other attributes (any namespace), in order
 */
public record PatchOperation(Kind kind, String sel, String pos, String type, String ws, List<XmlNode> content,
        Map<QName, String> attributes) implements ExtensionElement {
    public PatchOperation {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(sel, "sel");
        content = Values.list(content, "content");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** {@code <add sel="...">content</add>}. */
    public static PatchOperation add(String sel, XmlNode... content) {
        return new PatchOperation(Kind.ADD, sel, null, null, null, List.of(content), Map.of());
    }

    /** {@code <replace sel="...">content</replace>}. */
    public static PatchOperation replace(String sel, XmlNode... content) {
        return new PatchOperation(Kind.REPLACE, sel, null, null, null, List.of(content), Map.of());
    }

    /** {@code <remove sel="..."/>}. */
    public static PatchOperation remove(String sel) {
        return new PatchOperation(Kind.REMOVE, sel, null, null, null, List.of(), Map.of());
    }

    @Override
    public QName qname() {
        return kind.qname();
    }

    /** The element children of the content, in order. */
    public List<GenericElement> elements() {
        return Values.ofType(content, GenericElement.class);
    }

    /** The first element of the content, if any. */
    public Optional<GenericElement> element() {
        return elements().stream().findFirst();
    }

    /** The patch operations. */
    public enum Kind {
        /** Adds nodes ({@code add}). */
        ADD("add"),
        /** Replaces a node ({@code replace}). */
        REPLACE("replace"),
        /** Removes a node ({@code remove}). */
        REMOVE("remove");

        private final QName qname;

        Kind(String localName) {
            this.qname = new QName(XcapNamespaces.XCAP_DIFF, localName);
        }

        /** The element name. */
        public QName qname() {
            return qname;
        }
    }
}
