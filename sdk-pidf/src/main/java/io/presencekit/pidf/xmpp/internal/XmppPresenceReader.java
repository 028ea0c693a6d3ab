package io.presencekit.pidf.xmpp.internal;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.pidf.xmpp.Jid;
import io.presencekit.pidf.xmpp.StanzaNamespace;
import io.presencekit.pidf.xmpp.XmppPresence;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.XmlNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Reads a {@code <presence/>} stanza (RFC 6121, section 4.7) on the StAX cursor. Unknown children
 * are kept; children in the stanza's own namespace (an {@code <error/>}, for example) are kept
 * under {@code jabber:client} names, so that the model does not depend on the stream the stanza
 * came from. A bad {@code show} or {@code priority} is a schema slip: kept as a generic child with
 * a warning in lenient mode. An unknown {@code type} or an address that is no JID makes the stanza
 * unusable in every mode (RFC 6120, section 8.3.3.1 {@code bad-request}, 8.3.3.8
 * {@code jid-malformed}).
 */
public final class XmppPresenceReader {
    private static final String[] KNOWN_ATTRIBUTES = {"from", "to", "id", "type"};
    private static final String CLIENT = StanzaNamespace.CLIENT.uri();

    private XmppPresenceReader() {
    }

    /** Reads the stanza whose start tag {@code in} is on, through its end tag. */
    public static XmppPresence read(DocumentReader in) {
        StanzaNamespace ns = StanzaNamespace.fromUri(in.namespaceUri());
        if (ns == null || !"presence".equals(in.localName())) {
            throw new DocumentParseException(Reason.WRONG_DOCUMENT, "not an XMPP presence stanza: root element is {"
                    + in.namespaceUri() + "}" + in.localName()
                    + ", expected presence in jabber:client, jabber:server or jabber:component:accept",
                    in.line(), in.column());
        }
        String stanzaNs = ns.uri();
        XmppPresence.Builder b = XmppPresence.builder();
        b.from(jid(in, "from"));
        b.to(jid(in, "to"));
        b.id(in.attribute("id"));
        String type = in.attribute("type");
        if (type != null) {
            XmppPresence.Type t = XmppPresence.Type.fromToken(type);
            if (t == null) {
                throw new DocumentParseException(Reason.SCHEMA, "unknown presence type '" + type + "'", in.line(),
                        in.column());
            }
            b.type(t);
        }
        b.lang(in.lang());
        in.otherAttributes(true, KNOWN_ATTRIBUTES).forEach(b::attribute);
        boolean showSeen = false;
        boolean prioritySeen = false;
        Set<String> langs = new HashSet<>();
        while (in.nextChild()) {
            if (in.is(stanzaNs, "show")) {
                GenericElement e = in.readTree();
                XmppPresence.Show show = simple(e) ? XmppPresence.Show.fromToken(e.text()) : null;
                if (show == null || show == XmppPresence.Show.NONE || showSeen) {
                    in.schemaViolation(showSeen ? "a second show element; kept as an unknown child"
                            : "show value '" + e.text() + "' is not chat, away, xa or dnd; kept as an unknown child");
                    b.extra(client(e, stanzaNs));
                } else {
                    showSeen = true;
                    b.show(show);
                }
            } else if (in.is(stanzaNs, "priority")) {
                GenericElement e = in.readTree();
                Integer p = simple(e) ? priority(e.text()) : null;
                if (p == null || prioritySeen) {
                    in.schemaViolation(prioritySeen ? "a second priority element; kept as an unknown child"
                            : "priority '" + e.text() + "' is not an integer from -128 to 127; kept as an unknown child");
                    b.extra(client(e, stanzaNs));
                } else {
                    prioritySeen = true;
                    b.priority(p);
                }
            } else if (in.is(stanzaNs, "status")) {
                XmppPresence.StatusText s = in.textWithLang(XmppPresence.StatusText::new);
                if (!langs.add(s.lang() == null ? "" : s.lang())) {
                    in.schemaViolation("a second status with xml:lang " + s.lang() + "; the last one is kept");
                }
                b.status(s);
            } else {
                ExtensionElement e = in.readExtension();
                b.extra(e instanceof GenericElement g ? client(g, stanzaNs) : e);
            }
        }
        return b.warnings(in.warnings()).build();
    }


    private static boolean simple(GenericElement e) {
        return e.elements().isEmpty();
    }

    private static Integer priority(String text) {
        String t = text.strip();
        if (t.isEmpty() || t.length() > 5) {
            return null;
        }
        try {
            int v = Integer.parseInt(t);
            return v >= XmppPresence.MIN_PRIORITY && v <= XmppPresence.MAX_PRIORITY ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Jid jid(ElementReader in, String attribute) {
        String value = in.attribute(attribute);
        if (value == null) {
            return null;
        }
        try {
            return Jid.parse(value);
        } catch (IllegalArgumentException e) {
            throw new DocumentParseException(Reason.SCHEMA, "'" + attribute + "' is not a JID: " + e.getMessage(),
                    in.line(), in.column());
        }
    }

    /** {@code e} with the names in the stanza namespace {@code from} moved to {@code to}, recursively. */
    public static GenericElement renamespace(GenericElement e, String from, String to) {
        if (from.equals(to)) {
            return e;
        }
        boolean changed = false;
        QName name = e.qname();
        if (name.getNamespaceURI().equals(from)) {
            name = new QName(to, name.getLocalPart());
            changed = true;
        }
        List<XmlNode> children = new ArrayList<>(e.children().size());
        for (XmlNode n : e.children()) {
            if (n instanceof GenericElement g) {
                GenericElement c = renamespace(g, from, to);
                changed |= c != g;
                children.add(c);
            } else {
                children.add(n);
            }
        }
        return changed ? GenericElement.of(name, e.attributes(), children) : e;
    }

    private static GenericElement client(GenericElement e, String stanzaNs) {
        return renamespace(e, stanzaNs, CLIENT);
    }

}
