package io.presencekit.xcap.xcapcaps.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.XCAP_CAPS;

import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xcap.xcapcaps.XcapCaps;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Reads and writes xcap-caps documents (RFC 4825, section 12.2): {@code auids},
 * {@code extensions}?, {@code namespaces}, then elements from other namespaces. Each of the three
 * lists is read by a codec, so that one holding something the model cannot represent is kept
 * whole (generic) by a lenient reader.
 */
public final class XcapCapsSupport {
    private static final List<String> ORDER = List.of("auids", "extensions", "namespaces");
    private static final List<ExtensionCodec<?>> CORE = List.of(new ValuesCodec("auids", "auid"),
            new ValuesCodec("extensions", "extension"), new ValuesCodec("namespaces", "namespace"));

    private XcapCapsSupport() {
    }

    public static List<ExtensionCodec<?>> core() {
        return CORE;
    }

    public static XcapCaps read(DocumentReader in) {
        Reading.root(in, XCAP_CAPS, "xcap-caps", "an xcap-caps document");
        XcapCaps.Builder b = XcapCaps.builder();
        if (!Reading.otherAttributes(in, XCAP_CAPS, Wildcard.NONE, "xcap-caps").isEmpty()) {
            // nothing to keep them in: the schema defines none, and servers write this document
            in.schemaViolation("attributes on xcap-caps ignored");
        }
        int last = -1;
        boolean sawAuids = false;
        boolean foreign = false;
        while (in.nextChild()) {
            int at = XCAP_CAPS.equals(in.namespaceUri()) ? ORDER.indexOf(in.localName()) : -1;
            if (at < 0) {
                foreign = true;
                b.extensionElement(Reading.foreign(in, XCAP_CAPS, "xcap-caps"));
                continue;
            }
            if (foreign || at <= last) {
                b.extensionElement(Reading.unexpected(in, "xcap-caps"));
                continue;
            }
            last = at;
            sawAuids |= at == 0;
            ExtensionElement e = in.readExtension();
            if (!(e instanceof ValueList v)) {
                b.extensionElement(e);
            } else if (at == 0) {
                v.values().forEach(b::auid);
            } else if (at == 1) {
                b.hasExtensions(true);
                v.values().forEach(b::extension);
            } else {
                v.values().forEach(b::namespace);
            }
        }
        if (!sawAuids) {
            in.schemaViolation("xcap-caps without auids");
        }
        if (last < 2) {
            in.schemaViolation("xcap-caps without namespaces");
        }
        return b.warnings(in.warnings()).build();
    }

    public static byte[] write(XcapCaps doc, ExtensionRegistry registry) {
        NamespaceSet ns = new NamespaceSet(registry).add(XCAP_CAPS);
        doc.extensionElements().forEach(ns::other);
        DocumentWriter out = new DocumentWriter(registry).declareOnRoot(ns.result());
        out.startElement(XcapCaps.QNAME);
        list(out, "auids", "auid", doc.auids());
        if (doc.hasExtensions()) {
            list(out, "extensions", "extension", doc.extensions());
        }
        list(out, "namespaces", "namespace", doc.namespaces());
        out.writeAll(doc.extensionElements());
        out.endElement();
        return out.toByteArray();
    }

    private static void list(ElementWriter out, String list, String item, List<String> values) {
        out.startElement(new QName(XCAP_CAPS, list));
        QName itemName = new QName(XCAP_CAPS, item);
        for (String v : values) {
            out.textElement(itemName, v);
        }
        out.endElement();
    }

    /** One of the three lists, as read. */
    record ValueList(QName name, List<String> values) implements ExtensionElement {
        @Override
        public QName qname() {
            return name;
        }
    }

    /** {@code auids}, {@code extensions} or {@code namespaces}: text items, nothing else. */
    static final class ValuesCodec implements ExtensionCodec<ValueList> {
        private final QName name;
        private final String item;

        ValuesCodec(String list, String item) {
            this.name = new QName(XCAP_CAPS, list);
            this.item = item;
        }

        @Override
        public QName name() {
            return name;
        }

        @Override
        public Class<ValueList> type() {
            return ValueList.class;
        }

        @Override
        public ValueList read(ElementReader in) {
            Reading.noOtherAttributes(in, false, name.getLocalPart());
            List<String> values = new ArrayList<>();
            while (in.nextChild()) {
                if (!in.is(XCAP_CAPS, item)) {
                    throw in.invalid("unexpected <" + in.localName() + "> in " + name.getLocalPart());
                }
                Reading.noOtherAttributes(in, false, item);
                // auidType and extensionType are strings, namespaceType an anyURI: layout is not content
                values.add(in.text().strip());
            }
            return new ValueList(name, values);
        }

        @Override
        public void write(ValueList value, ElementWriter out) {
            Objects.requireNonNull(value, "value");
            list(out, name.getLocalPart(), item, value.values());
        }
    }
}
