package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.RpidClass;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.util.Map;
import javax.xml.namespace.QName;

/** {@code rpid:class} (RFC 4480, section 3.3). */
public final class ClassCodec implements ExtensionCodec<RpidClass> {
    @Override
    public QName name() {
        return RpidClass.QNAME;
    }

    @Override
    public Class<RpidClass> type() {
        return RpidClass.class;
    }

    @Override
    public RpidClass read(ElementReader in) {
        Map<QName, String> attributes = RpidIo.unexpectedAttributes(in);
        return new RpidClass(in.text(), attributes);
    }

    @Override
    public void write(RpidClass value, ElementWriter out) {
        out.startElement(RpidClass.QNAME).attributes(value.attributes());
        if (!value.value().isEmpty()) {
            out.text(value.value());
        }
        out.endElement();
    }
}
