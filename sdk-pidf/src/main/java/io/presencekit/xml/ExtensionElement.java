package io.presencekit.xml;

import javax.xml.namespace.QName;

/**
 * An XML element value that knows its qualified name: a typed extension (RPID activities, CIPID
 * homepage, ...) or a {@link GenericElement} kept for content no reader claims.
 */
public interface ExtensionElement {
    /** The element's qualified name; the prefix is not significant. */
    QName qname();
}
