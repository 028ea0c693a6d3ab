package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * The {@code display-name} of a list, entry, entry-ref or external (RFC 4826, section 3.2): a
 * human-readable name with an optional {@code xml:lang}. Immutable.
 *
 * @param text the name
 * @param lang the {@code xml:lang} value, or null
 */
public record DisplayName(String text, String lang) implements ExtensionElement {
    /** {@code rl:display-name}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "display-name", "rl");

    public DisplayName {
        Objects.requireNonNull(text, "text");
    }

    /** A display name without a language. */
    public static DisplayName of(String text) {
        return new DisplayName(text, null);
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
