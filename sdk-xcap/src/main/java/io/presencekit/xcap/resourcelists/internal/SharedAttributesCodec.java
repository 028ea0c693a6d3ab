package io.presencekit.xcap.resourcelists.internal;

import io.presencekit.xcap.resourcelists.SharedAttributes;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * One namespace's {@code attributes} element (python-sipsimple {@code EntryAttributes} and
 * {@code ElementAttributes}): {@code attribute} children with a {@code name}, text for the value,
 * and {@code nil} (any value, as python-sipsimple tests only its presence) for none. Anything
 * else inside makes the element unreadable, so that a lenient reader keeps it whole. Immutable
 * and thread-safe.
 */
public final class SharedAttributesCodec implements ExtensionCodec<SharedAttributes> {
    private final QName name;
    private final QName attribute;

    /** The codec for {@code name}, an {@code attributes} element in some namespace. */
    public SharedAttributesCodec(QName name) {
        this.name = name;
        this.attribute = new QName(name.getNamespaceURI(), "attribute", name.getPrefix());
    }

    @Override
    public QName name() {
        return name;
    }

    @Override
    public Class<SharedAttributes> type() {
        return SharedAttributes.class;
    }

    @Override
    public SharedAttributes read(ElementReader in) {
        Reading.noOtherAttributes(in, false, "attributes");
        Map<String, String> values = new LinkedHashMap<>();
        while (in.nextChild()) {
            if (!in.is(name.getNamespaceURI(), "attribute")) {
                throw in.invalid("unexpected <" + in.localName() + "> in attributes");
            }
            String key = Reading.required(in, "name", "attribute");
            boolean nil = in.attribute("nil") != null;
            Reading.noOtherAttributes(in, false, "attribute", "name", "nil");
            if (values.containsKey(key)) {
                throw in.invalid("second attribute named '" + key + "'");
            }
            String text = in.text();
            if (nil && !text.isEmpty()) {
                throw in.invalid("attribute '" + key + "' is nil but has a value");
            }
            values.put(key, nil ? null : text);
        }
        return SharedAttributes.of(name, values);
    }

    @Override
    public void write(SharedAttributes value, ElementWriter out) {
        out.startElement(value.qname());
        QName child = value.qname().equals(name) ? attribute
                : new QName(value.namespace(), "attribute", value.qname().getPrefix());
        for (Map.Entry<String, String> e : value.values().entrySet()) {
            out.startElement(child).attribute("name", e.getKey());
            if (e.getValue() == null) {
                out.attribute("nil", "true");
            } else if (!e.getValue().isEmpty()) {
                out.text(e.getValue());
            }
            out.endElement();
        }
        out.endElement();
    }
}
