package io.presencekit.pidf.cipid;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;
import javax.xml.namespace.QName;

/**
 * The codec shape shared by the CIPID elements whose content is one {@code xs:anyURI}: the text,
 * stripped (anyURI collapses whitespace), plus any attributes, kept. Immutable and thread-safe.
 */
final class UriElementCodec<T extends ExtensionElement> implements ExtensionCodec<T> {
    private final QName name;
    private final Class<T> type;
    private final BiFunction<String, Map<QName, String>, T> create;
    private final Function<T, String> value;
    private final Function<T, Map<QName, String>> attributes;

    UriElementCodec(QName name, Class<T> type, BiFunction<String, Map<QName, String>, T> create,
            Function<T, String> value, Function<T, Map<QName, String>> attributes) {
        this.name = name;
        this.type = type;
        this.create = create;
        this.value = value;
        this.attributes = attributes;
    }

    @Override
    public QName name() {
        return name;
    }

    @Override
    public Class<T> type() {
        return type;
    }

    @Override
    public T read(ElementReader in) {
        Map<QName, String> other = in.otherAttributes(false);
        return create.apply(in.text().strip(), other);
    }

    @Override
    public void write(T element, ElementWriter out) {
        out.startElement(name).attributes(attributes.apply(element));
        String v = value.apply(element);
        if (!v.isEmpty()) {
            out.text(v);
        }
        out.endElement();
    }
}
