package io.presencekit.pidf;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Optional;

/** A model element that holds extension elements in document order. */
public interface Extensible {
    /** The extension elements, typed where a codec claimed them, else {@link io.presencekit.xml.GenericElement}. */
    List<ExtensionElement> extensions();

    /** The first extension of {@code type}, if any. */
    default <T> Optional<T> extension(Class<T> type) {
        for (ExtensionElement e : extensions()) {
            if (type.isInstance(e)) {
                return Optional.of(type.cast(e));
            }
        }
        return Optional.empty();
    }

    /** Every extension of {@code type}, in order. */
    default <T> List<T> extensions(Class<T> type) {
        return Values.ofType(extensions(), type);
    }
}
