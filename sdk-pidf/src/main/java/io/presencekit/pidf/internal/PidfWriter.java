package io.presencekit.pidf.internal;

import static io.presencekit.pidf.Namespaces.DATA_MODEL;
import static io.presencekit.pidf.Namespaces.PIDF;

import io.presencekit.pidf.Contact;
import io.presencekit.pidf.Device;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PresenceComponent;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.NamespaceCollector;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * Writes a {@link PresenceDocument} in schema order (RFC 3863 tuple: status, extensions, contact,
 * notes, timestamp; RFC 4479 person and device: extensions, deviceID, notes, timestamp), with the
 * namespaces it uses declared once on the root.
 */
public final class PidfWriter {
    private static final QName PRESENCE = new QName(PIDF, "presence");
    private static final QName TUPLE = new QName(PIDF, "tuple");
    private static final QName STATUS = new QName(PIDF, "status");
    private static final QName BASIC = new QName(PIDF, "basic");
    private static final QName CONTACT = new QName(PIDF, "contact");
    private static final QName NOTE = new QName(PIDF, "note");
    private static final QName TIMESTAMP = new QName(PIDF, "timestamp");
    private static final QName PERSON = new QName(DATA_MODEL, "person");
    private static final QName DEVICE = new QName(DATA_MODEL, "device");
    private static final QName DEVICE_ID = new QName(DATA_MODEL, "deviceID");
    private static final QName DM_NOTE = new QName(DATA_MODEL, "note");
    private static final QName DM_TIMESTAMP = new QName(DATA_MODEL, "timestamp");

    private final ExtensionRegistry registry;
    private final DocumentWriter out;

    private PidfWriter(ExtensionRegistry registry) {
        this.registry = registry;
        this.out = new DocumentWriter(registry);
    }

    /** Serializes {@code doc} as UTF-8. */
    public static byte[] write(PresenceDocument doc, ExtensionRegistry registry) {
        PidfWriter w = new PidfWriter(registry);
        w.out.declareOnRoot(w.namespaces(doc));
        w.presence(doc);
        return w.out.toByteArray();
    }

    private Map<String, String> namespaces(PresenceDocument doc) {
        NamespaceCollector ns = new NamespaceCollector(registry).add(PIDF);
        for (Tuple t : doc.tuples()) {
            ns.addAll(t.status().extensions()).addAll(t.extensions());
        }
        if (!doc.persons().isEmpty() || !doc.devices().isEmpty()) {
            ns.add(DATA_MODEL);
        }
        for (Person p : doc.persons()) {
            ns.addAll(p.extensions());
        }
        for (Device d : doc.devices()) {
            ns.addAll(d.extensions());
        }
        return ns.addAll(doc.extensions()).result();
    }

    private void presence(PresenceDocument doc) {
        out.startElement(PRESENCE).attribute("entity", doc.entity()).attributes(doc.attributes());
        for (Tuple t : doc.tuples()) {
            tuple(t);
        }
        for (Note n : doc.notes()) {
            note(NOTE, n);
        }
        for (Person p : doc.persons()) {
            out.startElement(PERSON).attribute("id", p.id()).attributes(p.attributes());
            out.writeAll(p.extensions());
            tail(p);
            out.endElement();
        }
        for (Device d : doc.devices()) {
            out.startElement(DEVICE).attribute("id", d.id()).attributes(d.attributes());
            out.writeAll(d.extensions());
            if (d.deviceId() != null) {
                out.textElement(DEVICE_ID, d.deviceId());
            }
            tail(d);
            out.endElement();
        }
        out.writeAll(doc.extensions());
        out.endElement();
    }

    private void tail(PresenceComponent c) {
        for (Note n : c.notes()) {
            note(DM_NOTE, n);
        }
        c.timestamp().ifPresent(t -> out.textElement(DM_TIMESTAMP, out.formatDateTime(t)));
    }

    private void tuple(Tuple t) {
        out.startElement(TUPLE).attribute("id", t.id()).attributes(t.attributes());
        out.startElement(STATUS).attributes(t.status().attributes());
        t.status().basic().ifPresent(b -> out.textElement(BASIC, b.token()));
        out.writeAll(t.status().extensions());
        out.endElement();
        out.writeAll(t.extensions());
        if (t.contact().isPresent()) {
            Contact c = t.contact().get();
            out.startElement(CONTACT);
            if (c.priority() != null) {
                out.attribute("priority", formatPriority(c.priority()));
            }
            out.attributes(c.attributes()).text(c.uri()).endElement();
        }
        for (Note n : t.notes()) {
            note(NOTE, n);
        }
        t.timestamp().ifPresent(ts -> out.textElement(TIMESTAMP, out.formatDateTime(ts)));
        out.endElement();
    }

    private void note(QName name, Note n) {
        out.textElement(name, n.text(), n.lang(), n.attributes());
    }

    static String formatPriority(double p) {
        if (p == 0.0 || p == 1.0) {
            return p == 0.0 ? "0" : "1";
        }
        return java.math.BigDecimal.valueOf(p).stripTrailingZeros().toPlainString();
    }
}
