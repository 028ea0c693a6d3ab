package io.presencekit.xcap.diff.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.XCAP_DIFF;

import io.presencekit.xcap.diff.AttributeChange;
import io.presencekit.xcap.diff.DocumentChange;
import io.presencekit.xcap.diff.ElementChange;
import io.presencekit.xcap.diff.PatchOperation;
import io.presencekit.xcap.diff.XcapDiff;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.XmlNode;
import io.presencekit.xml.XmlText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * Reads and writes xcap-diff documents (RFC 5874, section 4): {@code document}, {@code element}
 * and {@code attribute} changes, then elements from other namespaces; documents carry
 * {@code body-not-changed} or RFC 5261 patch operations.
 */
public final class DiffSupport {
    static final QName BODY_NOT_CHANGED = new QName(XCAP_DIFF, "body-not-changed");
    private static final List<ExtensionCodec<?>> CORE = List.of(new DocumentCodec(), new ElementCodec(),
            new AttributeCodec(), new PatchCodec(PatchOperation.Kind.ADD), new PatchCodec(PatchOperation.Kind.REPLACE),
            new PatchCodec(PatchOperation.Kind.REMOVE));

    private DiffSupport() {
    }

    public static List<ExtensionCodec<?>> core() {
        return CORE;
    }

    /** Prefixes for the XCAP namespaces that element content often carries. */
    public static ExtensionRegistry.Builder defaults() {
        return ExtensionRegistry.builder().prefix(XcapNamespaces.XCAP_DIFF, "d")
                .prefix(XcapNamespaces.RESOURCE_LISTS, "rl").prefix(XcapNamespaces.RLS_SERVICES, "rls")
                .prefix(XcapNamespaces.COMMON_POLICY, "cp").prefix(XcapNamespaces.PRES_RULES, "pr");
    }

    public static XcapDiff read(DocumentReader in) {
        Reading.root(in, XCAP_DIFF, "xcap-diff", "an xcap-diff document");
        XcapDiff.Builder b = XcapDiff.builder();
        String root = in.attribute("xcap-root");
        if (root == null) {
            in.schemaViolation("xcap-diff without the required attribute 'xcap-root'");
        }
        b.xcapRoot(root);
        in.otherAttributes(false, "xcap-root").forEach(b::attribute);
        boolean foreign = false;
        boolean orderWarned = false;
        while (in.nextChild()) {
            if (XCAP_DIFF.equals(in.namespaceUri())) {
                String local = in.localName();
                if (local.equals("document") || local.equals("element") || local.equals("attribute")) {
                    if (foreign && !orderWarned) {
                        orderWarned = true;
                        in.schemaViolation("<" + local + "> after an element from another namespace in xcap-diff");
                    }
                    b.item(in.readExtension());
                } else {
                    b.item(Reading.unexpected(in, "xcap-diff"));
                }
            } else {
                foreign = true;
                b.item(Reading.foreign(in, XCAP_DIFF, "xcap-diff"));
            }
        }
        return b.warnings(in.warnings()).build();
    }

    public static byte[] write(XcapDiff doc, ExtensionRegistry registry) {
        NamespaceSet ns = new NamespaceSet(registry).add(XCAP_DIFF).attributes(doc.attributes());
        for (ExtensionElement e : doc.items()) {
            if (e instanceof DocumentChange d) {
                ns.attributes(d.attributes());
                for (ExtensionElement x : d.items()) {
                    if (x instanceof PatchOperation p) {
                        ns.attributes(p.attributes());
                        content(ns, p.content());
                    } else {
                        ns.other(x);
                    }
                }
            } else if (e instanceof ElementChange c) {
                ns.attributes(c.attributes());
                content(ns, c.content());
            } else if (e instanceof AttributeChange a) {
                ns.attributes(a.attributes());
            } else {
                ns.other(e);
            }
        }
        DocumentWriter out = new DocumentWriter(registry).declareOnRoot(ns.result());
        out.startElement(XcapDiff.QNAME).attribute("xcap-root", doc.xcapRoot()).attributes(doc.attributes());
        out.writeAll(doc.items());
        out.endElement();
        return out.toByteArray();
    }

    private static void content(NamespaceSet ns, List<XmlNode> content) {
        for (XmlNode n : content) {
            if (n instanceof GenericElement g) {
                ns.other(g);
            }
        }
    }

    static void writeContent(ElementWriter out, List<XmlNode> content) {
        for (XmlNode n : content) {
            if (n instanceof GenericElement g) {
                out.write(g);
            } else {
                out.text(((XmlText) n).text());
            }
        }
    }

    static Boolean exists(ElementReader in, String value, String where) {
        return value == null ? null : Reading.bool(in, value, where + " exists");
    }

    /** The attributes of {@code g} other than {@code known}. */
    static Map<QName, String> others(GenericElement g, String... known) {
        Map<QName, String> out = new LinkedHashMap<>(g.attributes());
        for (String k : known) {
            out.remove(new QName(k));
        }
        return out;
    }

    static String attribute(GenericElement g, String name) {
        return g.attribute(new QName(name));
    }

    /** {@code document}: sel, new-etag, previous-etag; body-not-changed or patch operations. */
    static final class DocumentCodec implements ExtensionCodec<DocumentChange> {
        @Override
        public QName name() {
            return DocumentChange.QNAME;
        }

        @Override
        public Class<DocumentChange> type() {
            return DocumentChange.class;
        }

        @Override
        public DocumentChange read(ElementReader in) {
            String sel = Reading.required(in, "sel", "document");
            String newEtag = in.attribute("new-etag");
            String previousEtag = in.attribute("previous-etag");
            Map<QName, String> attributes = in.otherAttributes(false, "sel", "new-etag", "previous-etag");
            boolean bodyNotChanged = false;
            List<ExtensionElement> items = new ArrayList<>();
            while (in.nextChild()) {
                if (bodyNotChanged) {
                    throw in.invalid("<" + in.localName() + "> after body-not-changed in document '" + sel + "'");
                }
                if (in.is(XCAP_DIFF, "body-not-changed")) {
                    if (!items.isEmpty()) {
                        throw in.invalid("body-not-changed after patch operations in document '" + sel + "'");
                    }
                    Reading.noOtherAttributes(in, false, "body-not-changed");
                    if (in.nextChild()) {
                        throw in.invalid("content in body-not-changed");
                    }
                    bodyNotChanged = true;
                } else if (in.is(XCAP_DIFF, "add") || in.is(XCAP_DIFF, "replace") || in.is(XCAP_DIFF, "remove")) {
                    items.add(in.readExtension());
                } else {
                    items.add(Reading.foreign(in, XCAP_DIFF, "document '" + sel + "'"));
                }
            }
            return new DocumentChange(sel, newEtag, previousEtag, bodyNotChanged, items, attributes);
        }

        @Override
        public void write(DocumentChange value, ElementWriter out) {
            out.startElement(DocumentChange.QNAME).attribute("sel", value.sel())
                    .attribute("new-etag", value.newEtag()).attribute("previous-etag", value.previousEtag())
                    .attributes(value.attributes());
            if (value.bodyNotChanged()) {
                out.startElement(BODY_NOT_CHANGED).endElement();
            }
            out.writeAll(value.items());
            out.endElement();
        }
    }

    /** {@code add}, {@code replace}, {@code remove} (RFC 5261), read as a tree for their mixed content. */
    static final class PatchCodec implements ExtensionCodec<PatchOperation> {
        private final PatchOperation.Kind kind;

        PatchCodec(PatchOperation.Kind kind) {
            this.kind = kind;
        }

        @Override
        public QName name() {
            return kind.qname();
        }

        @Override
        public Class<PatchOperation> type() {
            return PatchOperation.class;
        }

        @Override
        public PatchOperation read(ElementReader in) {
            GenericElement g = in.readTree();
            String sel = attribute(g, "sel");
            if (sel == null) {
                throw in.invalid(kind.qname().getLocalPart() + " without the required attribute 'sel'");
            }
            String pos = kind == PatchOperation.Kind.ADD ? attribute(g, "pos") : null;
            String type = kind == PatchOperation.Kind.ADD ? attribute(g, "type") : null;
            String ws = kind == PatchOperation.Kind.REMOVE ? attribute(g, "ws") : null;
            Map<QName, String> attributes = kind == PatchOperation.Kind.ADD ? others(g, "sel", "pos", "type")
                    : kind == PatchOperation.Kind.REMOVE ? others(g, "sel", "ws") : others(g, "sel");
            if (kind == PatchOperation.Kind.REMOVE && !g.elements().isEmpty()) {
                throw in.invalid("content in remove '" + sel + "'");
            }
            return new PatchOperation(kind, sel, pos, type, ws, g.children(), attributes);
        }

        @Override
        public void write(PatchOperation value, ElementWriter out) {
            out.startElement(value.kind().qname()).attribute("sel", value.sel()).attribute("pos", value.pos())
                    .attribute("type", value.type()).attribute("ws", value.ws()).attributes(value.attributes());
            writeContent(out, value.content());
            out.endElement();
        }
    }

    /** {@code element}: sel, exists; its content as a tree. */
    static final class ElementCodec implements ExtensionCodec<ElementChange> {
        @Override
        public QName name() {
            return ElementChange.QNAME;
        }

        @Override
        public Class<ElementChange> type() {
            return ElementChange.class;
        }

        @Override
        public ElementChange read(ElementReader in) {
            GenericElement g = in.readTree();
            String sel = attribute(g, "sel");
            if (sel == null) {
                throw in.invalid("element without the required attribute 'sel'");
            }
            Boolean exists = exists(in, attribute(g, "exists"), "element '" + sel + "'");
            if (g.elements().size() > 1) {
                in.schemaViolation("element '" + sel + "' has more than one element as content");
            }
            return new ElementChange(sel, exists, g.children(), others(g, "sel", "exists"));
        }

        @Override
        public void write(ElementChange value, ElementWriter out) {
            out.startElement(ElementChange.QNAME).attribute("sel", value.sel());
            if (value.exists() != null) {
                out.attribute("exists", value.exists() ? "1" : "0");
            }
            out.attributes(value.attributes());
            writeContent(out, value.content());
            out.endElement();
        }
    }

    /** {@code attribute}: sel, exists; the value as text. */
    static final class AttributeCodec implements ExtensionCodec<AttributeChange> {
        @Override
        public QName name() {
            return AttributeChange.QNAME;
        }

        @Override
        public Class<AttributeChange> type() {
            return AttributeChange.class;
        }

        @Override
        public AttributeChange read(ElementReader in) {
            String sel = Reading.required(in, "sel", "attribute");
            Boolean exists = exists(in, in.attribute("exists"), "attribute '" + sel + "'");
            Map<QName, String> attributes = in.otherAttributes(false, "sel", "exists");
            return new AttributeChange(sel, exists, in.text(), attributes);
        }

        @Override
        public void write(AttributeChange value, ElementWriter out) {
            out.startElement(AttributeChange.QNAME).attribute("sel", value.sel());
            if (value.exists() != null) {
                out.attribute("exists", value.exists() ? "1" : "0");
            }
            out.attributes(value.attributes());
            if (!value.value().isEmpty()) {
                out.text(value.value());
            }
            out.endElement();
        }
    }
}
