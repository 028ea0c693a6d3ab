package io.presencekit.xml;

import java.time.OffsetDateTime;
import java.util.Map;
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
