package io.presencekit.xcap.resourcelists.internal;

import io.presencekit.xcap.resourcelists.DisplayName;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/** {@code rl:display-name}: text with an optional {@code xml:lang}. Immutable and thread-safe. */
final class DisplayNameCodec implements ExtensionCodec<DisplayName> {
    static final QName XML_LANG = new QName(XMLConstants.XML_NS_URI, "lang", "xml");

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
        Reading.noOtherAttributes(in, true, "display-name");
        String lang = in.lang();
        return new DisplayName(in.text(), lang);
    }

    @Override
    public void write(DisplayName value, ElementWriter out) {
        out.startElement(DisplayName.QNAME).attribute(XML_LANG, value.lang());
        if (!value.text().isEmpty()) {
            out.text(value.text());
        }
        out.endElement();
    }
}
