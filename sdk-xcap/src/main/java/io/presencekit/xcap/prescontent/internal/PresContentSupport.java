package io.presencekit.xcap.prescontent.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.OMA_PRES_CONTENT;

import io.presencekit.xcap.prescontent.ContentValue;
import io.presencekit.xcap.prescontent.PresContent;
import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import java.util.List;
import javax.xml.namespace.QName;

/**
 * Reads and writes pres-content documents: {@code mime-type}?, {@code encoding}?,
 * {@code description}*, {@code data}, then elements from other namespaces.
 */
public final class PresContentSupport {
    private static final List<String> ORDER = List.of("mime-type", "encoding", "description", "data");
    private static final List<ExtensionCodec<?>> CORE = List.of(new ValueCodec(ContentValue.MIME_TYPE),
            new ValueCodec(ContentValue.ENCODING), new ValueCodec(ContentValue.DESCRIPTION),
            new ValueCodec(ContentValue.DATA));

    private PresContentSupport() {
    }

    public static List<ExtensionCodec<?>> core() {
        return CORE;
    }

    public static PresContent read(DocumentReader in) {
        Reading.root(in, OMA_PRES_CONTENT, "content", "a pres-content document");
        PresContent.Builder b = PresContent.builder();
        Reading.otherAttributes(in, OMA_PRES_CONTENT, Wildcard.ANY, "content").forEach(b::attribute);
        int last = -1;
        boolean hasData = false;
        boolean foreign = false;
        while (in.nextChild()) {
            int at = OMA_PRES_CONTENT.equals(in.namespaceUri()) ? ORDER.indexOf(in.localName()) : -1;
            if (at < 0) {
                foreign = true;
                b.extension(Reading.foreign(in, OMA_PRES_CONTENT, "content"));
                continue;
            }
            boolean repeatable = at == 2;
            if (foreign || at < last || at == last && !repeatable) {
                b.extension(Reading.unexpected(in, "content"));
                continue;
            }
            last = at;
            ExtensionElement e = in.readExtension();
            if (e instanceof ContentValue v) {
                b.element(v);
                hasData |= at == 3;
            } else {
                b.extension(e);
            }
        }
        if (!hasData) {
            in.schemaViolation("pres-content without data");
        }
        return b.warnings(in.warnings()).build();
    }

    public static byte[] write(PresContent doc, ExtensionRegistry registry) {
        NamespaceSet ns = new NamespaceSet(registry).add(OMA_PRES_CONTENT).attributes(doc.extras().attributes());
        doc.mimeTypeElement().ifPresent(v -> ns.attributes(v.attributes()));
        doc.encodingElement().ifPresent(v -> ns.attributes(v.attributes()));
        doc.descriptions().forEach(v -> ns.attributes(v.attributes()));
        doc.dataElement().ifPresent(v -> ns.attributes(v.attributes()));
        doc.extras().children().forEach(ns::other);
        DocumentWriter out = new DocumentWriter(registry).declareOnRoot(ns.result());
        out.startElement(PresContent.QNAME).attributes(doc.extras().attributes());
        doc.mimeTypeElement().ifPresent(out::write);
        doc.encodingElement().ifPresent(out::write);
        out.writeAll(doc.descriptions());
        doc.dataElement().ifPresent(out::write);
        out.writeAll(doc.extras());
        out.endElement();
        return out.toByteArray();
    }

    /** A text element with attributes of any namespace. */
    static final class ValueCodec implements ExtensionCodec<ContentValue> {
        private final QName name;

        ValueCodec(QName name) {
            this.name = name;
        }

        @Override
        public QName name() {
            return name;
        }

        @Override
        public Class<ContentValue> type() {
            return ContentValue.class;
        }

        @Override
        public ContentValue read(ElementReader in) {
            var attributes = in.otherAttributes(false);
            return new ContentValue(name, in.text(), attributes);
        }

        @Override
        public void write(ContentValue value, ElementWriter out) {
            out.startElement(value.name()).attributes(value.attributes());
            if (!value.text().isEmpty()) {
                out.text(value.text());
            }
            out.endElement();
        }
    }
}
