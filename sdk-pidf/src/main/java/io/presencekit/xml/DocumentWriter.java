package io.presencekit.xml;

import io.presencekit.xml.internal.DateTimes;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * Writes one XML document as UTF-8, deterministically: the same model always gives the same
 * bytes. Prefixes come from the {@link ExtensionRegistry}'s preferred prefixes, else the name's own
 * prefix, else {@code ns1}, {@code ns2}, ...; the root element's namespace is the default
 * namespace. Namespaces passed to {@link #declareOnRoot} are declared once on the root; any other
 * is declared on the element that first needs it.
 *
 * <p>Not thread-safe: one writer per document.
 */
public final class DocumentWriter implements ElementWriter {
    private static final byte[] DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    private final ExtensionRegistry registry;
    private byte[] buf = new byte[2048];
    private int len;

    // namespace scope: parallel stacks of bindings, with the binding count at each open element
    private String[] boundPrefix = new String[16];
    private String[] boundUri = new String[16];
    private int bindings;
    private int[] scopeStart = new int[16];
    private QName[] open = new QName[16];
    private int depth;
    private boolean tagOpen;
    private Map<String, String> rootNamespaces = Map.of();
    private int generated;

    /** A writer that dispatches typed elements to {@code registry}. */
    public DocumentWriter(ExtensionRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
        System.arraycopy(DECLARATION, 0, buf, 0, DECLARATION.length);
        len = DECLARATION.length;
    }

    /**
     * Namespaces to declare on the root start tag (must be called before it), in iteration order,
     * each with the prefix it had in its source (or null) as a hint for names without a preferred one.
     */
    public DocumentWriter declareOnRoot(Map<String, String> namespacesWithPrefixHints) {
        if (depth > 0 || len > DECLARATION.length) {
            throw new IllegalStateException("the root element is already written");
        }
        rootNamespaces = new java.util.LinkedHashMap<>(namespacesWithPrefixHints);
        return this;
    }

    /** The finished document. */
    public byte[] toByteArray() {
        if (depth != 0) {
            throw new IllegalStateException(depth + " element(s) still open");
        }
        return Arrays.copyOf(buf, len);
    }

    @Override
    public ElementWriter startElement(QName name) {
        closeTag();
        if (depth == open.length) {
            open = Arrays.copyOf(open, depth * 2);
            scopeStart = Arrays.copyOf(scopeStart, depth * 2);
        }
        scopeStart[depth] = bindings;
        open[depth++] = name;
        String uri = name.getNamespaceURI();
        if (depth == 1) {
            // root: its namespace becomes the default one, then the requested declarations
            if (!uri.isEmpty()) {
                bind("", uri);
            }
            for (Map.Entry<String, String> ns : rootNamespaces.entrySet()) {
                String u = ns.getKey();
                if (!u.isEmpty() && !u.equals(uri) && prefixFor(u) == null) {
                    bind(choosePrefix(u, ns.getValue()), u);
                }
            }
        }
        String prefix = elementPrefix(name);
        ascii('<');
        if (!prefix.isEmpty()) {
            utf8(prefix);
            ascii(':');
        }
        utf8(name.getLocalPart());
        // write every binding made for this element
        for (int i = scopeStart[depth - 1]; i < bindings; i++) {
            writeDeclaration(boundPrefix[i], boundUri[i]);
        }
        tagOpen = true;
        return this;
    }

    private String elementPrefix(QName name) {
        String uri = name.getNamespaceURI();
        if (uri.isEmpty()) {
            String def = lookupPrefixUri("");
            if (def != null && !def.isEmpty()) {
                bind("", "");
            }
            return "";
        }
        String p = prefixFor(uri);
        if (p != null) {
            return p;
        }
        p = choosePrefix(uri, name.getPrefix());
        bind(p, uri);
        return p;
    }

    private void writeDeclaration(String prefix, String uri) {
        if (prefix.isEmpty()) {
            ascii(" xmlns=\"");
        } else {
            ascii(" xmlns:");
            utf8(prefix);
            ascii("=\"");
        }
        escape(uri, true);
        ascii('"');
    }

    @Override
    public ElementWriter attribute(String localName, String value) {
        if (value == null) {
            return this;
        }
        requireOpenTag();
        ascii(' ');
        utf8(localName);
        ascii("=\"");
        escape(value, true);
        ascii('"');
        return this;
    }

    @Override
    public ElementWriter attribute(QName name, String value) {
        if (value == null) {
            return this;
        }
        String uri = name.getNamespaceURI();
        if (uri.isEmpty()) {
            return attribute(name.getLocalPart(), value);
        }
        requireOpenTag();
        String p;
        if (XMLConstants.XML_NS_URI.equals(uri)) {
            p = "xml";
        } else {
            p = attributePrefixFor(uri);
            if (p == null) {
                p = choosePrefix(uri, name.getPrefix());
                bind(p, uri);
                writeDeclaration(p, uri);
            }
        }
        ascii(' ');
        utf8(p);
        ascii(':');
        utf8(name.getLocalPart());
        ascii("=\"");
        escape(value, true);
        ascii('"');
        return this;
    }

    @Override
    public ElementWriter attributes(Map<QName, String> attributes) {
        for (Map.Entry<QName, String> e : attributes.entrySet()) {
            attribute(e.getKey(), e.getValue());
        }
        return this;
    }

    @Override
    public ElementWriter text(String text) {
        if (depth == 0) {
            throw new IllegalStateException("text outside the root element");
        }
        closeTag();
        escape(text, false);
        return this;
    }

    @Override
    public ElementWriter endElement() {
        if (depth == 0) {
            throw new IllegalStateException("no open element");
        }
        QName name = open[--depth];
        if (tagOpen) {
            ascii("/>");
            tagOpen = false;
        } else {
            String prefix = currentPrefix(name);
            ascii("</");
            if (!prefix.isEmpty()) {
                utf8(prefix);
                ascii(':');
            }
            utf8(name.getLocalPart());
            ascii('>');
        }
        bindings = scopeStart[depth];
        return this;
    }

    private String currentPrefix(QName name) {
        String uri = name.getNamespaceURI();
        if (uri.isEmpty()) {
            return "";
        }
        String p = prefixFor(uri);
        if (p == null) {
            throw new IllegalStateException("namespace of " + name + " lost its binding");
        }
        return p;
    }

    @Override
    public ElementWriter textElement(QName name, String text) {
        startElement(name);
        if (text != null && !text.isEmpty()) {
            text(text);
        }
        return endElement();
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ElementWriter write(ExtensionElement value) {
        Objects.requireNonNull(value, "value");
        if (value instanceof GenericElement g) {
            writeGeneric(g);
            return this;
        }
        ExtensionCodec codec = registry.codec(value.qname());
        if (codec == null || !codec.type().isInstance(value)) {
            throw new IllegalArgumentException("no codec registered for " + value.qname() + " ("
                    + value.getClass().getName() + ")");
        }
        codec.write(value, this);
        return this;
    }

    private void writeGeneric(GenericElement g) {
        startElement(g.qname());
        attributes(g.attributes());
        for (XmlNode n : g.children()) {
            if (n instanceof GenericElement child) {
                writeGeneric(child);
            } else {
                text(((XmlText) n).text());
            }
        }
        endElement();
    }

    @Override
    public ElementWriter writeAll(Iterable<? extends ExtensionElement> values) {
        for (ExtensionElement e : values) {
            write(e);
        }
        return this;
    }

    @Override
    public String formatDateTime(OffsetDateTime value) {
        return DateTimes.format(value);
    }

    // ---- namespace bookkeeping ----

    private void bind(String prefix, String uri) {
        if (bindings == boundPrefix.length) {
            boundPrefix = Arrays.copyOf(boundPrefix, bindings * 2);
            boundUri = Arrays.copyOf(boundUri, bindings * 2);
        }
        boundPrefix[bindings] = prefix;
        boundUri[bindings++] = uri;
    }

    /** The prefix currently bound to {@code uri} (the innermost binding that is not shadowed), or null. */
    private String prefixFor(String uri) {
        for (int i = bindings - 1; i >= 0; i--) {
            if (boundUri[i].equals(uri) && uri.equals(lookupPrefixUri(boundPrefix[i]))) {
                return boundPrefix[i];
            }
        }
        return null;
    }

    /** As {@link #prefixFor} but never the default namespace, which does not apply to attributes. */
    private String attributePrefixFor(String uri) {
        for (int i = bindings - 1; i >= 0; i--) {
            if (!boundPrefix[i].isEmpty() && boundUri[i].equals(uri) && uri.equals(lookupPrefixUri(boundPrefix[i]))) {
                return boundPrefix[i];
            }
        }
        return null;
    }

    private String lookupPrefixUri(String prefix) {
        for (int i = bindings - 1; i >= 0; i--) {
            if (boundPrefix[i].equals(prefix)) {
                return boundUri[i];
            }
        }
        return null;
    }

    private String choosePrefix(String uri, String hint) {
        String preferred = registry.preferredPrefix(uri);
        if (usable(preferred)) {
            return preferred;
        }
        if (usable(hint)) {
            return hint;
        }
        while (true) {
            String p = "ns" + (++generated);
            if (usable(p)) {
                return p;
            }
        }
    }

    private boolean usable(String prefix) {
        return prefix != null && !prefix.isEmpty() && !prefix.regionMatches(true, 0, "xml", 0, 3)
                && lookupPrefixUri(prefix) == null;
    }

    // ---- output ----

    private void requireOpenTag() {
        if (!tagOpen) {
            throw new IllegalStateException("attributes must follow startElement directly");
        }
    }

    private void closeTag() {
        if (tagOpen) {
            ascii('>');
            tagOpen = false;
        }
    }

    private void ensure(int extra) {
        if (len + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + extra));
        }
    }

    private void ascii(char c) {
        ensure(1);
        buf[len++] = (byte) c;
    }

    private void ascii(String s) {
        int n = s.length();
        ensure(n);
        for (int i = 0; i < n; i++) {
            buf[len++] = (byte) s.charAt(i);
        }
    }

    private void utf8(String s) {
        escapeOrCopy(s, false, false);
    }

    private void escape(String s, boolean attribute) {
        escapeOrCopy(s, true, attribute);
    }

    private void escapeOrCopy(String s, boolean escape, boolean attribute) {
        int n = s.length();
        ensure(n * 6 + 16); // worst case: every char an entity such as &quot;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                if (escape) {
                    switch (c) {
                        case '&':
                            put("&amp;");
                            continue;
                        case '<':
                            put("&lt;");
                            continue;
                        case '>':
                            put("&gt;");
                            continue;
                        case '"':
                            if (attribute) {
                                put("&quot;");
                                continue;
                            }
                            break;
                        case '\r':
                            put("&#13;");
                            continue;
                        case '\t':
                            if (attribute) {
                                put("&#9;");
                                continue;
                            }
                            break;
                        case '\n':
                            if (attribute) {
                                put("&#10;");
                                continue;
                            }
                            break;
                        default:
                            if (c < 0x20) {
                                throw new IllegalArgumentException(
                                        "character U+" + Integer.toHexString(c) + " cannot be written in XML");
                            }
                    }
                }
                buf[len++] = (byte) c;
            } else if (c < 0x800) {
                buf[len++] = (byte) (0xC0 | (c >> 6));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, s.charAt(++i));
                buf[len++] = (byte) (0xF0 | (cp >> 18));
                buf[len++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
                buf[len++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (cp & 0x3F));
            } else if (Character.isSurrogate(c) || c == 0xFFFE || c == 0xFFFF) {
                throw new IllegalArgumentException("character U+" + Integer.toHexString(c) + " cannot be written in XML");
            } else {
                buf[len++] = (byte) (0xE0 | (c >> 12));
                buf[len++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                buf[len++] = (byte) (0x80 | (c & 0x3F));
            }
        }
    }

    private void put(String entity) {
        for (int k = 0; k < entity.length(); k++) {
            buf[len++] = (byte) entity.charAt(k);
        }
    }

    /** The namespaces (with the prefixes they had) that elements and attributes of {@code e} use, depth first. */
    public static void collectNamespaces(GenericElement e, java.util.function.BiConsumer<String, String> sink) {
        sink.accept(e.qname().getNamespaceURI(), e.qname().getPrefix());
        for (QName a : e.attributes().keySet()) {
            if (!a.getNamespaceURI().isEmpty() && !XMLConstants.XML_NS_URI.equals(a.getNamespaceURI())) {
                sink.accept(a.getNamespaceURI(), a.getPrefix());
            }
        }
        for (XmlNode n : e.children()) {
            if (n instanceof GenericElement c) {
                collectNamespaces(c, sink);
            }
        }
    }
}
