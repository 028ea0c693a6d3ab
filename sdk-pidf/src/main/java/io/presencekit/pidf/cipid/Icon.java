package io.presencekit.pidf.cipid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code c:icon}: the URI of an image representing the presentity (Blink publishes its XCAP status icon here) (RFC 4482, section 2.4). Immutable.
 *
 * @param value      the URI (surrounding whitespace removed when read, as for any {@code xs:anyURI})
 * @param attributes attributes the schema does not define, kept for the round trip
 */
public record Icon(String value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code c:icon}. */
    public static final QName QNAME = new QName(Namespaces.CIPID, "icon", "c");

    public Icon {
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A {@code c:icon} with {@code value} and no other attributes. */
    public static Icon of(String value) {
        return new Icon(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
