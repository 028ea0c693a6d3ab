package io.presencekit.pidf;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * A {@code dm:deviceID} inside a tuple: the device this service runs on (RFC 4479, section 4.3.1),
 * usually a {@code urn:uuid:} URN. Immutable.
 *
 * @param value      the device identifier
 * @param attributes attributes on the element (for example {@code pidf:mustUnderstand}), kept for the round trip
 */
public record DeviceId(String value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code dm:deviceID}. */
    public static final QName QNAME = new QName(Namespaces.DATA_MODEL, "deviceID", "dm");

    public DeviceId {
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A deviceID without attributes. */
    public DeviceId(String value) {
        this(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
