package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.Relationship;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/** {@code rpid:relationship} (RFC 4480, section 3.8): notes, then at most one value. */
public final class RelationshipCodec implements ExtensionCodec<Relationship> {
    @Override
    public QName name() {
        return Relationship.QNAME;
    }

    @Override
    public Class<Relationship> type() {
        return Relationship.class;
    }

    @Override
    public Relationship read(ElementReader in) {
        Map<QName, String> attributes = RpidIo.unexpectedAttributes(in);
        Relationship.Builder b = Relationship.builder();
        List<ExtensionElement> extra = RpidIo.content(in, "relationship", new RpidIo.Setters(b::note, b::element) {
            private boolean hasValue;

            @Override
            public boolean value(ElementReader in, String localName) {
                Optional<Relationship.Type> type = Relationship.Type.fromToken(localName);
                if (!"other".equals(localName) && type.isEmpty()) {
                    return false;
                }
                if (hasValue) {
                    throw in.invalid("<relationship> has more than one value");
                }
                hasValue = true;
                if (type.isPresent()) {
                    RpidIo.empty(in);
                    b.type(type.get());
                } else {
                    b.other(RpidIo.note(in));
                }
                return true;
            }
        });
        b.extras(Extras.of(attributes, extra));
        return RpidIo.build(in, b::build);
    }

    @Override
    public void write(Relationship value, ElementWriter out) {
        out.startElement(Relationship.QNAME).attributes(value.extras().attributes());
        RpidIo.notes(out, value.notes());
        value.type().ifPresent(t -> RpidIo.empty(out, t.token()));
        value.other().ifPresent(o -> RpidIo.note(out, RpidIo.OTHER, o));
        out.writeAll(value.elements());
        out.writeAll(value.extras());
        out.endElement();
    }
}
