package io.presencekit.rls;

import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A human-readable name of a list or a resource, with an optional language: the RLMI
 * {@code name} element (RFC 4662, section 5.1). Immutable.
 *
 * @param text       the name
 * @param lang       the {@code xml:lang} value, or null
 * @param attributes other attributes, kept for the round trip
 */
public record Name(String text, String lang, Map<QName, String> attributes) {
    /** {@code {urn:ietf:params:xml:ns:rlmi}name}. */
    public static final QName QNAME = new QName(RlmiList.NAMESPACE, "name");

    public Name {
        Objects.requireNonNull(text, "text");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A name without language. */
    public static Name of(String text) {
        return new Name(text, null, Map.of());
    }

    /** A name in language {@code lang}. */
    public static Name of(String text, String lang) {
        return new Name(text, lang, Map.of());
    }

    /** The language, if any. */
    public Optional<String> language() {
        return Optional.ofNullable(lang);
    }
}
