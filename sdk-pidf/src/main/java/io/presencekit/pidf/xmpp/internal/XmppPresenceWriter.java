package io.presencekit.pidf.xmpp.internal;

import io.presencekit.pidf.xmpp.StanzaNamespace;
import io.presencekit.pidf.xmpp.XmppPresence;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.GenericElement;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * Writes a {@code <presence/>} stanza (RFC 6121, section 4.7) in a given stanza namespace, which
 * becomes the default namespace: attributes, then {@code show}, {@code status} elements,
 * {@code priority} and the extra children in order. Kept children in the stanza namespace (read
 * under {@code jabber:client} names) are written in the target namespace.
 */
public final class XmppPresenceWriter {
    private XmppPresenceWriter() {
    }

    /** Serializes {@code p} as UTF-8 in namespace {@code ns}. */
    public static byte[] write(XmppPresence p, StanzaNamespace ns, ExtensionRegistry registry) {
        String uri = ns.uri();
        DocumentWriter out = new DocumentWriter(registry);
        out.declareOnRoot(Map.of());
        out.startElement(new QName(uri, "presence"));
        p.from().ifPresent(j -> out.attribute("from", j.toString()));
        p.to().ifPresent(j -> out.attribute("to", j.toString()));
        p.id().ifPresent(id -> out.attribute("id", id));
        out.attribute("type", p.type().token());
        p.lang().ifPresent(l -> out.attribute(ElementWriter.XML_LANG, l));
        out.attributes(p.extras().attributes());
        if (p.show() != XmppPresence.Show.NONE) {
            out.textElement(new QName(uri, "show"), p.show().token());
        }
        for (XmppPresence.StatusText s : p.statuses()) {
            out.textElement(new QName(uri, "status"), s.text(), s.lang(), s.attributes());
        }
        p.priority().ifPresent(v -> out.textElement(new QName(uri, "priority"), Integer.toString(v)));
        for (ExtensionElement e : p.extras().children()) {
            out.write(e instanceof GenericElement g
                    ? XmppPresenceReader.renamespace(g, StanzaNamespace.CLIENT.uri(), uri) : e);
        }
        out.endElement();
        return out.toByteArray();
    }
}
