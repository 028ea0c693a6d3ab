package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.ServiceClass;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/** {@code rpid:service-class} (RFC 4480, section 3.9): notes, then exactly one value. */
public final class ServiceClassCodec implements ExtensionCodec<ServiceClass> {
    @Override
    public QName name() {
        return ServiceClass.QNAME;
    }

    @Override
    public Class<ServiceClass> type() {
        return ServiceClass.class;
    }

    @Override
    public ServiceClass read(ElementReader in) {
        Map<QName, String> attributes = RpidIo.unexpectedAttributes(in);
        ServiceClass.Builder b = ServiceClass.builder();
        List<ExtensionElement> extra = RpidIo.content(in, "service-class", new RpidIo.Setters(b::note, b::element) {
            private boolean hasValue;

            @Override
            public boolean value(ElementReader in, String localName) {
                Optional<ServiceClass.Type> type = ServiceClass.Type.fromToken(localName);
                if (type.isEmpty()) {
                    return false;
                }
                if (hasValue) {
                    throw in.invalid("<service-class> has more than one value");
                }
                hasValue = true;
                RpidIo.empty(in);
                b.type(type.get());
                return true;
            }
        });
        b.extras(Extras.of(attributes, extra));
        return RpidIo.build(in, b::build);
    }

    @Override
    public void write(ServiceClass value, ElementWriter out) {
        out.startElement(ServiceClass.QNAME).attributes(value.extras().attributes());
        RpidIo.notes(out, value.notes());
        value.type().ifPresent(t -> RpidIo.empty(out, t.token()));
        out.writeAll(value.elements());
        out.writeAll(value.extras());
        out.endElement();
    }
}
