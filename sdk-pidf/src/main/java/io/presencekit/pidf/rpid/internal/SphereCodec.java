package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.Sphere;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.XmlNode;
import io.presencekit.xml.XmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * {@code rpid:sphere} (RFC 4480, section 3.10): {@code home}, {@code work}, {@code unknown},
 * foreign elements, or free text. The RFC's example uses free text although the schema declares
 * no mixed content; the element reader has no cursor for mixed content, so the element is read
 * as a tree first and then interpreted.
 */
public final class SphereCodec implements ExtensionCodec<Sphere> {
    @Override
    public QName name() {
        return Sphere.QNAME;
    }

    @Override
    public Class<Sphere> type() {
        return Sphere.class;
    }

    @Override
    public Sphere read(ElementReader in) {
        GenericElement g = in.readTree();
        Sphere.Builder b = Sphere.builder();
        Map<QName, String> others = new LinkedHashMap<>();
        for (Map.Entry<QName, String> a : g.attributes().entrySet()) {
            QName name = a.getKey();
            String value = a.getValue();
            if (!name.getNamespaceURI().isEmpty()) {
                others.put(name, value);
                continue;
            }
            switch (name.getLocalPart()) {
                case "id":
                    b.id(RpidIo.id(in, value));
                    break;
                case "from":
                    b.from(in.parseDateTime(value));
                    break;
                case "until":
                    b.until(in.parseDateTime(value));
                    break;
                default:
                    others.put(name, value);
            }
        }
        StringBuilder text = new StringBuilder();
        List<ExtensionElement> extra = new ArrayList<>(0);
        Sphere.Type type = null;
        for (XmlNode n : g.children()) {
            if (n instanceof XmlText t) {
                text.append(t.text());
                continue;
            }
            GenericElement c = (GenericElement) n;
            String ns = c.qname().getNamespaceURI();
            Optional<Sphere.Type> t = RpidIo.RPID.equals(ns) ? Sphere.Type.fromToken(c.qname().getLocalPart())
                    : Optional.empty();
            if (t.isPresent()) {
                if (!c.attributes().isEmpty() || !c.elements().isEmpty() || !c.text().isBlank()) {
                    throw in.invalid("<" + c.qname().getLocalPart() + "> in <sphere> is not empty");
                }
                if (type != null) {
                    throw in.invalid("<sphere> has more than one value");
                }
                type = t.get();
            } else if (RpidIo.RPID.equals(ns)) {
                throw in.invalid("<" + c.qname().getLocalPart() + "> is not an RFC 4480 value of <sphere>");
            } else if (ns.isEmpty()) {
                in.schemaViolation("unexpected element " + c.qname() + " in <sphere>; kept as is");
                extra.add(c);
            } else {
                b.element(c);
            }
        }
        String s = text.toString().strip();
        if (!s.isEmpty()) {
            b.text(s);
        }
        b.type(type).extras(Extras.of(others, extra));
        return RpidIo.build(in, b::build);
    }

    @Override
    public void write(Sphere value, ElementWriter out) {
        out.startElement(Sphere.QNAME);
        RpidIo.common(out, value.id().orElse(null), value.from().orElse(null), value.until().orElse(null));
        out.attributes(value.extras().attributes());
        value.type().ifPresent(t -> RpidIo.empty(out, t.token()));
        value.text().ifPresent(out::text);
        out.writeAll(value.elements());
        out.writeAll(value.extras());
        out.endElement();
    }
}
