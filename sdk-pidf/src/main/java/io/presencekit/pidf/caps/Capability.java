package io.presencekit.pidf.caps;

import io.presencekit.pidf.Namespaces;
import java.util.HashMap;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * The boolean capabilities of a service ({@code caps:servcaps} children whose content is
 * {@code xs:boolean}): the RFC 5196 media and role flags (section 3.2) and the AG Projects flags
 * Blink and SylkServer exchange in the same element.
 */
public enum Capability {
    /** {@code caps:audio}: audio sessions (RFC 5196, section 3.2.2). */
    AUDIO(Namespaces.CAPS, "audio"),
    /** {@code caps:application}: application media sessions (section 3.2.3). */
    APPLICATION(Namespaces.CAPS, "application"),
    /** {@code caps:data}: data media sessions (section 3.2.4). */
    DATA(Namespaces.CAPS, "data"),
    /** {@code caps:control}: control media sessions (section 3.2.5). */
    CONTROL(Namespaces.CAPS, "control"),
    /** {@code caps:video}: video sessions (section 3.2.6). */
    VIDEO(Namespaces.CAPS, "video"),
    /** {@code caps:text}: real-time text sessions (section 3.2.7). */
    TEXT(Namespaces.CAPS, "text"),
    /** {@code caps:message}: message sessions such as MSRP chat (section 3.2.8). */
    MESSAGE(Namespaces.CAPS, "message"),
    /** {@code caps:automata}: the service is an automaton, not a human (RFC 5196). */
    AUTOMATA(Namespaces.CAPS, "automata"),
    /** {@code caps:isfocus}: the service is a conference focus (RFC 5196). */
    ISFOCUS(Namespaces.CAPS, "isfocus"),
    /** {@code agp-caps:file-transfer}: AG Projects file transfer (MSRP). */
    FILE_TRANSFER(Namespaces.AGP_CAPS, "file-transfer"),
    /** {@code agp-caps:screen-sharing-server}: can share its screen (AG Projects). */
    SCREEN_SHARING_SERVER(Namespaces.AGP_CAPS, "screen-sharing-server"),
    /** {@code agp-caps:screen-sharing-client}: can view a shared screen (AG Projects). */
    SCREEN_SHARING_CLIENT(Namespaces.AGP_CAPS, "screen-sharing-client");

    private final QName qname;

    Capability(String namespace, String localName) {
        this.qname = new QName(namespace, localName, Namespaces.CAPS.equals(namespace) ? "caps" : "agp-caps");
    }

    /** The element's local name, which is also the capability's name ({@code audio}, {@code file-transfer}...). */
    public String token() {
        return qname.getLocalPart();
    }

    /** The element's qualified name. */
    public QName qname() {
        return qname;
    }

    /** Whether this is one of the AG Projects flags rather than an RFC 5196 one. */
    public boolean isAgProjects() {
        return Namespaces.AGP_CAPS.equals(qname.getNamespaceURI());
    }

    /** The capability called {@code name} (exact, for example {@code audio} or {@code file-transfer}), or null. */
    public static Capability fromToken(String name) {
        return ByToken.MAP.get(name);
    }

    /** The capability whose element is {@code {namespaceUri}localName}, or null. */
    static Capability fromElement(String namespaceUri, String localName) {
        Capability c = fromToken(localName);
        return c != null && c.qname.getNamespaceURI().equals(namespaceUri) ? c : null;
    }

    private static final class ByToken {
        // values() copies the array on every call; the readers look tokens up once per element
        static final Map<String, Capability> MAP;

        static {
            Map<String, Capability> m = new HashMap<>();
            for (Capability c : values()) {
                m.put(c.token(), c);
            }
            MAP = m;
        }
    }
}
