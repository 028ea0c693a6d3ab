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
 * An xcap-diff {@code element} (RFC 5874, section 4): an XCAP element's current content, or with
 * {@code exists="false"} the news that it no longer exists. The content is kept as generic XML
 * (read it with the codec of its document type if needed). Immutable.
 *
 * @param sel        the XCAP node selector ({@code sel})
 * @param exists     the {@code exists} attribute, or null when absent
 * @param content    the content, in order: normally one element
 * @param attributes other attributes (any namespace), in order
 */
public record ElementChange(String sel, Boolean exists, List<XmlNode> content, Map<QName, String> attributes)
        implements ExtensionElement {
    /** {@code element}. */
    public static final QName QNAME = new QName(XcapNamespaces.XCAP_DIFF, "element");

    public ElementChange {
        Objects.requireNonNull(sel, "sel");
        content = Values.list(content, "content");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** The element {@code sel} with content {@code element}. */
    public static ElementChange of(String sel, GenericElement element) {
        return new ElementChange(sel, null, List.of(element), Map.of());
    }

    /** The element {@code sel} no longer exists. */
    public static ElementChange removed(String sel) {
        return new ElementChange(sel, false, List.of(), Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The element, if the content has one. */
    public Optional<GenericElement> element() {
        return Values.ofType(content, GenericElement.class).stream().findFirst();
    }

    /** Whether the element was removed ({@code exists} false). */
    public boolean isRemoved() {
        return Boolean.FALSE.equals(exists);
    }
}
