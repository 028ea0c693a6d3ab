package io.presencekit.xcap;

/**
 * The MIME types XCAP itself defines (RFC 4825, section 15.2). Documents carry their application
 * usage's own type (for example {@code application/resource-lists+xml}). Constants only.
 */
public final class XcapMediaTypes {
    /** An element, the body of element operations (RFC 4825, section 15.2.1). */
    public static final String ELEMENT = "application/xcap-el+xml";
    /** An attribute value, the body of attribute operations (RFC 4825, section 15.2.2). */
    public static final String ATTRIBUTE = "application/xcap-att+xml";
    /** Namespace bindings, the answer to a {@code namespace::*} GET (RFC 4825, section 15.2.3). */
    public static final String NAMESPACES = "application/xcap-ns+xml";
    /** A detailed conflict report (RFC 4825, sections 11 and 15.2.4). */
    public static final String ERROR = "application/xcap-error+xml";
    /** The server capabilities document (RFC 4825, sections 12 and 15.2.5). */
    public static final String CAPABILITIES = "application/xcap-caps+xml";

    private XcapMediaTypes() {
    }

    /**
     * Whether the {@code Content-Type} value {@code contentType} is the type {@code mediaType}:
     * case-insensitive, parameters ignored.
     */
    public static boolean is(String contentType, String mediaType) {
        if (contentType == null) {
            return false;
        }
        int semi = contentType.indexOf(';');
        String type = (semi < 0 ? contentType : contentType.substring(0, semi)).strip();
        return type.equalsIgnoreCase(mediaType);
    }
}
