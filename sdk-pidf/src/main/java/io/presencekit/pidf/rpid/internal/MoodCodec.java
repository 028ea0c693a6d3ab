package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.Mood;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/** {@code rpid:mood} (RFC 4480, section 3.4). */
public final class MoodCodec implements ExtensionCodec<Mood> {
    @Override
    public QName name() {
        return Mood.QNAME;
    }

    @Override
    public Class<Mood> type() {
        return Mood.class;
    }

    @Override
    public Mood read(ElementReader in) {
        TokenList t = TokenList.read(in, Mood.knownTokens());
        return RpidIo.build(in, () -> {
            Mood.Builder b = Mood.builder().id(t.common.id()).from(t.common.from())
                    .until(t.common.until()).extras(t.extras());
            t.notes.forEach(b::note);
            t.tokens.forEach(b::mood);
            t.others.forEach(b::other);
            for (ExtensionElement e : t.elements) {
                b.element(e);
            }
            return b.build();
        });
    }

    @Override
    public void write(Mood value, ElementWriter out) {
        TokenList.write(out, Mood.QNAME, value.id().orElse(null), value.from().orElse(null),
                value.until().orElse(null), value.notes(), value.tokens(), value.others(), value.elements(),
                value.extras());
    }
}
