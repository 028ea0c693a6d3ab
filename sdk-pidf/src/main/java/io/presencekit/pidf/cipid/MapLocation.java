package io.presencekit.pidf.cipid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code c:map}: the URI of a map related to the presentity (some clients put free text such as "country/city" here) (RFC 4482, section 2.5). Immutable.
 *
 * @param value      the URI (surrounding whitespace removed when read, as for any {@code xs:anyURI})
 * @param attributes attributes the schema does not define, kept for the round trip
 */
public record MapLocation(String value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code c:map}. */
    public static final QName QNAME = new QName(Namespaces.CIPID, "map", "c");

    public MapLocation {
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A {@code c:map} with {@code value} and no other attributes. */
    public static MapLocation of(String value) {
        return new MapLocation(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
