package io.presencekit.pidf.agp;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * {@code agp-pidf:extended} inside a tuple's {@code status}: the "rich" state Blink and SylkServer
 * show next to the open/closed basic status. AG Projects extension to RFC 3863, section 4.1.4
 * (status extensibility). Immutable.
 *
 * @param value      the state
 * @param attributes attributes nobody defines, kept for the round trip
 */
public record ExtendedStatus(Value value, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code agp-pidf:extended}. */
    public static final QName QNAME = new QName(Namespaces.AGP_PIDF, "extended", "agp-pidf");

    public ExtendedStatus {
        Objects.requireNonNull(value, "value");
        attributes = Values.orderedMap(attributes, "attributes");
    }

    /** An extended status of {@code value} without attributes. */
    public static ExtendedStatus of(Value value) {
        return new ExtendedStatus(value, Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The extended states; no others are defined. */
    public enum Value {
        AVAILABLE("available"),
        OFFLINE("offline"),
        AWAY("away"),
        BUSY("busy");

        private final String token;

        Value(String token) {
            this.token = token;
        }

        /** The value as written in XML. */
        public String token() {
            return token;
        }

        /** The constant for {@code token} (surrounding whitespace ignored, case significant), or null. */
        public static Value fromToken(String token) {
            switch (token.strip()) {
                case "available":
                    return AVAILABLE;
                case "offline":
                    return OFFLINE;
                case "away":
                    return AWAY;
                case "busy":
                    return BUSY;
                default:
                    return null;
            }
        }
    }
}
