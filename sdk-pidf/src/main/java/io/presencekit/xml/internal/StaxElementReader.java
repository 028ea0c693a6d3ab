package io.presencekit.xml.internal;

import com.ctc.wstx.exc.WstxEOFException;
import com.ctc.wstx.exc.WstxLazyException;
import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.DocumentReader;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.XmlNode;
import io.presencekit.xml.XmlText;
import java.io.CharConversionException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;
import javax.xml.stream.Location;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLStreamReader2;
import org.codehaus.stax2.io.Stax2ByteArraySource;

/** The hardened StAX cursor behind {@link io.presencekit.xml.SecureXmlParser}. Not thread-safe. */
public final class StaxElementReader implements DocumentReader {
    private static final String XML_NS = XMLConstants.XML_NS_URI;

    /** Start of the message for a refused entity reference; {@link #translate} keys on it. */
    public static final String ENTITY_REFUSED = "entity reference refused: ";

    private final XMLStreamReader2 r;
    private final ExtensionRegistry registry;
    private final boolean strict;
    private final String muNamespace;
    private final String muLocal;
    private final Map<Long, String> genericAt;
    private final byte[] input;
    private final int offset;
    private final int length;
    private List<ParseWarning> warnings;
    private final CharView view = new CharView();
    /** How many codecs are reading right now: inside one, lost content makes its element generic instead. */
    private int codecDepth;

    private StaxElementReader(XMLStreamReader2 r, byte[] input, int offset, int length, ExtensionRegistry registry,
            boolean strict, QName mustUnderstand, Map<Long, String> genericAt) {
        this.r = r;
        this.input = input;
        this.offset = offset;
        this.length = length;
        this.registry = registry;
        this.strict = strict;
        this.muNamespace = mustUnderstand == null ? null : mustUnderstand.getNamespaceURI();
        this.muLocal = mustUnderstand == null ? null : mustUnderstand.getLocalPart();
        this.genericAt = genericAt;
    }

    /** Opens {@code input} and moves to the root start tag, refusing any DOCTYPE on the way. */
    public static StaxElementReader open(XMLInputFactory factory, byte[] input, int offset, int length,
            ExtensionRegistry registry, boolean strict, QName mustUnderstand, Map<Long, String> genericAt) {
        XMLStreamReader2 r;
        try {
            r = (XMLStreamReader2) ((org.codehaus.stax2.XMLInputFactory2) factory)
                    .createXMLStreamReader(new Stax2ByteArraySource(input, offset, length));
        } catch (XMLStreamException | RuntimeException e) {
            throw translate(e);
        }
        StaxElementReader reader = new StaxElementReader(r, input, offset, length, registry, strict, mustUnderstand,
                genericAt);
        reader.checkProlog();
        reader.toRoot();
        return reader;
    }

    /**
     * Refuses XML 1.1, which admits control characters (as {@code &#1;}) that an XML 1.0 writer
     * cannot write back, and bytes that the JDK decoder for a non-UTF-8 encoding would silently
     * replace with U+FFFD (Woodstox decodes UTF-8 itself, strictly; other encodings go through an
     * {@code InputStreamReader}).
     */
    private void checkProlog() {
        if ("1.1".equals(r.getVersion())) {
            throw new DocumentParseException(Reason.FORBIDDEN_CONSTRUCT, "XML 1.1 documents are not accepted", 1, 1);
        }
        String encoding = r.getEncoding();
        if (encoding != null && !"UTF-8".equalsIgnoreCase(encoding)) {
            int[] at = undecodableAt(encoding);
            if (at != null && at[2] != 0) {
                throw new DocumentParseException(Reason.MALFORMED,
                        "unexpected end of document inside a character", at[0], at[1]);
            }
            if (at != null) {
                throw new DocumentParseException(Reason.ENCODING, "bytes not valid in " + encoding, at[0], at[1]);
            }
        }
    }

    /**
     * Line and column of the first byte sequence that {@code encoding} cannot decode, and 1 if
     * that sequence runs to the end of the input (a truncation) else 0; or null when the whole
     * input decodes (or the encoding is unknown to the JDK). Line ends count as XML 1.0 counts
     * them; a leading byte order mark takes no column.
     */
    private int[] undecodableAt(String encoding) {
        Charset charset;
        try {
            charset = Charset.forName(encoding);
        } catch (IllegalArgumentException e) {
            return null;
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = CharBuffer.allocate(length + 2);
        ByteBuffer bytes = ByteBuffer.wrap(input, offset, length);
        CoderResult result = decoder.decode(bytes, chars, true);
        if (!result.isError()) {
            return null;
        }
        int truncated = bytes.position() + result.length() >= bytes.limit() ? 1 : 0;
        chars.flip();
        int line = 1;
        int column = 1;
        for (int i = 0; i < chars.limit(); i++) {
            char c = chars.get(i);
            if (c == '\n' && i > 0 && chars.get(i - 1) == '\r') {
                continue;
            }
            if (c == '\n' || c == '\r') {
                line++;
                column = 1;
            } else if (i > 0 || c != '\uFEFF') {
                column++;
            }
        }
        return new int[] {line, column, truncated};
    }

    private void toRoot() {
        int ev = skipOutsideRoot("before");
        if (ev == XMLStreamConstants.START_ELEMENT) {
            return;
        }
        throw new DocumentParseException(Reason.MALFORMED, ev == XMLStreamConstants.END_DOCUMENT ? "no root element"
                : "unexpected content before the root element", line(), column());
    }

    /** Checks that nothing but comments, processing instructions and whitespace follows the root. */
    public void finish() {
        if (r.getEventType() != XMLStreamConstants.END_ELEMENT || r.getDepth() != 1) {
            throw new IllegalStateException("root handler returned before the root end tag");
        }
        if (skipOutsideRoot("after") != XMLStreamConstants.END_DOCUMENT) {
            throw new DocumentParseException(Reason.MALFORMED, "content after the root element", line(), column());
        }
    }

    /**
     * Skips what may stand {@code where} ("before" or "after") the root element: comments,
     * processing instructions and whitespace. Refuses a DOCTYPE and other text; returns the first
     * other event, for the caller to judge.
     */
    private int skipOutsideRoot(String where) {
        while (true) {
            int ev = next();
            switch (ev) {
                case XMLStreamConstants.COMMENT:
                case XMLStreamConstants.PROCESSING_INSTRUCTION:
                case XMLStreamConstants.SPACE:
                    break;
                case XMLStreamConstants.CHARACTERS:
                    if (r.isWhiteSpace()) {
                        break;
                    }
                    throw new DocumentParseException(Reason.MALFORMED, "text " + where + " the root element", line(),
                            column());
                case XMLStreamConstants.DTD:
                    throw new DocumentParseException(Reason.FORBIDDEN_CONSTRUCT,
                            "DOCTYPE declarations are not accepted", line(), column());
                default:
                    return ev;
            }
        }
    }

    /** Releases the parser. */
    public void close() {
        try {
            r.closeCompletely();
        } catch (XMLStreamException | RuntimeException ignored) {
            // nothing is held but memory
        }
    }

    private int next() {
        try {
            int ev = r.next();
            if (ev == XMLStreamConstants.ENTITY_REFERENCE) {
                throw new DocumentParseException(Reason.FORBIDDEN_CONSTRUCT,
                        "entity reference '&" + r.getLocalName() + ";' is not accepted", line(), column());
            }
            return ev;
        } catch (XMLStreamException | WstxLazyException e) {
            throw withPosition(translate(e));
        } catch (java.util.NoSuchElementException e) {
            throw new DocumentParseException(Reason.MALFORMED, "unexpected end of document", line(), column(), e);
        }
    }

    /**
     * Woodstox reports limits without a location, and decoding errors with a position in its
     * buffers rather than in the document: place those at the undecodable bytes, or else where
     * the parser stopped.
     */
    private DocumentParseException withPosition(DocumentParseException e) {
        if (e.line() > 0) {
            return e;
        }
        int[] at = null;
        if (hasCause(e, CharConversionException.class) && r.getEncoding() != null) {
            at = undecodableAt(r.getEncoding());
        }
        if (at == null) {
            Location l = r.getLocationInfo().getCurrentLocation();
            if (l == null || l.getLineNumber() <= 0) {
                return e;
            }
            at = new int[] {l.getLineNumber(), l.getColumnNumber()};
        }
        return new DocumentParseException(e.reason(), e.getMessage(), at[0], at[1], e.getCause());
    }

    /** Maps a Woodstox failure to the SDK's parse error. */
    public static DocumentParseException translate(Exception e) {
        Throwable t = e;
        if (t instanceof WstxLazyException lazy && lazy.getCause() != null) {
            t = lazy.getCause();
        }
        int line = -1;
        int column = -1;
        if (t instanceof XMLStreamException x && x.getLocation() != null) {
            line = x.getLocation().getLineNumber();
            column = x.getLocation().getColumnNumber();
        }
        String msg = t.getMessage() == null ? t.getClass().getSimpleName() : firstLine(t.getMessage());
        String lower = msg.toLowerCase(Locale.ROOT);
        Reason reason;
        if (hasCause(t, CharConversionException.class) && lower.contains("unexpected eof")) {
            // a document cut inside a multi-byte character: a truncation, not an encoding problem
            reason = Reason.MALFORMED;
            msg = "unexpected end of document: " + msg;
        } else if (hasCause(t, CharConversionException.class) || lower.contains("invalid utf-8")
                || lower.contains("encoding") || lower.contains("invalid byte") || lower.contains("surrogate")) {
            reason = Reason.ENCODING;
        } else if (lower.contains("limit") && (lower.contains("exceed") || lower.contains("max"))) {
            reason = Reason.LIMIT_EXCEEDED;
        } else if (lower.contains("external resource refused") || msg.startsWith(ENTITY_REFUSED)
                || lower.contains("doctype") || lower.contains("dtd")) {
            reason = Reason.FORBIDDEN_CONSTRUCT;
        } else if (t instanceof WstxEOFException) {
            reason = Reason.MALFORMED;
            msg = "unexpected end of document: " + msg;
        } else {
            reason = Reason.MALFORMED;
        }
        return new DocumentParseException(reason, "not acceptable XML: " + msg, line, column, e);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    private static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return false;
    }

    @Override
    public List<ParseWarning> warnings() {
        return warnings == null ? List.of() : Collections.unmodifiableList(warnings);
    }

    @Override
    public String namespaceUri() {
        String ns = r.getNamespaceURI();
        return ns == null ? "" : ns;
    }

    @Override
    public String localName() {
        return r.getLocalName();
    }

    @Override
    public QName name() {
        return r.getName();
    }

    @Override
    public boolean is(String namespaceUri, String localName) {
        return localName.equals(r.getLocalName()) && namespaceUri.equals(namespaceUri());
    }

    @Override
    public int attributeCount() {
        return r.getAttributeCount();
    }

    @Override
    public String attributeNamespace(int i) {
        String ns = r.getAttributeNamespace(i);
        return ns == null ? "" : ns;
    }

    @Override
    public String attributeLocalName(int i) {
        return r.getAttributeLocalName(i);
    }

    @Override
    public String attributeValue(int i) {
        return r.getAttributeValue(i);
    }

    @Override
    public QName attributeName(int i) {
        return r.getAttributeName(i);
    }

    @Override
    public String attribute(String localName) {
        int n = r.getAttributeCount();
        for (int i = 0; i < n; i++) {
            if (localName.equals(r.getAttributeLocalName(i)) && isEmpty(r.getAttributeNamespace(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    @Override
    public String attribute(String namespaceUri, String localName) {
        if (namespaceUri == null || namespaceUri.isEmpty()) {
            return attribute(localName);
        }
        int n = r.getAttributeCount();
        for (int i = 0; i < n; i++) {
            if (localName.equals(r.getAttributeLocalName(i)) && namespaceUri.equals(r.getAttributeNamespace(i))) {
                return r.getAttributeValue(i);
            }
        }
        return null;
    }

    @Override
    public String lang() {
        return attribute(XML_NS, "lang");
    }

    @Override
    public Map<QName, String> otherAttributes(boolean knowsLang, String... known) {
        int n = r.getAttributeCount();
        Map<QName, String> out = null;
        outer:
        for (int i = 0; i < n; i++) {
            String ns = r.getAttributeNamespace(i);
            String local = r.getAttributeLocalName(i);
            if (isEmpty(ns)) {
                for (String k : known) {
                    if (k.equals(local)) {
                        continue outer;
                    }
                }
            } else if (knowsLang && XML_NS.equals(ns) && "lang".equals(local)) {
                continue;
            }
            if (out == null) {
                out = new LinkedHashMap<>(4);
            }
            out.put(r.getAttributeName(i), r.getAttributeValue(i));
        }
        return out == null ? Map.of() : out;
    }

    @Override
    public boolean nextChild() {
        while (true) {
            int ev = next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT:
                    return true;
                case XMLStreamConstants.END_ELEMENT:
                    return false;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                    if (!r.isWhiteSpace()) {
                        String message = "unexpected text in element-only content: '" + abbreviate(r.getText()) + "'";
                        if (codecDepth > 0 && !strict) {
                            throw invalid(message);
                        }
                        schemaViolation(message);
                    }
                    break;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new DocumentParseException(Reason.MALFORMED, "unexpected end of document", line(), column());
                default:
                    break;
            }
        }
    }

    @Override
    public String text() {
        return textFrom(next(), null);
    }

    /** Collects text from event {@code ev} on, after {@code first} (null for none), to the end tag. */
    private String textFrom(int ev, String first) {
        StringBuilder more = null;
        while (true) {
            switch (ev) {
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (first == null) {
                        first = Tokens.string(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    } else {
                        if (more == null) {
                            more = new StringBuilder(first);
                        }
                        more.append(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
                    }
                    break;
                case XMLStreamConstants.START_ELEMENT:
                    if (codecDepth > 0 && !strict) {
                        throw invalid("unexpected element <" + r.getLocalName() + "> inside text content");
                    }
                    schemaViolation("unexpected element <" + r.getLocalName() + "> inside text content; ignored");
                    skip();
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    return more != null ? more.toString() : first == null ? "" : first;
                case XMLStreamConstants.END_DOCUMENT:
                    throw new DocumentParseException(Reason.MALFORMED, "unexpected end of document", line(), column());
                default:
                    break;
            }
            ev = next();
        }
    }

    @Override
    public OffsetDateTime textAsDateTime(java.util.function.Consumer<String> invalid) {
        int ev = next();
        if (ev == XMLStreamConstants.CHARACTERS || ev == XMLStreamConstants.CDATA || ev == XMLStreamConstants.SPACE) {
            view.set(r.getTextCharacters(), r.getTextStart(), r.getTextLength());
            OffsetDateTime t = DateTimes.parseOrNull(view, 0, view.length());
            String raw = t == null ? view.toString() : null;
            ev = next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                if (t == null) {
                    invalid.accept(raw);
                }
                return t;
            }
            // text split by a comment or worse: gather it all (a valid first part is written back normalized)
            String all = textFrom(ev, raw != null ? raw : DateTimes.format(t));
            OffsetDateTime whole = DateTimes.parseOrNull(all, 0, all.length());
            if (whole == null) {
                invalid.accept(all);
            }
            return whole;
        }
        String all = textFrom(ev, null);
        OffsetDateTime whole = DateTimes.parseOrNull(all, 0, all.length());
        if (whole == null) {
            invalid.accept(all);
        }
        return whole;
    }

    /** A window on the parser's character buffer, valid until the next event. */
    private static final class CharView implements CharSequence {
        private char[] buf;
        private int start;
        private int length;

        void set(char[] buf, int start, int length) {
            this.buf = buf;
            this.start = start;
            this.length = length;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            return buf[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return new String(buf, start + from, to - from);
        }

        @Override
        public String toString() {
            return new String(buf, start, length);
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public ExtensionElement readExtension() {
        ExtensionCodec codec = registry.codec(namespaceUri(), r.getLocalName());
        if (codec == null) {
            return readGeneric();
        }
        long offset = r.getLocationInfo().getStartingCharOffset();
        if (genericAt != null) {
            String why = genericAt.get(offset);
            if (why != null) {
                warn(ParseWarning.Kind.KEPT_UNREAD, "kept <" + r.getPrefixedName() + "> unread: " + why);
                return readGeneric();
            }
        }
        int depth = r.getDepth();
        ExtensionElement value;
        codecDepth++;
        try {
            value = codec.read(this);
        } catch (RetryAsGeneric e) {
            throw e;
        } catch (DocumentParseException e) {
            if (e.reason() != Reason.SCHEMA) {
                throw e;
            }
            throw failed(codec, offset, e.getMessage(), e.line(), e.column(), e);
        } catch (RuntimeException e) {
            // a codec's own exception: name it, so that a codec bug is told apart from bad input
            throw failed(codec, offset, e.getClass().getSimpleName() + ": " + e.getMessage(), line(), column(), e);
        } finally {
            codecDepth--;
        }
        if (value == null) {
            throw new IllegalStateException("codec for " + codec.name() + " returned null");
        }
        // a codec that stopped early: finish its element so the parent stays in step
        while (!(r.getEventType() == XMLStreamConstants.END_ELEMENT && r.getDepth() == depth)) {
            if (r.getDepth() < depth) {
                throw new IllegalStateException("codec for " + codec.name() + " read past its element");
            }
            next();
        }
        return value;
    }

    private RuntimeException failed(ExtensionCodec<?> codec, long offset, String message, int line, int column,
            Exception cause) {
        if (strict) {
            return new DocumentParseException(Reason.SCHEMA, "invalid <" + codec.name().getLocalPart() + ">: "
                    + message, line, column, cause);
        }
        return new RetryAsGeneric(offset, "invalid <" + codec.name().getLocalPart() + ">: " + message);
    }

    @Override
    public GenericElement readGeneric() {
        return readGeneric(true);
    }

    @Override
    public GenericElement readTree() {
        return readGeneric(false);
    }

    private GenericElement readGeneric(boolean checkSelf) {
        QName name = r.getName();
        int n = r.getAttributeCount();
        Map<QName, String> attributes;
        if (n == 0) {
            attributes = Map.of();
        } else {
            attributes = n == 1 ? null : new LinkedHashMap<>(n * 2);
            for (int i = 0; i < n; i++) {
                String value = r.getAttributeValue(i);
                if (checkSelf && muLocal != null && muLocal.equals(r.getAttributeLocalName(i))
                        && muNamespace.equals(r.getAttributeNamespace(i))
                        && ("1".equals(value.strip()) || "true".equals(value.strip()))) {
                    throw new DocumentParseException(Reason.MUST_UNDERSTAND, "element <" + r.getPrefixedName()
                            + "> must be understood, but no reader for it is registered", line(), column());
                }
                if (n == 1) {
                    attributes = Map.of(r.getAttributeName(i), value);
                } else {
                    attributes.put(r.getAttributeName(i), value);
                }
            }
        }
        ArrayList<XmlNode> children = null;
        boolean hasElements = false;
        while (true) {
            int ev = next();
            switch (ev) {
                case XMLStreamConstants.START_ELEMENT:
                    if (children == null) {
                        children = new ArrayList<>(4);
                    }
                    children.add(readGeneric(true));
                    hasElements = true;
                    break;
                case XMLStreamConstants.CHARACTERS:
                case XMLStreamConstants.CDATA:
                case XMLStreamConstants.SPACE:
                    if (children == null) {
                        children = new ArrayList<>(2);
                    }
                    String text = r.getText();
                    int last = children.size() - 1;
                    if (last >= 0 && children.get(last) instanceof XmlText prev) {
                        children.set(last, new XmlText(prev.text() + text));
                    } else {
                        children.add(new XmlText(text));
                    }
                    break;
                case XMLStreamConstants.END_ELEMENT:
                    if (children == null) {
                        return GenericElement.of(name, attributes, List.of());
                    }
                    if (hasElements) {
                        // indentation between child elements is layout, not content
                        children.removeIf(c -> c instanceof XmlText t && t.text().isBlank());
                    }
                    return GenericElement.of(name, attributes, children);
                case XMLStreamConstants.END_DOCUMENT:
                    throw new DocumentParseException(Reason.MALFORMED, "unexpected end of document", line(), column());
                default:
                    break;
            }
        }
    }

    @Override
    public void skip() {
        int depth = 1;
        while (depth > 0) {
            int ev = next();
            if (ev == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (ev == XMLStreamConstants.END_DOCUMENT) {
                throw new DocumentParseException(Reason.MALFORMED, "unexpected end of document", line(), column());
            }
        }
    }

    @Override
    public boolean strict() {
        return strict;
    }

    @Override
    public void schemaViolation(String message) {
        if (strict) {
            throw new DocumentParseException(Reason.SCHEMA, message, line(), column());
        }
        warn(ParseWarning.Kind.SCHEMA, message);
    }

    private void warn(ParseWarning.Kind kind, String message) {
        if (warnings == null) {
            warnings = new ArrayList<>(2);
        }
        Location l = r.getLocation();
        warnings.add(new ParseWarning(kind, message, l == null ? -1 : l.getLineNumber(),
                l == null ? -1 : l.getColumnNumber()));
    }

    @Override
    public DocumentParseException invalid(String message) {
        return new DocumentParseException(Reason.SCHEMA, message, line(), column());
    }

    @Override
    public int line() {
        Location l = r.getLocation();
        return l == null ? -1 : l.getLineNumber();
    }

    @Override
    public int column() {
        Location l = r.getLocation();
        return l == null ? -1 : l.getColumnNumber();
    }

    @Override
    public OffsetDateTime parseDateTime(String value) {
        try {
            return DateTimes.parse(value);
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    @Override
    public boolean parseBoolean(String value) {
        switch (value.strip()) {
            case "true":
            case "1":
                return true;
            case "false":
            case "0":
                return false;
            default:
                throw invalid("not an xs:boolean: '" + value + "'");
        }
    }

    @Override
    public int parseInt(String value) {
        try {
            String v = value.strip();
            return Integer.parseInt(v.startsWith("+") ? v.substring(1) : v);
        } catch (NumberFormatException e) {
            throw invalid("not an integer: '" + value + "'");
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }

    private static String abbreviate(String s) {
        String t = s.strip();
        return t.length() > 40 ? t.substring(0, 40) + "..." : t;
    }

    /** Unwinds a lenient parse so that it can restart with one more element kept generic. */
    public static final class RetryAsGeneric extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final long offset;

        RetryAsGeneric(long offset, String message) {
            super(message, null, false, false);
            this.offset = offset;
        }

        /** Character offset of the element's start tag. */
        public long offset() {
            return offset;
        }
    }
}
