package io.presencekit.xml;

import java.util.List;

/**
 * The {@link ElementReader} handed to a document's root handler, positioned on the root start tag.
 */
public interface DocumentReader extends ElementReader {
    /** Schema slips recorded so far, in document order. */
    List<ParseWarning> warnings();
}
