package io.presencekit.xcap;

import java.util.Objects;

/**
 * The predicate {@code [@name="value"]} of a node-selector step (RFC 4825, section 6.3,
 * {@code attr-test}): selects the elements whose attribute {@code name} equals {@code value}.
 * Immutable.
 *
 * @param name  the attribute's qualified name ({@code name} or {@code prefix:name})
 * @param value the attribute value, unescaped (as it appears in the document's data model)
 */
public record AttributeTest(String name, String value) {
    public AttributeTest {
        if (!Step.isQName(name)) {
            throw new IllegalArgumentException("not a qualified attribute name: " + name);
        }
        Objects.requireNonNull(value, "value");
    }
}
