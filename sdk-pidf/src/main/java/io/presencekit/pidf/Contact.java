package io.presencekit.pidf;

import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The contact address of a tuple with its optional priority (RFC 3863, section 4.1.5). Immutable.
 *
 * @param uri        the contact URI
 * @param priority   the priority between 0 and 1, or null
 * @param attributes other attributes, kept for the round trip
 */
public record Contact(String uri, Double priority, Map<QName, String> attributes) {
    public Contact {
        Objects.requireNonNull(uri, "uri");
        if (priority != null && !(priority >= 0.0 && priority <= 1.0)) {
            throw new IllegalArgumentException("priority must be between 0 and 1: " + priority);
        }
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A contact without priority. */
    public static Contact of(String uri) {
        return new Contact(uri, null, Map.of());
    }

    /** A contact with priority. */
    public static Contact of(String uri, double priority) {
        return new Contact(uri, priority, Map.of());
    }

    /** The priority, if any. */
    public Optional<Double> priorityValue() {
        return Optional.ofNullable(priority);
    }
}
