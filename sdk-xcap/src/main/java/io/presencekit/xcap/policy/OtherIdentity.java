package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * The OMA {@code other-identity} condition ({@code ocp:other-identity}): matches a watcher whom no other rule's identity or external-list condition matches. Blink's rule for unlisted watchers ({@code wp_prs_unlisted}) uses it. An empty element: one instance.
 */
public enum OtherIdentity implements ExtensionElement {
    /** The element. */
    INSTANCE;

    /** {@code ocp:other-identity}. */
    public static final QName QNAME = new QName(XcapNamespaces.OMA_COMMON_POLICY, "other-identity", "ocp");

    @Override
    public QName qname() {
        return QNAME;
    }
}
