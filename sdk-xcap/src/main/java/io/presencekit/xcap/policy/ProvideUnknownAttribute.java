package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * The pres-rules {@code provide-unknown-attribute} transformation (RFC 5025, section 3.3.4.14):
 * whether a watcher sees a presence element the rules language does not name, identified by
 * namespace and local name. Immutable.
 *
 * @param namespace the element's namespace ({@code ns} attribute)
 * @param name      the element's local name ({@code name} attribute)
 * @param allowed   the permission
 */
public record ProvideUnknownAttribute(String namespace, String name, boolean allowed) implements ExtensionElement {
    /** {@code pr:provide-unknown-attribute}. */
    public static final QName QNAME = new QName(XcapNamespaces.PRES_RULES, "provide-unknown-attribute", "pr");

    public ProvideUnknownAttribute {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(name, "name");
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
