package io.presencekit.pidf.internal;

import io.presencekit.pidf.DeviceId;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import javax.xml.namespace.QName;

/** {@code dm:deviceID} inside a tuple (RFC 4479, section 4.3.1). */
public final class DeviceIdCodec implements ExtensionCodec<DeviceId> {
    @Override
    public QName name() {
        return DeviceId.QNAME;
    }

    @Override
    public Class<DeviceId> type() {
        return DeviceId.class;
    }

    @Override
    public DeviceId read(ElementReader in) {
        java.util.Map<QName, String> attributes = in.attributeCount() == 0 ? java.util.Map.of()
                : in.otherAttributes(false);
        return new DeviceId(in.text().strip(), attributes);
    }

    @Override
    public void write(DeviceId value, ElementWriter out) {
        out.startElement(DeviceId.QNAME).attributes(value.attributes()).text(value.value()).endElement();
    }
}
