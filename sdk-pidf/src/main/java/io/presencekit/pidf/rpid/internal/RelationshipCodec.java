package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.Relationship;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
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
        List<ExtensionElement> extra = new ArrayList<>(0);
        boolean values = false;
        boolean rpidValue = false;
        boolean orderWarned = false;
        while (in.nextChild()) {
            if (RpidIo.isForeign(in)) {
                values = true;
                b.element(in.readExtension());
                continue;
            }
            if (!RpidIo.isRpid(in)) {
                extra.add(RpidIo.unexpected(in, "relationship"));
                continue;
            }
            String ln = in.localName();
            Optional<Relationship.Type> type = Relationship.Type.fromToken(ln);
            if ("note".equals(ln)) {
                if (values && !orderWarned) {
                    orderWarned = true;
                    RpidIo.noteOutOfOrder(in, "relationship");
                }
                b.note(RpidIo.note(in));
            } else if ("other".equals(ln) || type.isPresent()) {
                if (rpidValue) {
                    throw in.invalid("<relationship> has more than one value");
                }
                values = true;
                rpidValue = true;
                if (type.isPresent()) {
                    RpidIo.empty(in);
                    b.type(type.get());
                } else {
                    b.other(RpidIo.note(in));
                }
            } else {
                extra.add(RpidIo.unexpected(in, "relationship"));
            }
        }
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
