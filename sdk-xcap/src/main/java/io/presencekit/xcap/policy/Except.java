package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * {@code except} inside {@code many} (RFC 4745, section 7.1.2): an identity or a domain the
 * {@code many} condition does not cover. Both attributes are optional in the schema. Immutable.
 *
 * @param id     an excluded identity, or null
 * @param domain an excluded domain, or null
 */
public record Except(String id, String domain) implements ExtensionElement {
    /** {@code cp:except}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "except", "cp");

    /** {@code <except id="..."/>}. */
    public static Except identity(String id) {
        return new Except(id, null);
    }

    /** {@code <except domain="..."/>}. */
    public static Except domainOf(String domain) {
        return new Except(null, domain);
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
