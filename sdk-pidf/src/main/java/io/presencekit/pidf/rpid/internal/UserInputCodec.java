package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.UserInput;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.time.OffsetDateTime;
import javax.xml.namespace.QName;

/** {@code rpid:user-input} (RFC 4480, section 3.13). */
public final class UserInputCodec implements ExtensionCodec<UserInput> {
    @Override
    public QName name() {
        return UserInput.QNAME;
    }

    @Override
    public Class<UserInput> type() {
        return UserInput.class;
    }

    @Override
    public UserInput read(ElementReader in) {
        RpidIo.Common c = RpidIo.common(in, false, "idle-threshold", "last-input");
        String threshold = in.attribute("idle-threshold");
        Integer idleThreshold = null;
        if (threshold != null) {
            idleThreshold = in.parseInt(threshold);
            if (idleThreshold <= 0) {
                throw in.invalid("idle-threshold must be a positive integer: '" + threshold + "'");
            }
        }
        String last = in.attribute("last-input");
        OffsetDateTime lastInput = last == null ? null : in.parseDateTime(last);
        String text = in.text();
        UserInput.State state = UserInput.State.fromToken(text.strip())
                .orElseThrow(() -> in.invalid("user-input is neither active nor idle: '" + text + "'"));
        Integer t = idleThreshold;
        return RpidIo.build(in, () -> UserInput.builder(state).idleThreshold(t).lastInput(lastInput).id(c.id())
                .attributes(c.others()).build());
    }

    @Override
    public void write(UserInput value, ElementWriter out) {
        out.startElement(UserInput.QNAME).attribute("id", value.id().orElse(null));
        value.idleThreshold().ifPresent(t -> out.attribute("idle-threshold", Integer.toString(t)));
        value.lastInput().ifPresent(t -> out.attribute("last-input", out.formatDateTime(t)));
        out.attributes(value.attributes()).text(value.state().token()).endElement();
    }
}
