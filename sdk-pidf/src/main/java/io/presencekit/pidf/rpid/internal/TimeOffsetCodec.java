package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.TimeOffset;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import javax.xml.namespace.QName;

/** {@code rpid:time-offset} (RFC 4480, section 3.12). */
public final class TimeOffsetCodec implements ExtensionCodec<TimeOffset> {
    @Override
    public QName name() {
        return TimeOffset.QNAME;
    }

    @Override
    public Class<TimeOffset> type() {
        return TimeOffset.class;
    }

    @Override
    public TimeOffset read(ElementReader in) {
        RpidIo.Common c = RpidIo.common(in, true, "description");
        String description = in.attribute("description");
        int minutes = in.parseInt(in.text());
        return RpidIo.build(in, () -> TimeOffset.builder(minutes).description(description).id(c.id())
                .from(c.from()).until(c.until()).attributes(c.others()).build());
    }

    @Override
    public void write(TimeOffset value, ElementWriter out) {
        out.startElement(TimeOffset.QNAME);
        RpidIo.common(out, value.id().orElse(null), value.from().orElse(null), value.until().orElse(null));
        out.attribute("description", value.description().orElse(null)).attributes(value.attributes())
                .text(Integer.toString(value.minutes())).endElement();
    }
}
