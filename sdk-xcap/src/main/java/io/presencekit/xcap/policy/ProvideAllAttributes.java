package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * The pres-rules {@code provide-all-attributes} transformation (RFC 5025, section 3.3.5): every attribute of the permitted components is visible. An empty element: one instance.
 */
public enum ProvideAllAttributes implements ExtensionElement {
    /** The element. */
    INSTANCE;

    /** {@code pr:provide-all-attributes}. */
    public static final QName QNAME = new QName(XcapNamespaces.PRES_RULES, "provide-all-attributes", "pr");

    @Override
    public QName qname() {
        return QNAME;
    }
}
