package io.presencekit.xml;

import java.util.Objects;

/**
 * Character content inside a {@link GenericElement}. Immutable.
 *
 * @param text the characters, never null
 */
public record XmlText(String text) implements XmlNode {
    public XmlText {
        Objects.requireNonNull(text, "text");
    }
}
