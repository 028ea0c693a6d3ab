package io.presencekit.xcap.error;

import java.util.Optional;

/**
 * The error conditions of an {@code application/xcap-error+xml} document (RFC 4825, section 11),
 * plus {@link #UNKNOWN} for an element that this version does not know.
 */
public enum XcapErrorType {
    /** {@code <not-well-formed>}: the request body was not well-formed XML. */
    NOT_WELL_FORMED("not-well-formed"),
    /** {@code <not-utf-8>}: the result would not be UTF-8. */
    NOT_UTF_8("not-utf-8"),
    /** {@code <not-xml-frag>}: the body of an element operation was not a valid XML fragment. */
    NOT_XML_FRAG("not-xml-frag"),
    /** {@code <not-xml-att-value>}: the body of an attribute operation was not a valid attribute value. */
    NOT_XML_ATT_VALUE("not-xml-att-value"),
    /** {@code <no-parent>}: the document or element to insert into does not exist; may name the closest ancestor. */
    NO_PARENT("no-parent"),
    /** {@code <schema-validation-error>}: the result would break the application usage's schema. */
    SCHEMA_VALIDATION_ERROR("schema-validation-error"),
    /** {@code <cannot-insert>}: a GET of the URI after the PUT would not return what was PUT (not idempotent). */
    CANNOT_INSERT("cannot-insert"),
    /** {@code <cannot-delete>}: the DELETE would not be idempotent. */
    CANNOT_DELETE("cannot-delete"),
    /** {@code <uniqueness-failure>}: a value that must be unique is not; lists the fields and alternatives. */
    UNIQUENESS_FAILURE("uniqueness-failure"),
    /** {@code <constraint-failure>}: a data constraint of the application usage would be broken. */
    CONSTRAINT_FAILURE("constraint-failure"),
    /** {@code <extension>}: a condition defined elsewhere, carried as child elements. */
    EXTENSION("extension"),
    /** An element that RFC 4825 does not define, kept as it was sent. */
    UNKNOWN(null);

    private final String elementName;

    XcapErrorType(String elementName) {
        this.elementName = elementName;
    }

    /** The element's local name in namespace {@code urn:ietf:params:xml:ns:xcap-error}; empty for {@link #UNKNOWN}. */
    public Optional<String> elementName() {
        return Optional.ofNullable(elementName);
    }

    /** The type whose element is {@code localName}, or {@link #UNKNOWN}. */
    public static XcapErrorType ofElementName(String localName) {
        for (XcapErrorType t : values()) {
            if (t.elementName != null && t.elementName.equals(localName)) {
                return t;
            }
        }
        return UNKNOWN;
    }
}
