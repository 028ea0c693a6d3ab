package io.presencekit.pidf.cipid;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import javax.xml.namespace.QName;

/** {@code c:display-name} (RFC 4482, section 2.2). Immutable and thread-safe. */
final class DisplayNameCodec implements ExtensionCodec<DisplayName> {

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
        // xml:lang="" means "no language", which is what null says
        return in.textWithLang((text, lang, other) -> new DisplayName(text,
                lang != null && lang.isBlank() ? null : lang, other));
    }

    @Override
    public void write(DisplayName value, ElementWriter out) {
        out.textElement(DisplayName.QNAME, value.value(), value.lang(), value.attributes());
    }
}
