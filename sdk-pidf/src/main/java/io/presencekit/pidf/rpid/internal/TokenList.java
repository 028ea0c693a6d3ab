package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The shape {@code rpid:activities} and {@code rpid:mood} share (RFC 4480, sections 3.2 and 3.4):
 * notes, then a list of empty token elements, {@code rpid:other} texts and foreign elements.
 */
final class TokenList {
    RpidIo.Common common;
    // created on first use: most lists hold one token and nothing else
    List<Note> notes = List.of();
    List<String> tokens = List.of();
    List<Note> others = List.of();
    List<ExtensionElement> elements = List.of();
    List<ExtensionElement> extraChildren = List.of();

    private TokenList() {
    }

    static TokenList read(ElementReader in, Set<String> vocabulary) {
        String element = in.localName();
        TokenList t = new TokenList();
        t.common = RpidIo.common(in, true);
        boolean values = false;
        boolean orderWarned = false;
        while (in.nextChild()) {
            if (RpidIo.isRpid(in)) {
                String ln = in.localName();
                if ("note".equals(ln)) {
                    if (values && !orderWarned) {
                        orderWarned = true;
                        RpidIo.noteOutOfOrder(in, element);
                    }
                    t.notes = add(t.notes, RpidIo.note(in));
                } else if ("other".equals(ln)) {
                    values = true;
                    t.others = add(t.others, RpidIo.note(in));
                } else if (vocabulary.contains(ln)) {
                    values = true;
                    RpidIo.empty(in);
                    t.tokens = add(t.tokens, ln);
                } else {
                    t.extraChildren = add(t.extraChildren, RpidIo.unexpected(in, element));
                }
            } else if (RpidIo.isForeign(in)) {
                values = true;
                t.elements = add(t.elements, in.readExtension());
            } else {
                t.extraChildren = add(t.extraChildren, RpidIo.unexpected(in, element));
            }
        }
        return t;
    }

    private static <T> List<T> add(List<T> list, T item) {
        List<T> l = list.isEmpty() ? new ArrayList<>(2) : list;
        l.add(item);
        return l;
    }

    Extras extras() {
        return Extras.of(common.others(), extraChildren);
    }

    static void write(ElementWriter out, QName name, String id, OffsetDateTime from, OffsetDateTime until,
            List<Note> notes, List<String> tokens, List<Note> others, List<ExtensionElement> elements,
            Extras extras) {
        out.startElement(name);
        RpidIo.common(out, id, from, until);
        out.attributes(extras.attributes());
        RpidIo.notes(out, notes);
        for (String token : tokens) {
            RpidIo.empty(out, token);
        }
        for (Note other : others) {
            RpidIo.note(out, RpidIo.OTHER, other);
        }
        out.writeAll(elements);
        out.writeAll(extras);
        out.endElement();
    }
}
