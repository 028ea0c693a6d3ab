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
        if (in.attributeCount() > 0) {
            throw in.invalid("unexpected attributes on deviceID");
        }
        return new DeviceId(in.text().strip());
    }

    @Override
    public void write(DeviceId value, ElementWriter out) {
        out.textElement(DeviceId.QNAME, value.value());
    }
}
