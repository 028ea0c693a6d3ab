package io.presencekit.xcap.resourcelists.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.RESOURCE_LISTS;

import io.presencekit.xcap.resourcelists.DisplayName;
import io.presencekit.xcap.resourcelists.Entry;
import io.presencekit.xcap.resourcelists.EntryRef;
import io.presencekit.xcap.resourcelists.External;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.Map;
import java.util.function.Consumer;
import javax.xml.namespace.QName;

/**
 * {@code rl:entry}, {@code rl:entry-ref} and {@code rl:external} (RFC 4826, section 3.2): one
 * attribute, an optional display name first, then elements from other namespaces.
 */
final class MemberCodecs {
    private MemberCodecs() {
    }

    /**
     * Reads the children: a leading display name, then {@code ##other} elements. A display name
     * that is not first, or a second one, is a slip kept as a generic element; one its codec could
     * not read arrives generic and is kept among the extensions.
     */
    static void children(ElementReader in, String where, Consumer<DisplayName> displayName,
            Consumer<ExtensionElement> extension) {
        boolean first = true;
        while (in.nextChild()) {
            if (in.is(RESOURCE_LISTS, "display-name") && first) {
                ExtensionElement e = in.readExtension();
                if (e instanceof DisplayName d) {
                    displayName.accept(d);
                } else {
                    extension.accept(e);
                }
            } else {
                extension.accept(Reading.foreign(in, RESOURCE_LISTS, where));
            }
            first = false;
        }
    }

    static void write(ElementWriter out, QName name, String attribute, String value, DisplayName displayName,
            Extras extras) {
        out.startElement(name).attribute(attribute, value).attributes(extras.attributes());
        if (displayName != null) {
            out.write(displayName);
        }
        out.writeAll(extras);
        out.endElement();
    }

    static final class EntryCodec implements ExtensionCodec<Entry> {
        @Override
        public QName name() {
            return Entry.QNAME;
        }

        @Override
        public Class<Entry> type() {
            return Entry.class;
        }

        @Override
        public Entry read(ElementReader in) {
            String uri = Reading.required(in, "uri", "entry");
            Entry.Builder b = Entry.builder(uri);
            Map<QName, String> others = Reading.otherAttributes(in, RESOURCE_LISTS, Wildcard.OTHER, "entry", "uri");
            others.forEach(b::attribute);
            children(in, "entry '" + uri + "'", b::displayName, b::extension);
            return b.build();
        }

        @Override
        public void write(Entry value, ElementWriter out) {
            MemberCodecs.write(out, Entry.QNAME, "uri", value.uri(), value.displayName().orElse(null), value.extras());
        }
    }

    static final class EntryRefCodec implements ExtensionCodec<EntryRef> {
        @Override
        public QName name() {
            return EntryRef.QNAME;
        }

        @Override
        public Class<EntryRef> type() {
            return EntryRef.class;
        }

        @Override
        public EntryRef read(ElementReader in) {
            String ref = Reading.required(in, "ref", "entry-ref");
            EntryRef.Builder b = EntryRef.builder(ref);
            Reading.otherAttributes(in, RESOURCE_LISTS, Wildcard.OTHER, "entry-ref", "ref").forEach(b::attribute);
            children(in, "entry-ref", b::displayName, b::extension);
            return b.build();
        }

        @Override
        public void write(EntryRef value, ElementWriter out) {
            MemberCodecs.write(out, EntryRef.QNAME, "ref", value.ref(), value.displayName().orElse(null),
                    value.extras());
        }
    }

    static final class ExternalCodec implements ExtensionCodec<External> {
        @Override
        public QName name() {
            return External.QNAME;
        }

        @Override
        public Class<External> type() {
            return External.class;
        }

        @Override
        public External read(ElementReader in) {
            External.Builder b = External.builder().anchor(in.attribute("anchor"));
            Reading.otherAttributes(in, RESOURCE_LISTS, Wildcard.OTHER, "external", "anchor").forEach(b::attribute);
            children(in, "external", b::displayName, b::extension);
            return b.build();
        }

        @Override
        public void write(External value, ElementWriter out) {
            MemberCodecs.write(out, External.QNAME, "anchor", value.anchor().orElse(null),
                    value.displayName().orElse(null), value.extras());
        }
    }
}
