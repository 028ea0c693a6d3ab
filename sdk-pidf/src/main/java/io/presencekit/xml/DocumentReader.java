package io.presencekit.xml;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import java.util.List;

/**
 * The {@link ElementReader} handed to a document's root handler, positioned on the root start tag.
 */
public interface DocumentReader extends ElementReader {
    /** Schema slips recorded so far, in document order. */
    List<ParseWarning> warnings();

    /**
     * Refuses the document unless its root element is {@code {namespaceUri}localName}: a
     * well-formed document of another type is not a slip a lenient reader could repair.
     *
     * @param what the document's name in the message, as in "not a PIDF document"
     * @throws DocumentParseException with reason {@link Reason#WRONG_DOCUMENT}
     */
    default void requireRoot(String namespaceUri, String localName, String what) {
        if (!is(namespaceUri, localName)) {
            throw new DocumentParseException(Reason.WRONG_DOCUMENT, "not a " + what + " document: root element is {"
                    + namespaceUri() + "}" + localName() + ", expected {" + namespaceUri + "}" + localName, line(),
                    column());
        }
    }
}
