package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.rpid.PlaceIs;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.xml.namespace.QName;

/** {@code rpid:place-is} (RFC 4480, section 3.5): notes, then audio, video and text, each optional. */
public final class PlaceIsCodec implements ExtensionCodec<PlaceIs> {
    private static final QName AUDIO = RpidIo.name("audio");
    private static final QName VIDEO = RpidIo.name("video");
    private static final QName TEXT = RpidIo.name("text");

    @Override
    public QName name() {
        return PlaceIs.QNAME;
    }

    @Override
    public Class<PlaceIs> type() {
        return PlaceIs.class;
    }

    @Override
    public PlaceIs read(ElementReader in) {
        RpidIo.Common c = RpidIo.common(in, true);
        PlaceIs.Builder b = PlaceIs.builder().id(c.id()).from(c.from()).until(c.until());
        List<ExtensionElement> extra = new ArrayList<>(0);
        PlaceIs.Audio audio = null;
        PlaceIs.Video video = null;
        PlaceIs.Text text = null;
        int phase = 0; // 0 notes, 1 audio, 2 video, 3 text
        boolean orderWarned = false;
        while (in.nextChild()) {
            int p;
            if (!RpidIo.isRpid(in)) {
                extra.add(RpidIo.unexpected(in, "place-is"));
                continue;
            }
            String ln = in.localName();
            switch (ln) {
                case "note":
                    p = 0;
                    b.note(RpidIo.note(in));
                    break;
                case "audio":
                    p = 1;
                    audio = judgement(in, audio, PlaceIs.Audio::fromToken);
                    break;
                case "video":
                    p = 2;
                    video = judgement(in, video, PlaceIs.Video::fromToken);
                    break;
                case "text":
                    p = 3;
                    text = judgement(in, text, PlaceIs.Text::fromToken);
                    break;
                default:
                    extra.add(RpidIo.unexpected(in, "place-is"));
                    continue;
            }
            if (p < phase && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("<" + ln + "> out of schema order in <place-is>");
            }
            phase = Math.max(phase, p);
        }
        return b.audio(audio).video(video).text(text).extras(Extras.of(c.others(), extra)).build();
    }

    /**
     * Reads {@code audio}, {@code video} or {@code text}: one empty RPID element naming the
     * judgement. {@code seen} is the value read before, if any, for there may be only one.
     */
    private static <T> T judgement(ElementReader in, T seen, Function<String, Optional<T>> fromToken) {
        String medium = in.localName();
        if (seen != null) {
            throw in.invalid("second <" + medium + "> in <place-is>");
        }
        String v = RpidIo.single(in);
        return fromToken.apply(v).orElseThrow(() -> in.invalid("unknown " + medium + " value <" + v + ">"));
    }

    @Override
    public void write(PlaceIs value, ElementWriter out) {
        out.startElement(PlaceIs.QNAME);
        RpidIo.common(out, value.id().orElse(null), value.from().orElse(null), value.until().orElse(null));
        out.attributes(value.extras().attributes());
        RpidIo.notes(out, value.notes());
        judgement(out, AUDIO, value.audio().map(PlaceIs.Audio::token));
        judgement(out, VIDEO, value.video().map(PlaceIs.Video::token));
        judgement(out, TEXT, value.text().map(PlaceIs.Text::token));
        out.writeAll(value.extras());
        out.endElement();
    }

    private static void judgement(ElementWriter out, QName medium, Optional<String> token) {
        if (token.isPresent()) {
            out.startElement(medium);
            RpidIo.empty(out, token.get());
            out.endElement();
        }
    }
}
