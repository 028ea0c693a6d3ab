package io.presencekit.pidf.cipid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code c:card}: a URI of the presentity's business card, for example a vCard (RFC 4482, section 2.1). Immutable.
 *
 * @param value      the URI (surrounding whitespace removed when read, as for any {@code xs:anyURI})
 * @param attributes attributes the schema does not define, kept for the round trip
 */
public record Card(String value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code c:card}. */
    public static final QName QNAME = new QName(Namespaces.CIPID, "card", "c");

    public Card {
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A {@code c:card} with {@code value} and no other attributes. */
    public static Card of(String value) {
        return new Card(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
