package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * One selector inside {@code provide-services}, {@code provide-devices} or {@code provide-persons}
 * (RFC 5025, section 3.3.1): the components it names are visible. Immutable.
 *
 * @param kind  the selector
 * @param value its text (a URI, a URI scheme, an occurrence id, a class or a device id)
 */
public record ComponentFilter(Kind kind, String value) implements ExtensionElement {
    public ComponentFilter {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    @Override
    public QName qname() {
        return kind.qname();
    }

    /** The selectors, with the components they apply to. */
    public enum Kind {
        /** A service by its contact URI (services). */
        SERVICE_URI("service-uri"),
        /** Services by contact URI scheme (services). */
        SERVICE_URI_SCHEME("service-uri-scheme"),
        /** A component by its id (all components). */
        OCCURRENCE_ID("occurrence-id"),
        /** Components by RPID class (all components). */
        CLASS("class"),
        /** A device by its device id (devices). */
        DEVICE_ID("deviceID");

        private final QName qname;

        Kind(String localName) {
            this.qname = new QName(XcapNamespaces.PRES_RULES, localName, "pr");
        }

        /** The element name. */
        public QName qname() {
            return qname;
        }

        /** Whether RFC 5025's schema allows this selector for {@code component}. */
        public boolean appliesTo(ProvideComponents.Component component) {
            switch (this) {
                case SERVICE_URI:
                case SERVICE_URI_SCHEME:
                    return component == ProvideComponents.Component.SERVICES;
                case DEVICE_ID:
                    return component == ProvideComponents.Component.DEVICES;
                default:
                    return true;
            }
        }

        /** The kind for local name {@code localName} in the pres-rules namespace, or null. */
        public static Kind fromLocalName(String localName) {
            for (Kind k : values()) {
                if (k.qname.getLocalPart().equals(localName)) {
                    return k;
                }
            }
            return null;
        }
    }
}
