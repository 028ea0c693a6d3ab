package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * {@code many} in an identity condition (RFC 4745, section 7.1.2): every authenticated identity,
 * or every one in {@code domain}, except those named by the {@link Except} children. Immutable.
 *
 * @param domain     the {@code domain} attribute, or null for any domain
 * @param items      the children in order: {@link Except} and elements from other namespaces
 * @param attributes attributes other than {@code domain} that a lenient read kept
 */
public record Many(String domain, List<ExtensionElement> items, Map<QName, String> attributes)
        implements ExtensionElement {
    /** {@code cp:many}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "many", "cp");

    public Many {
        items = Values.list(items, "items");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** Every authenticated identity. */
    public static Many any() {
        return new Many(null, List.of(), Map.of());
    }

    /** Every authenticated identity in {@code domain}, except {@code excepts}. */
    public static Many inDomain(String domain, Except... excepts) {
        return new Many(domain, List.of(excepts), Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The domain, if the condition is limited to one. */
    public Optional<String> domainValue() {
        return Optional.ofNullable(domain);
    }

    /** The exceptions, in order. */
    public List<Except> excepts() {
        return Values.ofType(items, Except.class);
    }
}
