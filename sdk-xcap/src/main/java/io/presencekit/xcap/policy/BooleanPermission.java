package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * A yes/no presence transformation: the pres-rules {@code provide-activities},
 * {@code provide-mood} and the like (RFC 5025, section 3.3.4, type {@code booleanPermission}), and
 * the OMA pres-rules ones ({@code provide-willingness} and the like). Immutable.
 *
 * @param kind    which permission
 * @param allowed its value
 */
public record BooleanPermission(Kind kind, boolean allowed) implements ExtensionElement {
    public BooleanPermission {
        Objects.requireNonNull(kind, "kind");
    }

    @Override
    public QName qname() {
        return kind.qname();
    }

    /** The boolean permissions, each with its element name. */
    public enum Kind {
        /** RPID activities. */
        ACTIVITIES(XcapNamespaces.PRES_RULES, "provide-activities"),
        /** RPID class. */
        CLASS(XcapNamespaces.PRES_RULES, "provide-class"),
        /** Data-model deviceID. */
        DEVICE_ID(XcapNamespaces.PRES_RULES, "provide-deviceID"),
        /** RPID mood. */
        MOOD(XcapNamespaces.PRES_RULES, "provide-mood"),
        /** RPID place-is. */
        PLACE_IS(XcapNamespaces.PRES_RULES, "provide-place-is"),
        /** RPID place-type. */
        PLACE_TYPE(XcapNamespaces.PRES_RULES, "provide-place-type"),
        /** RPID privacy. */
        PRIVACY(XcapNamespaces.PRES_RULES, "provide-privacy"),
        /** RPID relationship. */
        RELATIONSHIP(XcapNamespaces.PRES_RULES, "provide-relationship"),
        /** RPID status-icon. */
        STATUS_ICON(XcapNamespaces.PRES_RULES, "provide-status-icon"),
        /** RPID sphere. */
        SPHERE(XcapNamespaces.PRES_RULES, "provide-sphere"),
        /** RPID time-offset. */
        TIME_OFFSET(XcapNamespaces.PRES_RULES, "provide-time-offset"),
        /** PIDF and RPID notes. */
        NOTE(XcapNamespaces.PRES_RULES, "provide-note"),
        /** OMA willingness. */
        WILLINGNESS(XcapNamespaces.OMA_PRES_RULES, "provide-willingness"),
        /** OMA network availability. */
        NETWORK_AVAILABILITY(XcapNamespaces.OMA_PRES_RULES, "provide-network-availability"),
        /** OMA session participation. */
        SESSION_PARTICIPATION(XcapNamespaces.OMA_PRES_RULES, "provide-session-participation"),
        /** OMA registration state. */
        REGISTRATION_STATE(XcapNamespaces.OMA_PRES_RULES, "provide-registration-state"),
        /** OMA barring state. */
        BARRING_STATE(XcapNamespaces.OMA_PRES_RULES, "provide-barring-state");

        private final QName qname;

        Kind(String namespace, String localName) {
            this.qname = new QName(namespace, localName,
                    XcapNamespaces.PRES_RULES.equals(namespace) ? "pr" : "opr");
        }

        /** The element name. */
        public QName qname() {
            return qname;
        }
    }
}
