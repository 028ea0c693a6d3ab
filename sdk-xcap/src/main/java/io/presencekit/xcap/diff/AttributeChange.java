package io.presencekit.xcap.diff;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An xcap-diff {@code attribute} (RFC 5874, section 4): an XCAP attribute's current value, or
 * with {@code exists="false"} the news that it no longer exists. Immutable.
 *
 * @param sel        the XCAP node selector ({@code sel}), ending in {@code @name}
 * @param exists     the {@code exists} attribute, or null when absent
 * @param value      the value (empty when removed)
 * @param attributes other attributes (any namespace), in order
 */
public record AttributeChange(String sel, Boolean exists, String value, Map<QName, String> attributes)
        implements ExtensionElement {
    /** {@code attribute}. */
    public static final QName QNAME = new QName(XcapNamespaces.XCAP_DIFF, "attribute");

    public AttributeChange {
        Objects.requireNonNull(sel, "sel");
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** The attribute {@code sel} has {@code value}. */
    public static AttributeChange of(String sel, String value) {
        return new AttributeChange(sel, null, value, Map.of());
    }

    /** The attribute {@code sel} no longer exists. */
    public static AttributeChange removed(String sel) {
        return new AttributeChange(sel, false, "", Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** Whether the attribute was removed ({@code exists} false). */
    public boolean isRemoved() {
        return Boolean.FALSE.equals(exists);
    }
}
