package io.presencekit.pidf.timed;

import static io.presencekit.pidf.Namespaces.TIMED_STATUS;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Note;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.time.OffsetDateTime;
import javax.xml.namespace.QName;

/**
 * {@code ts:timed-status} (RFC 4481, section 5): {@code basic?}, {@code note?}, then elements of
 * other namespaces. Immutable and thread-safe.
 */
final class TimedStatusCodec implements ExtensionCodec<TimedStatus> {
    private static final QName BASIC = new QName(TIMED_STATUS, "basic", "ts");
    private static final QName NOTE = new QName(TIMED_STATUS, "note", "ts");

    @Override
    public QName name() {
        return TimedStatus.QNAME;
    }

    @Override
    public Class<TimedStatus> type() {
        return TimedStatus.class;
    }

    @Override
    public TimedStatus read(ElementReader in) {
        String fromText = in.attribute("from");
        if (fromText == null) {
            throw in.invalid("timed-status without the required from attribute");
        }
        OffsetDateTime from = in.parseDateTime(fromText);
        String untilText = in.attribute("until");
        OffsetDateTime until = untilText == null ? null : in.parseDateTime(untilText);
        if (until != null && until.isBefore(from)) {
            throw in.invalid("timed-status until " + untilText.strip() + " is before from " + fromText.strip());
        }
        TimedStatus.Builder b = TimedStatus.builder(from).until(until);
        in.otherAttributes(false, "from", "until").forEach(b::attribute);
        int phase = 0; // 0 basic, 1 note, 2 other namespaces
        boolean orderWarned = false;
        boolean hasBasic = false;
        boolean hasNote = false;
        while (in.nextChild()) {
            int p;
            if (TIMED_STATUS.equals(in.namespaceUri())) {
                String ln = in.localName();
                if ("basic".equals(ln) && !hasBasic) {
                    p = 0;
                    hasBasic = true;
                    if (in.attributeCount() > 0) {
                        in.schemaViolation("attributes on <ts:basic> ignored");
                    }
                    String text = in.text();
                    Basic basic = Basic.fromToken(text);
                    if (basic == null) {
                        throw in.invalid("timed basic status '" + text.strip() + "' is neither open nor closed");
                    }
                    b.basic(basic);
                } else if ("note".equals(ln) && !hasNote) {
                    p = 1;
                    hasNote = true;
                    b.note(in.textWithLang(Note::new));
                } else {
                    p = 2;
                    in.schemaViolation((hasBasic && "basic".equals(ln)) || (hasNote && "note".equals(ln))
                            ? "second <" + ln + "> in timed-status; kept as is"
                            : "unknown element <ts:" + ln + "> in timed-status; kept as is");
                    b.extra(in.readGeneric());
                }
            } else {
                p = 2;
                b.extra(in.readExtension());
            }
            if (p < phase && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("element <" + in.localName() + "> out of schema order in timed-status");
            }
            phase = Math.max(phase, p);
        }
        return b.build();
    }

    @Override
    public void write(TimedStatus value, ElementWriter out) {
        out.startElement(TimedStatus.QNAME).attribute("from", out.formatDateTime(value.from()));
        value.until().ifPresent(u -> out.attribute("until", out.formatDateTime(u)));
        out.attributes(value.extras().attributes());
        value.basic().ifPresent(b -> out.textElement(BASIC, b.token()));
        value.note().ifPresent(n -> out.textElement(NOTE, n.text(), n.lang(), n.attributes()));
        out.writeAll(value.extras());
        out.endElement();
    }
}
