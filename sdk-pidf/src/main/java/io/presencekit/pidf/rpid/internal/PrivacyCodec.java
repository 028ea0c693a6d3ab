package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.Privacy;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * {@code rpid:privacy} (RFC 4480, section 3.7): notes, then {@code unknown} or any of audio, text,
 * video and foreign media. The media are read in any order (the RFC's own example puts text
 * before audio) and written in the schema's.
 */
public final class PrivacyCodec implements ExtensionCodec<Privacy> {
    @Override
    public QName name() {
        return Privacy.QNAME;
    }

    @Override
    public Class<Privacy> type() {
        return Privacy.class;
    }

    @Override
    public Privacy read(ElementReader in) {
        RpidIo.Common c = RpidIo.common(in, true);
        Privacy.Builder b = Privacy.builder().id(c.id()).from(c.from()).until(c.until());
        List<ExtensionElement> extra = RpidIo.content(in, "privacy", new RpidIo.Setters(b::note, b::element) {
            private final EnumSet<Privacy.Medium> seen = EnumSet.noneOf(Privacy.Medium.class);

            @Override
            public boolean value(ElementReader in, String localName) {
                if ("unknown".equals(localName)) {
                    RpidIo.empty(in);
                    b.unknown(true);
                    return true;
                }
                Optional<Privacy.Medium> medium = Privacy.Medium.fromToken(localName);
                if (medium.isEmpty()) {
                    return false;
                }
                RpidIo.empty(in);
                if (!seen.add(medium.get())) {
                    in.schemaViolation("second <" + localName + "> in <privacy>");
                }
                b.medium(medium.get());
                return true;
            }
        });
        b.extras(Extras.of(c.others(), extra));
        return RpidIo.build(in, b::build);
    }

    @Override
    public void write(Privacy value, ElementWriter out) {
        out.startElement(Privacy.QNAME);
        RpidIo.common(out, value.id().orElse(null), value.from().orElse(null), value.until().orElse(null));
        out.attributes(value.extras().attributes());
        RpidIo.notes(out, value.notes());
        if (value.isUnknown()) {
            RpidIo.empty(out, "unknown");
        }
        for (Privacy.Medium m : value.media()) {
            RpidIo.empty(out, m.token());
        }
        out.writeAll(value.elements());
        out.writeAll(value.extras());
        out.endElement();
    }
}
