package io.presencekit.pidf.agp;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.util.Map;
import javax.xml.namespace.QName;

/** {@code agp-pidf:type}. Immutable and thread-safe. */
final class StatusTypeCodec implements ExtensionCodec<StatusType> {
    @Override
    public QName name() {
        return StatusType.QNAME;
    }

    @Override
    public Class<StatusType> type() {
        return StatusType.class;
    }

    @Override
    public StatusType read(ElementReader in) {
        Map<QName, String> other = in.otherAttributes(false);
        return new StatusType(in.text(), other);
    }

    @Override
    public void write(StatusType value, ElementWriter out) {
        out.startElement(StatusType.QNAME).attributes(value.attributes());
        if (!value.value().isEmpty()) {
            out.text(value.value());
        }
        out.endElement();
    }
}
