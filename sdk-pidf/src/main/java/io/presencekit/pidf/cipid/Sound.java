package io.presencekit.pidf.cipid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code c:sound}: the URI of a sound related to the presentity, such as the name spoken (RFC 4482, section 2.6). Immutable.
 *
 * @param value      the URI (surrounding whitespace removed when read, as for any {@code xs:anyURI})
 * @param attributes attributes the schema does not define, kept for the round trip
 */
public record Sound(String value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code c:sound}. */
    public static final QName QNAME = new QName(Namespaces.CIPID, "sound", "c");

    public Sound {
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A {@code c:sound} with {@code value} and no other attributes. */
    public static Sound of(String value) {
        return new Sound(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
