package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * The shape {@code rpid:activities} and {@code rpid:mood} share (RFC 4480, sections 3.2 and 3.4):
 * notes, then a list of empty token elements, {@code rpid:other} texts and foreign elements.
 */
final class TokenList implements RpidIo.Content {
    private final Set<String> vocabulary;
    RpidIo.Common common;
    // created on first use (see Values.add): most lists hold one token and nothing else
    List<Note> notes = List.of();
    List<String> tokens = List.of();
    List<Note> others = List.of();
    List<ExtensionElement> elements = List.of();
    List<ExtensionElement> extraChildren = List.of();

    private TokenList(Set<String> vocabulary) {
        this.vocabulary = vocabulary;
    }

    static TokenList read(ElementReader in, Set<String> vocabulary) {
        TokenList t = new TokenList(vocabulary);
        t.common = RpidIo.common(in, true);
        t.extraChildren = RpidIo.content(in, in.localName(), t);
        return t;
    }

    @Override
    public void note(Note note) {
        notes = Values.add(notes, note);
    }

    @Override
    public void foreign(ExtensionElement element) {
        elements = Values.add(elements, element);
    }

    @Override
    public boolean value(ElementReader in, String localName) {
        if ("other".equals(localName)) {
            others = Values.add(others, RpidIo.note(in));
        } else if (vocabulary.contains(localName)) {
            RpidIo.empty(in);
            tokens = Values.add(tokens, localName);
        } else {
            return false;
        }
        return true;
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
