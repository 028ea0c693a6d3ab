package io.presencekit.pidf.cipid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code c:homepage}: the URI of a web page about the presentity (RFC 4482, section 2.3). Immutable.
 *
 * @param value      the URI (surrounding whitespace removed when read, as for any {@code xs:anyURI})
 * @param attributes attributes the schema does not define, kept for the round trip
 */
public record Homepage(String value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code c:homepage}. */
    public static final QName QNAME = new QName(Namespaces.CIPID, "homepage", "c");

    public Homepage {
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A {@code c:homepage} with {@code value} and no other attributes. */
    public static Homepage of(String value) {
        return new Homepage(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
