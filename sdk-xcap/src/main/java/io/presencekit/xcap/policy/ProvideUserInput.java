package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * The pres-rules {@code provide-user-input} transformation (RFC 5025, section 3.3.4.13): how much
 * of RPID {@code user-input} a watcher sees.
 */
public enum ProvideUserInput implements ExtensionElement {
    /** Nothing. */
    FALSE("false"),
    /** Active or idle only. */
    BARE("bare"),
    /** Also the idle threshold. */
    THRESHOLDS("thresholds"),
    /** Also the time of the last input. */
    FULL("full");

    /** {@code pr:provide-user-input}. */
    public static final QName QNAME = new QName(XcapNamespaces.PRES_RULES, "provide-user-input", "pr");

    private final String token;

    ProvideUserInput(String token) {
        this.token = token;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    @Override
    public String toString() {
        return "ProvideUserInput[" + token + "]";
    }

    /** The value as written in XML. */
    public String token() {
        return token;
    }

    /** The constant for {@code token} (surrounding whitespace ignored), or null. */
    public static ProvideUserInput fromToken(String token) {
        if (token == null) {
            return null;
        }
        String t = token.strip();
        for (ProvideUserInput v : values()) {
            if (v.token.equals(t)) {
                return v;
            }
        }
        return null;
    }
}
