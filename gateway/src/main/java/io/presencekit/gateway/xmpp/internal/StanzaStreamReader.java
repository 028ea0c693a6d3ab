package io.presencekit.gateway.xmpp.internal;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.exc.WstxEOFException;
import io.presencekit.gateway.xmpp.RawStanza;
import io.presencekit.xml.SecureXmlParser;
import io.presencekit.xml.XmlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads the server's side of an XMPP stream (RFC 6120, section 4) incrementally from a socket: the
 * stream header, then one top-level element at a time, each serialized into a standalone
 * {@link RawStanza}. Built on sdk-pidf's hardened Woodstox factory, with the whole-document limits
 * lifted (a stream is unbounded over time) and per-stanza limits of its own. Comments, processing
 * instructions, a DOCTYPE and entity references other than the predefined five are restricted XML
 * (RFC 6120, section 11.1); text at stream level other than whitespace is refused.
 *
 * <p>Not thread-safe: one reader thread.
 */
public final class StanzaStreamReader implements AutoCloseable {
    /** The namespace of the stream element and of stream errors. */
    public static final String STREAM_NS = "http://etherx.jabber.org/streams";
    /** The namespace of stream error conditions. */
    public static final String STREAMS_ERROR_NS = "urn:ietf:params:xml:ns:xmpp-streams";
    /** The namespace of component streams. */
    public static final String COMPONENT_NS = "jabber:component:accept";

    private final XMLStreamReader r;
    private final int maxStanzaBytes;
    private final int maxStanzaDepth;

    /** One top-level element, or the end of the stream ({@code null} from {@link #next()}). */
    public record Element(String ns, RawStanza stanza) {
        public boolean is(String namespace, String localName) {
            return namespace.equals(ns) && localName.equals(stanza.name());
        }
    }

    public StanzaStreamReader(InputStream in, int maxStanzaBytes, int maxStanzaDepth) throws StreamViolation {
        this.maxStanzaBytes = maxStanzaBytes;
        this.maxStanzaDepth = maxStanzaDepth;
        XmlLimits limits = XmlLimits.custom()
                .maxDocumentBytes(Integer.MAX_VALUE)
                .maxDepth(Math.min(maxStanzaDepth + 2, XmlLimits.Builder.MAX_DEPTH))
                .maxTextLength(maxStanzaBytes)
                .maxAttributeLength(Math.min(maxStanzaBytes, 64 * 1024))
                .build();
        XMLInputFactory f = SecureXmlParser.newInputFactory(limits);
        f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, Long.MAX_VALUE);
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, Long.MAX_VALUE);
        // whitespace keep-alives between stanzas must not be collected into one text node that waits
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        try {
            this.r = f.createXMLStreamReader(in);
        } catch (XMLStreamException e) {
            throw violation(e);
        }
    }

    /**
     * Reads up to the server's stream header and returns its {@code id}.
     *
     * @throws StreamViolation when the first element is no {@code stream:stream}, or has no id
     */
    public String readHeader() throws StreamViolation, IOException {
        int ev = nextEvent(0);
        while (ev != XMLStreamConstants.START_ELEMENT) {
            if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new IOException("connection closed before the stream header");
            }
            ev = nextEvent(0);
        }
        if (!STREAM_NS.equals(r.getNamespaceURI()) || !"stream".equals(r.getLocalName())) {
            throw new StreamViolation("invalid-namespace", "expected <stream:stream>, got <" + r.getName() + ">",
                    null);
        }
        String ns = r.getNamespaceURI("");
        if (ns != null && !ns.isEmpty() && !COMPONENT_NS.equals(ns)) {
            throw new StreamViolation("invalid-namespace", "stream default namespace is " + ns, null);
        }
        String id = r.getAttributeValue(null, "id");
        if (id == null || id.isEmpty()) {
            throw new StreamViolation("invalid-xml", "the stream header carries no id", null);
        }
        return id;
    }

    /**
     * The next top-level element, or null when the server closed its stream
     * ({@code </stream:stream>}).
     *
     * @throws StreamViolation on input the stream must not carry
     * @throws IOException     when the connection fails or ends without the closing tag
     */
    public Element next() throws StreamViolation, IOException {
        while (true) {
            int ev = nextEvent(1);
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT:
                    return readElement();
                case XMLStreamConstants.END_ELEMENT:
                    return null;
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE:
                    if (!r.isWhiteSpace()) {
                        throw new StreamViolation("bad-format", "text between stanzas", null);
                    }
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new IOException("stream ended without </stream:stream>");
                default:
                    throw new StreamViolation("bad-format", "unexpected XML event " + ev, null);
            }
        }
    }

    private Element readElement() throws StreamViolation, IOException {
        String ns = r.getNamespaceURI();
        String name = r.getLocalName();
        String from = r.getAttributeValue(null, "from");
        String to = r.getAttributeValue(null, "to");
        String id = r.getAttributeValue(null, "id");
        String type = r.getAttributeValue(null, "type");
        StringBuilder out = new StringBuilder(256);
        Deque<Set<String>> declared = new ArrayDeque<>();
        int depth = 0;
        int ev = XMLStreamConstants.START_ELEMENT;
        while (true) {
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    if (depth > maxStanzaDepth) {
                        throw new StreamViolation("policy-violation",
                                "<" + name + "> nests deeper than " + maxStanzaDepth + " elements", null);
                    }
                    writeStart(out, declared);
                }
                case XMLStreamConstants.END_ELEMENT -> {
                    out.append("</");
                    appendQName(out, r.getPrefix(), r.getLocalName());
                    out.append('>');
                    declared.pop();
                    depth--;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.SPACE, XMLStreamConstants.CDATA ->
                    Xml.appendText(out, r.getText());
                case XMLStreamConstants.END_DOCUMENT ->
                    throw new IOException("stream ended inside <" + name + ">");
                default -> throw new StreamViolation("bad-format", "unexpected XML event " + ev, null);
            }
            if (out.length() > maxStanzaBytes) {
                throw new StreamViolation("policy-violation", "<" + name + "> exceeds " + maxStanzaBytes + " bytes",
                        null);
            }
            if (depth == 0) {
                break;
            }
            ev = nextEvent(2);
        }
        String xml = out.toString();
        if (xml.getBytes(StandardCharsets.UTF_8).length > maxStanzaBytes) {
            throw new StreamViolation("policy-violation", "<" + name + "> exceeds " + maxStanzaBytes + " bytes", null);
        }
        return new Element(ns == null ? "" : ns, new RawStanza(name, from, to, id, type, xml));
    }

    private void writeStart(StringBuilder out, Deque<Set<String>> declared) {
        Set<String> scope = new HashSet<>();
        out.append('<');
        appendQName(out, r.getPrefix(), r.getLocalName());
        // declarations written on this element, then any binding in scope that the stanza uses but
        // an ancestor outside it (the stream header) declared
        for (int i = 0; i < r.getNamespaceCount(); i++) {
            String p = nullToEmpty(r.getNamespacePrefix(i));
            declare(out, scope, p, nullToEmpty(r.getNamespaceURI(i)));
        }
        ensureDeclared(out, declared, scope, nullToEmpty(r.getPrefix()), nullToEmpty(r.getNamespaceURI()));
        for (int i = 0; i < r.getAttributeCount(); i++) {
            String p = nullToEmpty(r.getAttributePrefix(i));
            if (!p.isEmpty()) {
                ensureDeclared(out, declared, scope, p, nullToEmpty(r.getAttributeNamespace(i)));
            }
        }
        for (int i = 0; i < r.getAttributeCount(); i++) {
            out.append(' ');
            appendQName(out, r.getAttributePrefix(i), r.getAttributeLocalName(i));
            out.append("=\"");
            Xml.appendAttr(out, r.getAttributeValue(i));
            out.append('"');
        }
        out.append('>');
        declared.push(scope);
    }

    private static void ensureDeclared(StringBuilder out, Deque<Set<String>> declared, Set<String> scope,
            String prefix, String uri) {
        if (XMLConstants.XML_NS_PREFIX.equals(prefix) || scope.contains(prefix)) {
            return;
        }
        for (Set<String> outer : declared) {
            if (outer.contains(prefix)) {
                return;
            }
        }
        declare(out, scope, prefix, uri);
    }

    private static void declare(StringBuilder out, Set<String> scope, String prefix, String uri) {
        if (!scope.add(prefix)) {
            return;
        }
        out.append(prefix.isEmpty() ? " xmlns" : " xmlns:" + prefix).append("=\"");
        Xml.appendAttr(out, uri);
        out.append('"');
    }

    private static void appendQName(StringBuilder out, String prefix, String local) {
        if (prefix != null && !prefix.isEmpty()) {
            out.append(prefix).append(':');
        }
        out.append(local);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** The next event, refusing restricted XML; {@code depth} names the place for messages. */
    private int nextEvent(int depth) throws StreamViolation, IOException {
        int ev;
        try {
            ev = r.next();
        } catch (WstxEOFException e) {
            // the peer closed the connection without closing its stream: a loss, not bad XML
            throw new IOException("connection closed by the server", e);
        } catch (XMLStreamException e) {
            if (e.getNestedException() instanceof IOException io) {
                throw io;
            }
            throw violation(e);
        } catch (RuntimeException e) {
            // Woodstox wraps some failures unchecked (a lazy or I/O exception)
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof XMLStreamException x) {
                throw violation(x);
            }
            throw new StreamViolation("not-well-formed", "not acceptable XML: " + e.getMessage(), e);
        }
        switch (ev) {
            case XMLStreamConstants.DTD -> throw new StreamViolation("restricted-xml", "DOCTYPE in the stream", null);
            case XMLStreamConstants.COMMENT -> throw new StreamViolation("restricted-xml", "comment in the stream",
                    null);
            case XMLStreamConstants.PROCESSING_INSTRUCTION -> throw new StreamViolation("restricted-xml",
                    "processing instruction in the stream", null);
            case XMLStreamConstants.ENTITY_REFERENCE -> throw new StreamViolation("restricted-xml",
                    "entity reference in the stream", null);
            default -> {
                return ev;
            }
        }
    }

    private static StreamViolation violation(XMLStreamException e) {
        String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = msg.indexOf('\n');
        String first = nl < 0 ? msg : msg.substring(0, nl);
        String lower = msg.toLowerCase(Locale.ROOT);
        String condition;
        if (lower.contains("limit") && (lower.contains("exceed") || lower.contains("max"))) {
            condition = "policy-violation";
        } else if (lower.contains("doctype") || lower.contains("dtd") || lower.contains("entity")
                || lower.contains("external resource refused")) {
            condition = "restricted-xml";
        } else if (lower.contains("encoding") || lower.contains("invalid utf-8") || lower.contains("invalid byte")) {
            condition = "bad-format";
        } else {
            condition = "not-well-formed";
        }
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
        return new StreamViolation(condition, "not acceptable XML: " + first + where, e);
    }

    @Override
    public void close() {
        try {
            r.close();
        } catch (XMLStreamException e) {
            // the socket is closed by the owner
        }
    }
}
