package io.presencekit.xcap.resourcelists;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * One {@code uri} of an AG Projects address book contact: an id (unique in the document), the
 * address and an optional free-form type such as {@code sip} or {@code tel}. Elements from other
 * namespaces (application attributes) are kept in {@link #extras()}. Immutable.
 *
 * @param id     the {@code id} attribute (an {@code xs:ID})
 * @param uri    the address
 * @param type   the {@code type} attribute, or null
 * @param extras other attributes and elements, kept as read
 */
public record ContactUri(String id, String uri, String type, Extras extras) {
    public ContactUri {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(extras, "extras");
    }

    /** A contact URI without type or extras. */
    public static ContactUri of(String id, String uri) {
        return new ContactUri(id, uri, null, Extras.NONE);
    }

    /** A contact URI with a type and no extras. */
    public static ContactUri of(String id, String uri, String type) {
        return new ContactUri(id, uri, type, Extras.NONE);
    }

    /** The type, if any. */
    public Optional<String> typeValue() {
        return Optional.ofNullable(type);
    }

    /** The application attributes (in any namespace) attached to this URI, if any. */
    public Optional<SharedAttributes> sharedAttributes() {
        return Values.ofType(extras.children(), SharedAttributes.class).stream().findFirst();
    }

    /** This URI with {@code extras} replaced. */
    public ContactUri withExtras(Map<QName, String> attributes, List<? extends ExtensionElement> children) {
        return new ContactUri(id, uri, type, Extras.of(attributes, children));
    }
}
