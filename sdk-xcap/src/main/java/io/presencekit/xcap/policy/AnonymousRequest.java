package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * The OMA {@code anonymous-request} condition ({@code ocp:anonymous-request}): matches an anonymous watcher (Blink's {@code wp_prs_block_anonymous}). An empty element: one instance.
 */
public enum AnonymousRequest implements ExtensionElement {
    /** The element. */
    INSTANCE;

    /** {@code ocp:anonymous-request}. */
    public static final QName QNAME = new QName(XcapNamespaces.OMA_COMMON_POLICY, "anonymous-request", "ocp");

    @Override
    public QName qname() {
        return QNAME;
    }
}
