package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * The {@code sphere} condition (RFC 4745, section 7.2): matches while the presentity's current
 * sphere (RPID {@code sphere}) is one of the space-separated values. Immutable.
 *
 * @param value the {@code value} attribute as written, for example {@code "home work"}
 */
public record Sphere(String value) implements ExtensionElement {
    /** {@code cp:sphere}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "sphere", "cp");

    public Sphere {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The spheres, split at whitespace. */
    public List<String> values() {
        String t = value.strip();
        return t.isEmpty() ? List.of() : Arrays.asList(t.split("\\s+"));
    }
}
