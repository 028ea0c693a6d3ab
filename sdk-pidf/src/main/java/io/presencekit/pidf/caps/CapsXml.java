package io.presencekit.pidf.caps;

import static io.presencekit.pidf.Namespaces.CAPS;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionElement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Reading and writing of the pieces {@code servcaps} and {@code devcaps} share: booleans,
 * descriptions and the {@code supported}/{@code notsupported} pairs (RFC 5196, section 6).
 *
 * <p>Reading policy: a value that cannot be represented (a bad boolean or integer, a priority
 * without its attribute) makes the whole element unreadable ({@link ElementReader#invalid}); a
 * misplaced or unknown element is a schema slip ({@link ElementReader#schemaViolation}) and is kept
 * as a generic element where the model has room for it (the extras of a list), else skipped.
 */
final class CapsXml {
    static final QName SUPPORTED = caps("supported");
    static final QName NOT_SUPPORTED = caps("notsupported");
    static final QName DESCRIPTION = caps("description");
    private static final QName EQUALS = caps("equals");
    /** The RFC 5196 schema's spelling, which validating peers (python-sipsimple) require. */
    private static final QName HIGHER_THAN = caps("higherhan");
    private static final QName LOWER_THAN = caps("lowerthan");
    private static final QName RANGE = caps("range");

    private CapsXml() {
    }

    static QName caps(String localName) {
        return new QName(CAPS, localName, "caps");
    }

    // ---- reading ----

    /** An {@code xs:boolean} element such as {@code caps:audio}. */
    static boolean readBoolean(ElementReader in) {
        noAttributes(in);
        return in.parseBoolean(in.text());
    }

    static Description readDescription(ElementReader in) {
        String lang = in.lang();
        if (!in.otherAttributes(true).isEmpty()) {
            in.schemaViolation("attributes other than xml:lang on <description> ignored");
        }
        return new Description(in.text(), lang == null || lang.isBlank() ? null : lang);
    }

    static void noAttributes(ElementReader in) {
        if (in.attributeCount() > 0) {
            in.schemaViolation("attributes on <" + in.localName() + "> ignored");
        }
    }

    /** Consumes an element whose content must be empty. */
    private static void empty(ElementReader in) {
        String name = in.localName();
        while (in.nextChild()) {
            in.schemaViolation("unexpected <" + in.localName() + "> inside <" + name + ">; ignored");
            in.skip();
        }
    }

    /** Reads one list ({@code supported} or {@code notsupported}) into {@code items} and {@code extras}. */
    interface SectionReader<T> {
        void read(ElementReader in, String container, Set<T> items, List<ExtensionElement> extras);
    }

    /** Reads a {@code supported}/{@code notsupported} container such as {@code caps:methods}. */
    static <T> Support<T> readSupport(ElementReader in, SectionReader<T> section) {
        String container = in.localName();
        noAttributes(in);
        Set<T> supported = new LinkedHashSet<>();
        Set<T> notSupported = new LinkedHashSet<>();
        List<ExtensionElement> supportedExtras = new ArrayList<>(0);
        List<ExtensionElement> notSupportedExtras = new ArrayList<>(0);
        boolean seenSupported = false;
        boolean seenNotSupported = false;
        while (in.nextChild()) {
            boolean caps = CAPS.equals(in.namespaceUri());
            if (caps && "supported".equals(in.localName()) && !seenSupported) {
                seenSupported = true;
                if (seenNotSupported) {
                    in.schemaViolation("<supported> after <notsupported> in <" + container + ">");
                }
                noAttributes(in);
                section.read(in, container, supported, supportedExtras);
            } else if (caps && "notsupported".equals(in.localName()) && !seenNotSupported) {
                seenNotSupported = true;
                noAttributes(in);
                section.read(in, container, notSupported, notSupportedExtras);
            } else {
                in.schemaViolation("unexpected <" + in.localName() + "> in <" + container + ">; ignored");
                in.skip();
            }
        }
        return new Support<>(supported, notSupported, supportedExtras, notSupportedExtras);
    }

    /** A section of names from {@code vocabulary} (empty elements such as {@code <caps:INVITE/>}), then other namespaces. */
    static SectionReader<String> nameReader(Vocabulary vocabulary) {
        return (in, container, items, extras) -> {
            int phase = -1;
            boolean orderWarned = false;
            int end = vocabulary.names().size();
            while (in.nextChild()) {
                int p;
                if (CAPS.equals(in.namespaceUri())) {
                    String name = in.localName();
                    p = vocabulary.indexOf(name);
                    if (p < 0) {
                        p = phase; // reported here, not again as out of order
                        in.schemaViolation("<" + name + "> is not allowed in <" + container + ">; kept as is");
                        extras.add(in.readGeneric());
                    } else {
                        noAttributes(in);
                        in.text(); // xs:string, but only the element's presence has a meaning
                        if (!items.add(name)) {
                            in.schemaViolation("second <" + name + "> in <" + container + ">; ignored");
                        }
                    }
                } else {
                    p = end;
                    extras.add(in.readExtension());
                }
                if (p < phase && !orderWarned) {
                    orderWarned = true;
                    in.schemaViolation("element <" + in.localName() + "> out of schema order in <" + container + ">");
                }
                phase = Math.max(phase, p);
            }
        };
    }

    /** A section of text items such as {@code <caps:s>sip</caps:s>} (schemes) or {@code <caps:l>} (languages). */
    static SectionReader<String> valueReader(String item) {
        return (in, container, items, extras) -> {
            while (in.nextChild()) {
                if (CAPS.equals(in.namespaceUri()) && item.equals(in.localName())) {
                    noAttributes(in);
                    String value = in.text().strip();
                    if (value.isEmpty()) {
                        in.schemaViolation("empty <" + item + "> in <" + container + ">; ignored");
                    } else {
                        items.add(value);
                    }
                } else {
                    in.schemaViolation("unexpected <" + in.localName() + "> in <" + container + ">; ignored");
                    in.skip();
                }
            }
        };
    }

    /** A section of {@code equals*, higherthan*, lowerthan*, range*}, then other namespaces. */
    static final SectionReader<PriorityCondition> PRIORITY_READER = (in, container, items, extras) -> {
        int phase = 0;
        boolean orderWarned = false;
        while (in.nextChild()) {
            int p;
            if (CAPS.equals(in.namespaceUri())) {
                String name = in.localName();
                PriorityCondition c;
                switch (name) {
                    case "equals":
                        p = 0;
                        c = new PriorityCondition.Equals(integer(in, "value"));
                        break;
                    case "higherthan":
                    case "higherhan":
                        p = 1;
                        c = new PriorityCondition.HigherThan(integer(in, "minvalue"));
                        break;
                    case "lowerthan":
                        p = 2;
                        c = new PriorityCondition.LowerThan(integer(in, "maxvalue"));
                        break;
                    case "range":
                        p = 3;
                        int min = integer(in, "minvalue");
                        int max = integer(in, "maxvalue");
                        if (min > max) {
                            throw in.invalid("priority range " + min + ".." + max + " is empty");
                        }
                        c = new PriorityCondition.Range(min, max);
                        break;
                    default:
                        p = phase; // reported here, not again as out of order
                        c = null;
                        in.schemaViolation("<" + name + "> is not allowed in <priority>; kept as is");
                        extras.add(in.readGeneric());
                }
                if (c != null) {
                    if (!in.otherAttributes(false, "value", "minvalue", "maxvalue").isEmpty()) {
                        in.schemaViolation("unknown attributes on <" + name + "> ignored");
                    }
                    empty(in);
                    items.add(c);
                }
            } else {
                p = 4;
                extras.add(in.readExtension());
            }
            if (p < phase && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("element <" + in.localName() + "> out of schema order in <priority>");
            }
            phase = Math.max(phase, p);
        }
    };

    private static int integer(ElementReader in, String attribute) {
        String v = in.attribute(attribute);
        if (v == null) {
            throw in.invalid("<" + in.localName() + "> without its " + attribute + " attribute");
        }
        return in.parseInt(v);
    }

    // ---- writing ----

    static void writeBoolean(ElementWriter out, QName name, boolean value) {
        out.startElement(name).text(value ? "true" : "false").endElement();
    }

    static void writeDescriptions(ElementWriter out, List<Description> descriptions) {
        for (Description d : descriptions) {
            out.textElement(DESCRIPTION, d.value(), d.lang(), Map.of());
        }
    }

    /** Writes the items of one list. */
    interface ItemWriter<T> {
        void write(ElementWriter out, Set<T> items);
    }

    static <T> void writeSupport(ElementWriter out, QName container, Support<T> support, ItemWriter<T> items) {
        out.startElement(container);
        section(out, SUPPORTED, support.supported(), support.supportedExtras(), items);
        section(out, NOT_SUPPORTED, support.notSupported(), support.notSupportedExtras(), items);
        out.endElement();
    }

    private static <T> void section(ElementWriter out, QName name, Set<T> items, List<ExtensionElement> extras,
            ItemWriter<T> writer) {
        if (items.isEmpty() && extras.isEmpty()) {
            return;
        }
        out.startElement(name);
        writer.write(out, items);
        out.writeAll(extras);
        out.endElement();
    }

    /** Empty elements named after the items, in schema order. */
    static ItemWriter<String> nameWriter(Vocabulary vocabulary) {
        return (out, items) -> {
            List<String> sorted = new ArrayList<>(items);
            sorted.sort(Comparator.comparingInt(vocabulary::indexOf));
            for (String name : sorted) {
                out.startElement(vocabulary.qname(name)).endElement();
            }
        };
    }

    /** One text element per item, in order. */
    static ItemWriter<String> valueWriter(String item) {
        QName name = caps(item);
        return (out, items) -> {
            for (String value : items) {
                out.textElement(name, value);
            }
        };
    }

    static final ItemWriter<PriorityCondition> PRIORITY_WRITER = (out, items) -> {
        List<PriorityCondition> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparingInt(CapsXml::rank));
        for (PriorityCondition c : sorted) {
            if (c instanceof PriorityCondition.Equals e) {
                out.startElement(EQUALS).attribute("value", Integer.toString(e.value())).endElement();
            } else if (c instanceof PriorityCondition.HigherThan h) {
                out.startElement(HIGHER_THAN).attribute("minvalue", Integer.toString(h.minValue())).endElement();
            } else if (c instanceof PriorityCondition.LowerThan l) {
                out.startElement(LOWER_THAN).attribute("maxvalue", Integer.toString(l.maxValue())).endElement();
            } else {
                PriorityCondition.Range r = (PriorityCondition.Range) c;
                out.startElement(RANGE).attribute("minvalue", Integer.toString(r.minValue()))
                        .attribute("maxvalue", Integer.toString(r.maxValue())).endElement();
            }
        }
    };

    private static int rank(PriorityCondition c) {
        if (c instanceof PriorityCondition.Equals) {
            return 0;
        }
        if (c instanceof PriorityCondition.HigherThan) {
            return 1;
        }
        return c instanceof PriorityCondition.LowerThan ? 2 : 3;
    }
}
