package io.presencekit.pidf.agp;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code agp-pidf:type} inside a tuple's {@code status}: a free-form status type. AG Projects
 * extension to RFC 3863, section 4.1.4 (status extensibility). Immutable.
 *
 * @param value      the type, as written
 * @param attributes attributes nobody defines, kept for the round trip
 */
public record StatusType(String value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code agp-pidf:type}. */
    public static final QName QNAME = new QName(Namespaces.AGP_PIDF, "type", "agp-pidf");

    public StatusType {
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A status type of {@code value} without attributes. */
    public static StatusType of(String value) {
        return new StatusType(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
