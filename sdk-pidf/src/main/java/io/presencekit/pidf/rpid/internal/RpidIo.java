package io.presencekit.pidf.rpid.internal;

import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.xml.Values;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionElement;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.xml.namespace.QName;

/** Reading and writing pieces every RPID codec shares: common attributes, notes, empty value elements. */
final class RpidIo {
    static final String RPID = Namespaces.RPID;
    static final QName NOTE = name("note");
    static final QName OTHER = name("other");

    private RpidIo() {
    }

    static QName name(String localName) {
        return new QName(RPID, localName, "rpid");
    }

    /**
     * The attributes most RPID elements share ({@code id}, and {@code from} and {@code until} when
     * {@code fromUntil}) plus every other attribute not named in {@code known}, in document order.
     */
    record Common(String id, OffsetDateTime from, OffsetDateTime until, Map<QName, String> others) {
    }

    static Common common(ElementReader in, boolean fromUntil, String... known) {
        String[] all = new String[known.length + (fromUntil ? 3 : 1)];
        all[0] = "id";
        if (fromUntil) {
            all[1] = "from";
            all[2] = "until";
        }
        System.arraycopy(known, 0, all, fromUntil ? 3 : 1, known.length);
        String id = id(in, in.attribute("id"));
        OffsetDateTime from = null;
        OffsetDateTime until = null;
        if (fromUntil) {
            String f = in.attribute("from");
            from = f == null ? null : in.parseDateTime(f);
            String u = in.attribute("until");
            until = u == null ? null : in.parseDateTime(u);
        }
        return new Common(id, from, until, in.otherAttributes(false, all));
    }

    /** {@code id}, reporting one that is not an {@code xs:ID} as a schema slip (kept as is, like PIDF ids). */
    static String id(ElementReader in, String id) {
        if (id != null && !Values.isNcName(id)) {
            in.schemaViolation("<" + in.localName() + "> id '" + id + "' is not an XML ID");
        }
        return id;
    }

    /**
     * The attributes of an element whose schema allows none ({@code class}, {@code relationship},
     * {@code service-class}): kept, and reported as a schema slip unless the only one is PIDF's
     * {@code mustUnderstand}, which RFC 3863 allows on any extension element.
     */
    static Map<QName, String> unexpectedAttributes(ElementReader in) {
        Map<QName, String> attributes = in.otherAttributes(false);
        for (QName a : attributes.keySet()) {
            if (!a.equals(PidfCodec.MUST_UNDERSTAND)) {
                in.schemaViolation("<" + in.localName() + "> has no attributes in RFC 4480; kept " + attributes.keySet());
                break;
            }
        }
        return attributes;
    }

    /** Reads a {@code Note_t} element ({@code rpid:note}, {@code rpid:other}). */
    static Note note(ElementReader in) {
        return in.textWithLang(Note::new);
    }

    /** Whether the reader is on an element in the RPID namespace. */
    static boolean isRpid(ElementReader in) {
        return RPID.equals(in.namespaceUri());
    }

    /** Whether the reader is on an element the schema's {@code ##other} wildcard admits: namespaced, not RPID. */
    static boolean isForeign(ElementReader in) {
        String ns = in.namespaceUri();
        return !ns.isEmpty() && !RPID.equals(ns);
    }

    /** Consumes an element of the schema's {@code empty} type; attributes or child elements make it unreadable. */
    static void empty(ElementReader in) {
        String what = in.localName();
        if (in.attributeCount() > 0) {
            throw in.invalid("unexpected attribute " + in.attributeName(0) + " on <" + what + ">");
        }
        if (in.nextChild()) {
            throw in.invalid("unexpected element <" + in.localName() + "> inside <" + what + ">");
        }
    }

    /**
     * Reads an element holding exactly one empty RPID element ({@code place-is/audio} and the
     * like) and returns that element's local name.
     */
    static String single(ElementReader in) {
        String what = in.localName();
        if (in.attributeCount() > 0) {
            throw in.invalid("unexpected attribute " + in.attributeName(0) + " on <" + what + ">");
        }
        if (!in.nextChild()) {
            throw in.invalid("<" + what + "> has no value");
        }
        if (!isRpid(in)) {
            throw in.invalid("unexpected element " + in.name() + " inside <" + what + ">");
        }
        String value = in.localName();
        empty(in);
        if (in.nextChild()) {
            throw in.invalid("<" + what + "> has more than one value");
        }
        return value;
    }

    /** Reports an {@code rpid:note} that follows the element's values. */
    static void noteOutOfOrder(ElementReader in, String parent) {
        in.schemaViolation("<note> after the values of <" + parent + ">; written back first");
    }

    /**
     * Handles an element the schema does not allow here. RPID's namespace is closed, so an RPID
     * element RFC 4480 does not define at this place is a bad value: the parent is unreadable. Any
     * other element is reported as a schema slip and returned, to be kept in the extras.
     */
    static ExtensionElement unexpected(ElementReader in, String parent) {
        if (isRpid(in)) {
            throw in.invalid("<" + in.localName() + "> is not an RFC 4480 value of <" + parent + ">");
        }
        in.schemaViolation("unexpected element " + in.name() + " in <" + parent + ">; kept as is");
        return in.readExtension();
    }

    /**
     * What one element's reader does with its children when {@link #content} walks them: the
     * element's content is notes, then values, where a value is an RPID child the element knows
     * or an element from another namespace.
     */
    interface Content {
        /** Takes an {@code rpid:note}. */
        void note(Note note);

        /** Takes an element from another namespace (the schema's {@code ##other} values). */
        void foreign(ExtensionElement element);

        /**
         * Reads the RPID child {@code localName} if it is a value of this element and returns true;
         * returns false, reading nothing, if it is not.
         */
        boolean value(ElementReader in, String localName);
    }

    /**
     * A {@link Content} that hands notes and foreign elements to a builder's setters; the element
     * reads its own values.
     */
    abstract static class Setters implements Content {
        private final Consumer<Note> notes;
        private final Consumer<ExtensionElement> foreign;

        Setters(Consumer<Note> notes, Consumer<ExtensionElement> foreign) {
            this.notes = notes;
            this.foreign = foreign;
        }

        @Override
        public void note(Note note) {
            notes.accept(note);
        }

        @Override
        public void foreign(ExtensionElement element) {
            foreign.accept(element);
        }
    }

    /**
     * Reads the children of an element whose content is notes, then values: reports the first
     * note that follows a value, and keeps each child the element does not know (see
     * {@link #unexpected}). Returns those children, for the element's extras.
     */
    static List<ExtensionElement> content(ElementReader in, String parent, Content content) {
        List<ExtensionElement> extra = null;
        boolean values = false;
        boolean orderWarned = false;
        while (in.nextChild()) {
            if (isForeign(in)) {
                values = true;
                content.foreign(in.readExtension());
            } else if (isRpid(in) && "note".equals(in.localName())) {
                if (values && !orderWarned) {
                    orderWarned = true;
                    noteOutOfOrder(in, parent);
                }
                content.note(note(in));
            } else if (isRpid(in) && content.value(in, in.localName())) {
                values = true;
            } else {
                extra = Values.add(extra, unexpected(in, parent));
            }
        }
        return extra == null ? List.of() : extra;
    }

    /** Builds with the model's own checks, turning a refusal into {@link ElementReader#invalid}. */
    static <T> T build(ElementReader in, Supplier<T> builder) {
        try {
            return builder.get();
        } catch (IllegalArgumentException e) {
            throw in.invalid(e.getMessage());
        }
    }

    // ---- writing ----

    static void common(ElementWriter out, String id, OffsetDateTime from, OffsetDateTime until) {
        out.attribute("id", id);
        if (from != null) {
            out.attribute("from", out.formatDateTime(from));
        }
        if (until != null) {
            out.attribute("until", out.formatDateTime(until));
        }
    }

    static void note(ElementWriter out, QName name, Note note) {
        out.textElement(name, note.text(), note.lang(), note.attributes());
    }

    static void notes(ElementWriter out, List<Note> notes) {
        for (Note n : notes) {
            note(out, NOTE, n);
        }
    }

    static void empty(ElementWriter out, String localName) {
        out.startElement(name(localName)).endElement();
    }
}
