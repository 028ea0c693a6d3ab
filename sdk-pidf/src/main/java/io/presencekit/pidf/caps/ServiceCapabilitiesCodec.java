package io.presencekit.pidf.caps;

import static io.presencekit.pidf.Namespaces.AGP_CAPS;
import static io.presencekit.pidf.Namespaces.CAPS;
import static io.presencekit.pidf.caps.CapsXml.caps;

import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.namespace.QName;

/**
 * {@code caps:servcaps} (RFC 5196, sections 3.2 and 6) with the AG Projects flags. Children are
 * written in the schema's sequence, then the AG Projects flags, then the other-namespace extras in
 * their order; python-sipsimple writes the AG flags in the same place. Immutable and thread-safe.
 */
final class ServiceCapabilitiesCodec implements ExtensionCodec<ServiceCapabilities> {
    /** The schema's sequence for servcaps; anything of another namespace comes last. */
    private static final List<String> ORDER = List.of("actor", "application", "audio", "automata", "class", "control",
            "data", "description", "duplex", "event-packages", "extensions", "isfocus", "message", "methods",
            "languages", "priority", "schemes", "text", "type", "video");
    private static final Map<String, Integer> POSITION = new HashMap<>();
    private static final int OTHER = ORDER.size();

    static {
        for (int i = 0; i < ORDER.size(); i++) {
            POSITION.put(ORDER.get(i), i);
        }
    }

    private static final QName ACTOR = caps("actor");
    private static final QName CLASS = caps("class");
    private static final QName DUPLEX = caps("duplex");
    private static final QName EVENT_PACKAGES = caps("event-packages");
    private static final QName EXTENSIONS = caps("extensions");
    private static final QName METHODS = caps("methods");
    private static final QName LANGUAGES = caps("languages");
    private static final QName PRIORITY = caps("priority");
    private static final QName SCHEMES = caps("schemes");
    private static final QName TYPE = caps("type");

    @Override
    public QName name() {
        return ServiceCapabilities.QNAME;
    }

    @Override
    public Class<ServiceCapabilities> type() {
        return ServiceCapabilities.class;
    }

    @Override
    public ServiceCapabilities read(ElementReader in) {
        ServiceCapabilities.Builder b = ServiceCapabilities.builder();
        in.otherAttributes(false).forEach(b::attribute); // anyAttribute ##any
        // elements seen so far, by schema position (caps) or capability ordinal (agp-caps): no string keys
        long seenCaps = 0;
        long seenAgp = 0;
        int phase = 0;
        boolean orderWarned = false;
        while (in.nextChild()) {
            String ns = in.namespaceUri();
            String ln = in.localName();
            int p = OTHER;
            if (CAPS.equals(ns)) {
                Integer position = POSITION.get(ln);
                if (position == null) {
                    // not in the sequence at all: reported once here, not again as out of order
                    p = phase;
                    in.schemaViolation("unknown element <caps:" + ln + "> in servcaps; kept as is");
                    b.extra(in.readGeneric());
                } else {
                    p = position;
                    long bit = 1L << position;
                    boolean repeatable = "description".equals(ln) || "type".equals(ln);
                    boolean again = !repeatable && (seenCaps & bit) != 0;
                    seenCaps |= bit;
                    if (again) {
                        in.schemaViolation("second <caps:" + ln + "> in servcaps; kept as is");
                        b.extra(in.readGeneric());
                    } else {
                        child(in, ln, b);
                    }
                }
            } else {
                Capability flag = AGP_CAPS.equals(ns) ? Capability.fromElement(ns, ln) : null;
                if (flag == null) {
                    b.extra(in.readExtension());
                } else if ((seenAgp & (1L << flag.ordinal())) != 0) {
                    in.schemaViolation("second <agp-caps:" + ln + "> in servcaps; kept as is");
                    b.extra(in.readGeneric());
                } else {
                    seenAgp |= 1L << flag.ordinal();
                    b.capability(flag, CapsXml.readBoolean(in));
                }
            }
            if (p < phase && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("element <" + ln + "> out of schema order in servcaps");
            }
            phase = Math.max(phase, p);
        }
        return b.build();
    }

    private static void child(ElementReader in, String ln, ServiceCapabilities.Builder b) {
        switch (ln) {
            case "actor":
                b.actor(CapsXml.readSupport(in, CapsXml.nameReader(Vocabulary.ACTOR)));
                break;
            case "class":
                b.communicationClass(CapsXml.readSupport(in, CapsXml.nameReader(Vocabulary.CLASS)));
                break;
            case "duplex":
                b.duplex(CapsXml.readSupport(in, CapsXml.nameReader(Vocabulary.DUPLEX)));
                break;
            case "event-packages":
                b.eventPackages(CapsXml.readSupport(in, CapsXml.nameReader(Vocabulary.EVENT_PACKAGES)));
                break;
            case "extensions":
                b.sipExtensions(CapsXml.readSupport(in, CapsXml.nameReader(Vocabulary.EXTENSIONS)));
                break;
            case "methods":
                b.methods(CapsXml.readSupport(in, CapsXml.nameReader(Vocabulary.METHODS)));
                break;
            case "languages":
                b.languages(CapsXml.readSupport(in, CapsXml.valueReader("l")));
                break;
            case "priority":
                b.priority(CapsXml.readSupport(in, CapsXml.PRIORITY_READER));
                break;
            case "schemes":
                b.schemes(CapsXml.readSupport(in, CapsXml.valueReader("s")));
                break;
            case "description":
                b.description(CapsXml.readDescription(in));
                break;
            case "type":
                CapsXml.noAttributes(in);
                String type = in.text().strip();
                if (type.isEmpty()) {
                    in.schemaViolation("empty <caps:type> ignored");
                } else {
                    b.type(type);
                }
                break;
            default:
                b.capability(Capability.fromElement(CAPS, ln), CapsXml.readBoolean(in));
        }
    }

    @Override
    public void write(ServiceCapabilities value, ElementWriter out) {
        out.startElement(ServiceCapabilities.QNAME).attributes(value.extras().attributes());
        value.actor().ifPresent(s -> CapsXml.writeSupport(out, ACTOR, s, CapsXml.nameWriter(Vocabulary.ACTOR)));
        flag(out, value, Capability.APPLICATION);
        flag(out, value, Capability.AUDIO);
        flag(out, value, Capability.AUTOMATA);
        value.communicationClass().ifPresent(s -> CapsXml.writeSupport(out, CLASS, s, CapsXml.nameWriter(Vocabulary.CLASS)));
        flag(out, value, Capability.CONTROL);
        flag(out, value, Capability.DATA);
        CapsXml.writeDescriptions(out, value.descriptions());
        value.duplex().ifPresent(s -> CapsXml.writeSupport(out, DUPLEX, s, CapsXml.nameWriter(Vocabulary.DUPLEX)));
        value.eventPackages().ifPresent(
                s -> CapsXml.writeSupport(out, EVENT_PACKAGES, s, CapsXml.nameWriter(Vocabulary.EVENT_PACKAGES)));
        value.sipExtensions().ifPresent(
                s -> CapsXml.writeSupport(out, EXTENSIONS, s, CapsXml.nameWriter(Vocabulary.EXTENSIONS)));
        flag(out, value, Capability.ISFOCUS);
        flag(out, value, Capability.MESSAGE);
        value.methods().ifPresent(s -> CapsXml.writeSupport(out, METHODS, s, CapsXml.nameWriter(Vocabulary.METHODS)));
        value.languages().ifPresent(s -> CapsXml.writeSupport(out, LANGUAGES, s, CapsXml.valueWriter("l")));
        value.priority().ifPresent(s -> CapsXml.writeSupport(out, PRIORITY, s, CapsXml.PRIORITY_WRITER));
        value.schemes().ifPresent(s -> CapsXml.writeSupport(out, SCHEMES, s, CapsXml.valueWriter("s")));
        flag(out, value, Capability.TEXT);
        for (String type : value.types()) {
            out.textElement(TYPE, type);
        }
        flag(out, value, Capability.VIDEO);
        flag(out, value, Capability.FILE_TRANSFER);
        flag(out, value, Capability.SCREEN_SHARING_SERVER);
        flag(out, value, Capability.SCREEN_SHARING_CLIENT);
        out.writeAll(value.extras());
        out.endElement();
    }

    private static void flag(ElementWriter out, ServiceCapabilities value, Capability c) {
        Boolean v = value.capabilities().get(c);
        if (v != null) {
            CapsXml.writeBoolean(out, c.qname(), v);
        }
    }

    /**
     * The caps namespace, and the AG Projects caps namespace when an AG flag is set, so that both
     * are declared once on the root as Blink does. Namespaces of the extras are left to the writer,
     * which declares them where needed with the prefix they were read with.
     */
    @Override
    public void collectNamespaces(ServiceCapabilities value, Consumer<String> sink) {
        sink.accept(CAPS);
        for (Capability c : value.capabilities().keySet()) {
            if (c.isAgProjects()) {
                sink.accept(AGP_CAPS);
                return;
            }
        }
    }
}
