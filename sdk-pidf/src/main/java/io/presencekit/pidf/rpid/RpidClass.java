package io.presencekit.pidf.rpid;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code rpid:class} (RFC 4480, section 3.3): a token the presentity chooses to group similar
 * persons, services or devices (for example {@code calendar} or {@code email}), so that a watcher
 * or a composer can tell them apart. It carries no meaning on its own. Named {@code RpidClass}
 * because {@code Class} is taken by Java. Immutable.
 *
 * @param value      the token, whitespace collapsed as for {@code xs:token}
 * @param attributes attributes found on the element (the schema allows none), kept for the round trip
 */
public record RpidClass(String value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code rpid:class}. */
    public static final QName QNAME = Rpid.name("class");

    public RpidClass {
        value = Rpid.collapse(Objects.requireNonNull(value, "value"));
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A class with {@code value} and no attributes. */
    public static RpidClass of(String value) {
        return new RpidClass(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
