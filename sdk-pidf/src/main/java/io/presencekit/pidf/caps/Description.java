package io.presencekit.pidf.caps;

import java.util.Objects;
import java.util.Optional;

/**
 * A human-readable description of a service or device with its optional language
 * ({@code caps:description}, RFC 5196, section 3.2 and 3.3). Immutable.
 *
 * @param value the text, as written (an {@code xs:string}: whitespace is kept)
 * @param lang  the {@code xml:lang} value, or null
 */
public record Description(String value, String lang) {
    public Description {
        Objects.requireNonNull(value, "value");
        if (lang != null && lang.isBlank()) {
            throw new IllegalArgumentException("lang must not be blank; use null for none");
        }
    }

    /** A description without language. */
    public static Description of(String value) {
        return new Description(value, null);
    }

    /** A description in language {@code lang}. */
    public static Description of(String value, String lang) {
        return new Description(value, lang);
    }

    /** The language, if any. */
    public Optional<String> language() {
        return Optional.ofNullable(lang);
    }
}
