package io.presencekit.xml;

import io.presencekit.error.DocumentParseException;
import java.time.OffsetDateTime;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * A pull cursor over one element and its content, handed to {@link ExtensionCodec#read}. It is a
 * thin layer over a hardened StAX reader: names and attribute values come straight from the
 * parser without copies where possible.
 *
 * <p>Cursor contract: a codec is called on its element's start tag and returns on its end tag.
 * {@link #nextChild()} moves to the next child start tag, or to the parent's end tag (returning
 * false). {@link #text()}, {@link #readExtension()}, {@link #readGeneric()} and {@link #skip()} each
 * consume the current element through its end tag.
 *
 * <p>Not thread-safe: one reader serves one parse on one thread.
 */
public interface ElementReader {
    /** Namespace URI of the current element ("" for none). */
    String namespaceUri();

    /** Local name of the current element. */
    String localName();

    /** The current element's qualified name (allocates; prefer {@link #is}). */
    QName name();

    /** Whether the current element is {@code {namespaceUri}localName}. */
    boolean is(String namespaceUri, String localName);

    /** Number of attributes on the current start tag. */
    int attributeCount();

    /** Namespace URI of attribute {@code i} ("" for none). */
    String attributeNamespace(int i);

    /** Local name of attribute {@code i}. */
    String attributeLocalName(int i);

    /** Value of attribute {@code i}. */
    String attributeValue(int i);

    /** Qualified name of attribute {@code i}. */
    QName attributeName(int i);

    /** The value of the un-namespaced attribute {@code localName}, or null. */
    String attribute(String localName);

    /** The value of attribute {@code {namespaceUri}localName}, or null. */
    String attribute(String namespaceUri, String localName);

    /** The {@code xml:lang} attribute of the current element, or null. */
    String lang();

    /**
     * The attributes of the current start tag other than the un-namespaced ones named in
     * {@code known} (and {@code xml:lang} when {@code knowsLang}), in document order.
     */
    Map<QName, String> otherAttributes(boolean knowsLang, String... known);

    /**
     * Advances to the next child element of the current element. Returns true on a child's start
     * tag, false on the current element's end tag. Whitespace is skipped; other text in element-only
     * content is a schema slip (see {@link #schemaViolation}).
     */
    boolean nextChild();

    /**
     * Reads the text content of the current element and moves to its end tag. A child element
     * inside it is a schema slip: in strict mode an error; in lenient mode, inside a codec, the
     * codec's element is kept whole as a {@link GenericElement} (nothing lost); in the PIDF core
     * elements it is skipped with a warning.
     */
    String text();

    /**
     * Reads a text element that may carry a language, as notes, display names and descriptions
     * do: hands its text, its {@code xml:lang} (or null) and its other attributes to
     * {@code factory}, for example {@code in.textWithLang(Note::new)}. The counterpart of
     * {@link ElementWriter#textElement(QName, String, String, Map)}.
     */
    default <T> T textWithLang(LangText<T> factory) {
        String lang = lang();
        int n = attributeCount();
        // no attribute, or xml:lang alone (the usual note): no map to build
        Map<QName, String> others = n == 0 || (n == 1 && lang != null) ? Map.of() : otherAttributes(true);
        return factory.of(text(), lang, others);
    }

    /** Makes a value of a text element that may carry a language; see {@link #textWithLang}. */
    @FunctionalInterface
    interface LangText<T> {
        /** The value of an element with {@code text}, {@code lang} (null for none) and its other attributes. */
        T of(String text, String lang, Map<QName, String> attributes);
    }

    /**
     * Reads the text content of the current element as an {@code xs:dateTime} and moves to its
     * end tag, straight from the parser's buffer (a valid value costs no string). For anything
     * else it hands the raw text to {@code invalid} and returns null.
     */
    OffsetDateTime textAsDateTime(java.util.function.Consumer<String> invalid);

    /** Reads the current element through the registered codec for its name, or as a {@link GenericElement}. */
    ExtensionElement readExtension();

    /**
     * Reads the current element as a {@link GenericElement}: for content nobody understands. An
     * element marked {@code mustUnderstand} (PIDF) makes the document unusable.
     */
    GenericElement readGeneric();

    /**
     * Reads the current element as a tree for a codec that understands it but wants to interpret
     * mixed or irregular content itself: as {@link #readGeneric()}, without the
     * {@code mustUnderstand} check on the element itself (its descendants are still checked).
     */
    GenericElement readTree();

    /** Skips the current element and its content. */
    void skip();

    /** Whether this parse enforces the schema (strict mode). */
    boolean strict();

    /** Reports a schema slip at the current position: a warning, or in strict mode an error. */
    void schemaViolation(String message);

    /**
     * An exception for a value the calling codec cannot represent; throw it. A lenient parse keeps
     * the element as a {@link GenericElement} and records a warning instead.
     */
    DocumentParseException invalid(String message);

    /** 1-based line of the current event. */
    int line();

    /** 1-based column of the current event. */
    int column();

    /** Parses an {@code xs:dateTime} (RFC 3339 profile), or throws {@link #invalid}. */
    OffsetDateTime parseDateTime(String value);

    /** Parses an {@code xs:boolean} ({@code true}, {@code false}, {@code 1}, {@code 0}), or throws {@link #invalid}. */
    boolean parseBoolean(String value);

    /** Parses an {@code xs:integer} that fits an int, or throws {@link #invalid}. */
    int parseInt(String value);
}
