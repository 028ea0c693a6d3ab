package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * AG Projects' {@code agp-cp:false-condition}: a condition no server understands, so the rule it is in never applies (python-sipsimple uses it to park a rule). An empty element: one instance.
 */
public enum FalseCondition implements ExtensionElement {
    /** The element. */
    INSTANCE;

    /** {@code agp-cp:false-condition}. */
    public static final QName QNAME = new QName(XcapNamespaces.AGP_COMMON_POLICY, "false-condition", "agp-cp");

    @Override
    public QName qname() {
        return QNAME;
    }
}
