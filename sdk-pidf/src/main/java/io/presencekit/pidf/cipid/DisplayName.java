package io.presencekit.pidf.cipid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * {@code c:display-name}: the name the presentity wants shown, optionally tagged with its language
 * (RFC 4482, section 2.2). Immutable.
 *
 * @param value      the name, as written (an {@code xs:string}: whitespace is kept)
 * @param lang       the {@code xml:lang} value, or null
 * @param attributes other attributes, kept for the round trip
 */
public record DisplayName(String value, String lang, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code c:display-name}. */
    public static final QName QNAME = new QName(Namespaces.CIPID, "display-name", "c");

    public DisplayName {
        Objects.requireNonNull(value, "value");
        if (lang != null && lang.isBlank()) {
            throw new IllegalArgumentException("lang must not be blank; use null for none");
        }
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A display name without language. */
    public static DisplayName of(String value) {
        return new DisplayName(value, null, Map.of());
    }

    /** A display name in language {@code lang} (for example {@code en}). */
    public static DisplayName of(String value, String lang) {
        return new DisplayName(value, lang, Map.of());
    }

    /** The language, if any. */
    public Optional<String> language() {
        return Optional.ofNullable(lang);
    }

    @Override
    public QName qname() {
        return QNAME;
    }
}
