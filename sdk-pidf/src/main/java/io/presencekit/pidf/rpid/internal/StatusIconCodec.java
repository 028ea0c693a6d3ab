package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.StatusIcon;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import javax.xml.namespace.QName;

/** {@code rpid:status-icon} (RFC 4480, section 3.11). */
public final class StatusIconCodec implements ExtensionCodec<StatusIcon> {
    @Override
    public QName name() {
        return StatusIcon.QNAME;
    }

    @Override
    public Class<StatusIcon> type() {
        return StatusIcon.class;
    }

    @Override
    public StatusIcon read(ElementReader in) {
        RpidIo.Common c = RpidIo.common(in, true);
        String uri = in.text().strip();
        if (uri.isEmpty()) {
            throw in.invalid("empty status-icon");
        }
        return RpidIo.build(in, () -> StatusIcon.builder(uri).id(c.id()).from(c.from()).until(c.until())
                .attributes(c.others()).build());
    }

    @Override
    public void write(StatusIcon value, ElementWriter out) {
        out.startElement(StatusIcon.QNAME);
        RpidIo.common(out, value.id().orElse(null), value.from().orElse(null), value.until().orElse(null));
        out.attributes(value.attributes()).text(value.uri()).endElement();
    }
}
