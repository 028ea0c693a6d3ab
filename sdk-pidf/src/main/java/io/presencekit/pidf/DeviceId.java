package io.presencekit.pidf;

import io.presencekit.xml.ExtensionElement;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * A {@code dm:deviceID} inside a tuple: the device this service runs on (RFC 4479, section 4.3.1),
 * usually a {@code urn:uuid:} URN. Immutable.
 *
 * @param value the device identifier
 */
public record DeviceId(String value) implements ExtensionElement {
    /** {@code dm:deviceID}. */
    public static final QName QNAME = new QName(Namespaces.DATA_MODEL, "deviceID", "dm");

    public DeviceId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
