package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.rpid.PlaceType;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.namespace.QName;

/** {@code rpid:place-type} (RFC 4480, section 3.6): notes, then {@code other} or foreign place types. */
public final class PlaceTypeCodec implements ExtensionCodec<PlaceType> {
    @Override
    public QName name() {
        return PlaceType.QNAME;
    }

    @Override
    public Class<PlaceType> type() {
        return PlaceType.class;
    }

    @Override
    public PlaceType read(ElementReader in) {
        RpidIo.Common c = RpidIo.common(in, true);
        PlaceType.Builder b = PlaceType.builder().id(c.id()).from(c.from()).until(c.until());
        List<ExtensionElement> extra = RpidIo.content(in, "place-type", new RpidIo.Setters(b::note, b::type) {
            private boolean hasOther;

            @Override
            public boolean value(ElementReader in, String localName) {
                if (!"other".equals(localName)) {
                    return false;
                }
                if (hasOther) {
                    throw in.invalid("second <other> in <place-type>");
                }
                hasOther = true;
                b.other(RpidIo.note(in));
                return true;
            }
        });
        b.extras(Extras.of(c.others(), extra));
        return RpidIo.build(in, b::build);
    }

    @Override
    public void write(PlaceType value, ElementWriter out) {
        out.startElement(PlaceType.QNAME);
        RpidIo.common(out, value.id().orElse(null), value.from().orElse(null), value.until().orElse(null));
        out.attributes(value.extras().attributes());
        RpidIo.notes(out, value.notes());
        value.other().ifPresent(o -> RpidIo.note(out, RpidIo.OTHER, o));
        out.writeAll(value.types());
        out.writeAll(value.extras());
        out.endElement();
    }

    /**
     * RPID's namespace, and RFC 4589's when location types are used, so that both are declared
     * once on the root with their usual prefixes. Other namespaces are left to the writer, which
     * declares them where used with the prefix they were read with: this SPI cannot pass prefix
     * hints, so declaring them on the root would rename them {@code ns1}, {@code ns2}, ...
     */
    @Override
    public void collectNamespaces(PlaceType value, Consumer<String> sink) {
        sink.accept(RpidIo.RPID);
        for (ExtensionElement e : value.types()) {
            if (Namespaces.LOCATION_TYPE.equals(e.qname().getNamespaceURI())) {
                sink.accept(Namespaces.LOCATION_TYPE);
                return;
            }
        }
    }
}
