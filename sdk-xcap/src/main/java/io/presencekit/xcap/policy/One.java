package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code one} in an identity condition (RFC 4745, section 7.1.1): one authenticated identity, a
 * URI. Kamailio compares it as an exact, case-sensitive string with {@code sip:user@host} of the
 * watcher. Immutable.
 *
 * @param id     the identity ({@code id} attribute)
 * @param extras the optional element from another namespace the schema allows, and attributes a
 *               lenient read kept
 */
public record One(String id, Extras extras) implements ExtensionElement {
    /** {@code cp:one}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "one", "cp");

    public One {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(extras, "extras");
    }

    /** {@code <one id="..."/>}. */
    public static One of(String id) {
        return new One(id, Extras.NONE);
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
