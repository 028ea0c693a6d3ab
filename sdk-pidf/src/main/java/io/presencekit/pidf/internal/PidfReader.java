package io.presencekit.pidf.internal;

import static io.presencekit.pidf.Namespaces.DATA_MODEL;
import static io.presencekit.pidf.Namespaces.PIDF;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Contact;
import io.presencekit.pidf.Device;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PresenceComponent;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.Values;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * Reads {@code presence} (RFC 3863) and the data-model elements (RFC 4479) by hand on the StAX
 * cursor; every other element goes through the extension registry. Schema slips go through
 * {@link ElementReader#schemaViolation}: warnings in standard mode, errors in strict mode.
 */
public final class PidfReader {
    private static final Double ZERO = 0.0;
    private static final Double ONE = 1.0;

    private final DocumentReader in;
    private java.util.ArrayList<String> ids;

    private PidfReader(DocumentReader in) {
        this.in = in;
    }

    /** Reads the document whose root start tag {@code in} is on. */
    public static PresenceDocument read(DocumentReader in) {
        return new PidfReader(in).presence();
    }

    private PresenceDocument presence() {
        in.requireRoot(PIDF, "presence", "PIDF");
        String entity = in.attribute("entity");
        if (entity == null || entity.isBlank()) {
            in.schemaViolation("presence without an entity attribute");
        }
        PresenceDocument.Builder b = PresenceDocument.builder(entity == null ? null : entity.strip());
        Map<QName, String> other = others(false, "entity");
        other.forEach(b::attribute);
        int phase = 0; // 0 tuples, 1 notes, 2 extensions
        boolean orderWarned = false;
        while (in.nextChild()) {
            String ns = in.namespaceUri();
            String ln = in.localName();
            int p;
            if (PIDF.equals(ns)) {
                if ("tuple".equals(ln)) {
                    p = 0;
                    b.tuple(tuple());
                } else if ("note".equals(ln)) {
                    p = 1;
                    b.note(note());
                } else {
                    p = 2;
                    in.schemaViolation("unknown PIDF element <" + ln + "> in presence; kept as is");
                    b.extension(in.readGeneric());
                }
            } else {
                p = 2;
                if (DATA_MODEL.equals(ns) && "person".equals(ln)) {
                    b.person(person());
                } else if (DATA_MODEL.equals(ns) && "device".equals(ln)) {
                    b.device(device());
                } else {
                    b.extension(in.readExtension());
                }
            }
            if (p < phase && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("element <" + ln + "> out of schema order in presence");
            }
            phase = Math.max(phase, p);
        }
        return b.warnings(in.warnings()).build();
    }

    /** Attributes other than {@code known} (and xml:lang when {@code lang}), without work in the common case of none. */
    private Map<QName, String> others(boolean lang, String known) {
        int n = in.attributeCount();
        if (n == 0) {
            return Map.of();
        }
        if (n == 1 && ((known != null && in.attribute(known) != null) || (lang && in.lang() != null))) {
            return Map.of();
        }
        return known == null ? in.otherAttributes(lang) : in.otherAttributes(lang, known);
    }

    private java.util.Set<String> idSet;

    private java.util.Set<String> idSet() {
        if (idSet == null) {
            idSet = new java.util.HashSet<>(ids);
        }
        return idSet;
    }

    private void checkId(String id, String element) {
        if (id == null) {
            in.schemaViolation(element + " without an id attribute");
            return;
        }
        if (!Values.isNcName(id)) {
            in.schemaViolation(element + " id '" + id + "' is not an XML ID");
        }
        // a handful of ids per document: a list beats hashing long ids; a big document gets a set
        if (ids == null) {
            ids = new java.util.ArrayList<>(4);
        } else if (ids.size() < 16 ? ids.contains(id) : !idSet().add(id)) {
            in.schemaViolation("duplicate id '" + id + "'");
            return;
        } else if (idSet != null) {
            return;
        }
        ids.add(id);
    }

    private Tuple tuple() {
        String id = in.attribute("id");
        checkId(id, "tuple");
        Tuple.Builder b = Tuple.builder(id);
        others(false, "id").forEach(b::attribute);
        boolean hasStatus = false;
        boolean hasContact = false;
        boolean hasTimestamp = false;
        int phase = 0; // 0 status, 1 extensions, 2 contact, 3 note, 4 timestamp
        boolean orderWarned = false;
        while (in.nextChild()) {
            String ns = in.namespaceUri();
            String ln = in.localName();
            int p;
            if (PIDF.equals(ns)) {
                switch (ln) {
                    case "status":
                        p = 0;
                        if (hasStatus) {
                            b.extension(repeated("status", "tuple '" + id + "'"));
                        } else {
                            hasStatus = true;
                            b.status(status());
                        }
                        break;
                    case "contact":
                        p = 2;
                        if (hasContact) {
                            b.extension(repeated("contact", "tuple '" + id + "'"));
                        } else {
                            hasContact = true;
                            contact(b);
                        }
                        break;
                    case "note":
                        p = 3;
                        b.note(note());
                        break;
                    case "timestamp":
                        p = 4;
                        if (hasTimestamp) {
                            b.extension(repeated("timestamp", "tuple '" + id + "'"));
                        } else {
                            hasTimestamp = true;
                            timestamp(b);
                        }
                        break;
                    default:
                        p = 1;
                        in.schemaViolation("unknown PIDF element <" + ln + "> in tuple; kept as is");
                        b.extension(in.readGeneric());
                }
            } else {
                p = 1;
                b.extension(in.readExtension());
            }
            if (p < phase && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("element <" + ln + "> out of schema order in tuple '" + id + "'");
            }
            phase = Math.max(phase, p);
        }
        if (!hasStatus) {
            in.schemaViolation("tuple '" + id + "' has no status");
        }
        return b.build();
    }

    /**
     * Reports a second {@code what} in {@code where}, where the schema allows one, and reads it
     * whole, to be kept as is: a lenient read loses nothing.
     */
    private GenericElement repeated(String what, String where) {
        in.schemaViolation("second " + what + " in " + where + "; kept as is");
        return in.readGeneric();
    }

    private Status status() {
        Status.Builder b = Status.builder();
        others(false, null).forEach(b::attribute);
        boolean hasBasic = false;
        boolean any = false;
        while (in.nextChild()) {
            any = true;
            if (in.is(PIDF, "basic")) {
                if (hasBasic) {
                    b.extension(repeated("basic", "status"));
                    continue;
                }
                hasBasic = true;
                int line = in.line();
                String text = in.text();
                Basic basic = Basic.fromToken(text);
                if (basic == null) {
                    in.schemaViolation("basic status '" + text + "' (line " + line + ") is neither open nor closed;"
                            + " kept as is");
                    b.extension(GenericElement.ofText(new QName(PIDF, "basic"), text));
                } else {
                    b.basic(basic);
                }
            } else if (PIDF.equals(in.namespaceUri())) {
                in.schemaViolation("unknown PIDF element <" + in.localName() + "> in status; kept as is");
                b.extension(in.readGeneric());
            } else {
                b.extension(in.readExtension());
            }
        }
        if (!any) {
            in.schemaViolation("empty status");
        }
        return b.build();
    }

    private void contact(Tuple.Builder b) {
        String priority = in.attribute("priority");
        Map<QName, String> other = others(false, "priority");
        Double value = null;
        if (priority != null) {
            value = parsePriority(priority);
            if (value == null) {
                in.schemaViolation("contact priority '" + priority + "' is not a number between 0 and 1; kept as is");
                other = new java.util.LinkedHashMap<>(other);
                other.put(new QName("priority"), priority);
            }
        }
        String uri = in.text().strip();
        if (uri.isEmpty()) {
            in.schemaViolation("empty contact");
        }
        b.contact(new Contact(uri, value, other));
    }

    private static Double parsePriority(String s) {
        // the usual forms, "0", "1", "0.8", "0.725", without Double.parseDouble
        int n = s.length();
        if (n >= 1 && n <= 6 && (s.charAt(0) == '0' || s.charAt(0) == '1')) {
            int whole = s.charAt(0) - '0';
            if (n == 1) {
                return whole == 0 ? ZERO : ONE;
            }
            if (s.charAt(1) == '.' && n > 2) {
                int frac = 0;
                int scale = 1;
                for (int i = 2; i < n; i++) {
                    char c = s.charAt(i);
                    if (c < '0' || c > '9') {
                        frac = -1;
                        break;
                    }
                    frac = frac * 10 + (c - '0');
                    scale *= 10;
                }
                if (frac == 0) {
                    return whole == 0 ? ZERO : ONE;
                }
                if (frac > 0 && whole == 0) {
                    return (double) frac / scale;
                }
            }
        }
        String t = s.strip();
        if (t.isEmpty() || !(Character.isDigit(t.charAt(0)) || t.charAt(0) == '.')) {
            return null;
        }
        try {
            double d = Double.parseDouble(t);
            return d >= 0.0 && d <= 1.0 ? d : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private void timestamp(PresenceComponent.Builder<?> b) {
        String ns = in.namespaceUri();
        OffsetDateTime t = in.textAsDateTime(raw -> {
            in.schemaViolation("bad timestamp '" + raw + "'; kept as is");
            b.extension(GenericElement.ofText(new QName(ns, "timestamp"), raw));
        });
        if (t != null) {
            b.timestamp(t);
        }
    }

    private Note note() {
        return in.textWithLang(Note::new);
    }

    private Person person() {
        String id = in.attribute("id");
        checkId(id, "person");
        Person.Builder b = Person.builder(id);
        others(false, "id").forEach(b::attribute);
        component(b, "person '" + id + "'", false, null);
        return b.build();
    }

    private Device device() {
        String id = in.attribute("id");
        checkId(id, "device");
        Device.Builder b = Device.builder(id);
        others(false, "id").forEach(b::attribute);
        String[] deviceId = new String[1];
        component(b, "device '" + id + "'", true, deviceId);
        if (deviceId[0] == null) {
            in.schemaViolation("device '" + id + "' has no deviceID");
        }
        b.deviceId(deviceId[0]);
        return b.build();
    }

    /** Person and device content: extensions, (device: deviceID), dm:note*, dm:timestamp?. */
    private void component(PresenceComponent.Builder<?> b, String what, boolean device, String[] deviceId) {
        int phase = 0; // 0 extensions, 1 deviceID, 2 note, 3 timestamp
        boolean orderWarned = false;
        boolean hasTimestamp = false;
        while (in.nextChild()) {
            String ns = in.namespaceUri();
            String ln = in.localName();
            int p;
            if (DATA_MODEL.equals(ns) && "note".equals(ln)) {
                p = 2;
                b.note(note());
            } else if (DATA_MODEL.equals(ns) && "timestamp".equals(ln)) {
                p = 3;
                if (hasTimestamp) {
                    b.extension(repeated("timestamp", what));
                } else {
                    hasTimestamp = true;
                    timestamp(b);
                }
            } else if (device && DATA_MODEL.equals(ns) && "deviceID".equals(ln) && deviceId[0] == null) {
                p = 1;
                deviceId[0] = in.text().strip();
            } else {
                p = 0;
                b.extension(in.readExtension());
            }
            if (p < phase && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("element <" + ln + "> out of schema order in " + what);
            }
            phase = Math.max(phase, p);
        }
    }
}
