package io.presencekit.pidf.agp;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.util.Map;
import javax.xml.namespace.QName;

/** {@code agp-pidf:extended}. Immutable and thread-safe. */
final class ExtendedStatusCodec implements ExtensionCodec<ExtendedStatus> {
    @Override
    public QName name() {
        return ExtendedStatus.QNAME;
    }

    @Override
    public Class<ExtendedStatus> type() {
        return ExtendedStatus.class;
    }

    @Override
    public ExtendedStatus read(ElementReader in) {
        Map<QName, String> other = in.otherAttributes(false);
        String text = in.text();
        ExtendedStatus.Value value = ExtendedStatus.Value.fromToken(text);
        if (value == null) {
            throw in.invalid("extended status '" + text.strip() + "' is none of available, offline, away, busy");
        }
        return new ExtendedStatus(value, other);
    }

    @Override
    public void write(ExtendedStatus value, ElementWriter out) {
        out.startElement(ExtendedStatus.QNAME).attributes(value.attributes()).text(value.value().token()).endElement();
    }
}
