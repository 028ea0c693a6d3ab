package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.Activities;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/** {@code rpid:activities} (RFC 4480, section 3.2). */
public final class ActivitiesCodec implements ExtensionCodec<Activities> {
    @Override
    public QName name() {
        return Activities.QNAME;
    }

    @Override
    public Class<Activities> type() {
        return Activities.class;
    }

    @Override
    public Activities read(ElementReader in) {
        TokenList t = TokenList.read(in, Activities.knownTokens());
        return RpidIo.build(in, () -> {
            Activities.Builder b = Activities.builder().id(t.common.id()).from(t.common.from())
                    .until(t.common.until()).extras(t.extras());
            t.notes.forEach(b::note);
            t.tokens.forEach(b::activity);
            t.others.forEach(b::other);
            for (ExtensionElement e : t.elements) {
                b.element(e);
            }
            return b.build();
        });
    }

    @Override
    public void write(Activities value, ElementWriter out) {
        TokenList.write(out, Activities.QNAME, value.id().orElse(null), value.from().orElse(null),
                value.until().orElse(null), value.notes(), value.tokens(), value.others(), value.elements(),
                value.extras());
    }
}
