package io.presencekit.pidf;

import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A human-readable note with an optional language (RFC 3863, section 4.1.6; the same shape serves
 * {@code dm:note} of RFC 4479 and {@code rpid:note} of RFC 4480). Immutable.
 *
 * @param text       the note text
 * @param lang       the {@code xml:lang} value, or null
 * @param attributes other attributes, kept for the round trip
 */
public record Note(String text, String lang, Map<QName, String> attributes) {
    public Note {
        Objects.requireNonNull(text, "text");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** A note without language. */
    public static Note of(String text) {
        return new Note(text, null, Map.of());
    }

    /** A note in language {@code lang} (for example {@code en}). */
    public static Note of(String text, String lang) {
        return new Note(text, lang, Map.of());
    }

    /** The language, if any. */
    public Optional<String> language() {
        return Optional.ofNullable(lang);
    }
}
