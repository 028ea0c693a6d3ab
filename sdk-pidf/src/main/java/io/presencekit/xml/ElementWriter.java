package io.presencekit.xml;

import java.time.OffsetDateTime;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * Writes elements for {@link ExtensionCodec#write}. Namespace prefixes are chosen by the writer:
 * the registry's preferred prefix, else the name's own prefix, else a generated one, declared
 * where first needed. Text and attribute values are escaped; characters XML cannot carry are
 * refused with an {@link IllegalArgumentException}.
 *
 * <p>Not thread-safe: one writer serves one document.
 */
public interface ElementWriter {
    /** {@code xml:lang}, the attribute giving the language of an element's text. */
    QName XML_LANG = new QName(XMLConstants.XML_NS_URI, "lang", "xml");

    /** Opens element {@code name}; attributes may follow until content or {@link #endElement()}. */
    ElementWriter startElement(QName name);

    /** Adds an un-namespaced attribute to the open start tag; a null value writes nothing. */
    ElementWriter attribute(String localName, String value);

    /** Adds an attribute to the open start tag; a null value writes nothing. */
    ElementWriter attribute(QName name, String value);

    /** Adds every attribute of {@code attributes}. */
    ElementWriter attributes(Map<QName, String> attributes);

    /** Writes escaped character content. */
    ElementWriter text(String text);

    /** Closes the innermost open element. */
    ElementWriter endElement();

    /** Writes {@code <name>text</name>}. */
    ElementWriter textElement(QName name, String text);

    /**
     * Writes a text element that may carry a language, as notes, display names and descriptions
     * do: {@code <name xml:lang="lang" ...attributes>text</name>}. A null {@code lang} writes no
     * {@code xml:lang}; empty text writes an empty element.
     */
    default ElementWriter textElement(QName name, String text, String lang, Map<QName, String> attributes) {
        startElement(name);
        if (lang != null) {
            attribute(XML_LANG, lang);
        }
        attributes(attributes);
        if (!text.isEmpty()) {
            text(text);
        }
        return endElement();
    }

    /** Writes {@code value} through its registered codec, or as a {@link GenericElement}. */
    ElementWriter write(ExtensionElement value);

    /** Writes every element of {@code values}. */
    ElementWriter writeAll(Iterable<? extends ExtensionElement> values);

    /** Writes {@link Extras#children()} (attributes must be written with {@link #attributes}). */
    default ElementWriter writeAll(Extras extras) {
        return writeAll(extras.children());
    }

    /** Formats an {@code xs:dateTime} the way this writer writes timestamps. */
    String formatDateTime(OffsetDateTime value);
}
