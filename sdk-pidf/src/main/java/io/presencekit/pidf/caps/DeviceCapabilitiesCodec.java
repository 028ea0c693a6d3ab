package io.presencekit.pidf.caps;

import static io.presencekit.pidf.Namespaces.CAPS;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import javax.xml.namespace.QName;

/**
 * {@code caps:devcaps} (RFC 5196, sections 3.3 and 6): {@code description*}, {@code mobility?},
 * then other namespaces. Immutable and thread-safe.
 */
final class DeviceCapabilitiesCodec implements ExtensionCodec<DeviceCapabilities> {
    private static final QName MOBILITY = CapsXml.caps("mobility");

    @Override
    public QName name() {
        return DeviceCapabilities.QNAME;
    }

    @Override
    public Class<DeviceCapabilities> type() {
        return DeviceCapabilities.class;
    }

    @Override
    public DeviceCapabilities read(ElementReader in) {
        DeviceCapabilities.Builder b = DeviceCapabilities.builder();
        in.otherAttributes(false).forEach(b::attribute); // anyAttribute ##any
        int phase = 0; // 0 description, 1 mobility, 2 other namespaces
        boolean orderWarned = false;
        boolean hasMobility = false;
        while (in.nextChild()) {
            String ln = in.localName();
            int p = 2;
            if (CAPS.equals(in.namespaceUri())) {
                if ("description".equals(ln)) {
                    p = 0;
                    b.description(CapsXml.readDescription(in));
                } else if ("mobility".equals(ln) && !hasMobility) {
                    p = 1;
                    hasMobility = true;
                    b.mobility(CapsXml.readSupport(in, CapsXml.nameReader(Vocabulary.MOBILITY)));
                } else {
                    p = phase; // reported here, not again as out of order
                    in.schemaViolation(("mobility".equals(ln) ? "second" : "unknown") + " element <caps:" + ln
                            + "> in devcaps; kept as is");
                    b.extra(in.readGeneric());
                }
            } else {
                b.extra(in.readExtension());
            }
            if (p < phase && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("element <" + ln + "> out of schema order in devcaps");
            }
            phase = Math.max(phase, p);
        }
        return b.build();
    }

    @Override
    public void write(DeviceCapabilities value, ElementWriter out) {
        out.startElement(DeviceCapabilities.QNAME).attributes(value.extras().attributes());
        CapsXml.writeDescriptions(out, value.descriptions());
        value.mobility().ifPresent(s -> CapsXml.writeSupport(out, MOBILITY, s, CapsXml.nameWriter(Vocabulary.MOBILITY)));
        out.writeAll(value.extras());
        out.endElement();
    }
}
