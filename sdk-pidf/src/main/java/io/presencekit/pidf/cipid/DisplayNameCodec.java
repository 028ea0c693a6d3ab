package io.presencekit.pidf.cipid;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/** {@code c:display-name} (RFC 4482, section 2.2). Immutable and thread-safe. */
final class DisplayNameCodec implements ExtensionCodec<DisplayName> {
    private static final QName XML_LANG = new QName(XMLConstants.XML_NS_URI, "lang", "xml");

    @Override
    public QName name() {
        return DisplayName.QNAME;
    }

    @Override
    public Class<DisplayName> type() {
        return DisplayName.class;
    }

    @Override
    public DisplayName read(ElementReader in) {
        String lang = in.lang();
        if (lang != null && lang.isBlank()) {
            lang = null; // xml:lang="" means "no language", which is what null says
        }
        Map<QName, String> other = in.otherAttributes(true);
        return new DisplayName(in.text(), lang, other);
    }

    @Override
    public void write(DisplayName value, ElementWriter out) {
        out.startElement(DisplayName.QNAME);
        if (value.lang() != null) {
            out.attribute(XML_LANG, value.lang());
        }
        out.attributes(value.attributes());
        if (!value.value().isEmpty()) {
            out.text(value.value());
        }
        out.endElement();
    }
}
