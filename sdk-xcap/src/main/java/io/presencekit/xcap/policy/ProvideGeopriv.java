package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * The OMA pres-rules {@code provide-geopriv} transformation ({@code urn:oma:xml:prs:pres-rules}):
 * whether a watcher sees GEOPRIV location.
 */
public enum ProvideGeopriv implements ExtensionElement {
    /** No location. */
    FALSE("false"),
    /** The full location. */
    FULL("full");

    /** {@code opr:provide-geopriv}. */
    public static final QName QNAME = new QName(XcapNamespaces.OMA_PRES_RULES, "provide-geopriv", "opr");

    private final String token;

    ProvideGeopriv(String token) {
        this.token = token;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    @Override
    public String toString() {
        return "ProvideGeopriv[" + token + "]";
    }

    /** The value as written in XML. */
    public String token() {
        return token;
    }

    /** The constant for {@code token} (surrounding whitespace ignored), or null. */
    public static ProvideGeopriv fromToken(String token) {
        if (token == null) {
            return null;
        }
        String t = token.strip();
        return FALSE.token.equals(t) ? FALSE : FULL.token.equals(t) ? FULL : null;
    }
}
