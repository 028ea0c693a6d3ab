package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import javax.xml.namespace.QName;

/**
 * The pres-rules {@code sub-handling} action (RFC 5025, section 3.2.1): what the presence server
 * does with a matching watcher's subscription. When several rules apply, the most permissive value
 * wins (block &lt; confirm &lt; polite-block &lt; allow). Kamailio: allow makes the subscription active,
 * confirm pending, polite-block active with nothing to see, block terminates it with
 * {@code reason=rejected}.
 */
public enum SubHandling implements ExtensionElement {
    /** Reject the subscription. */
    BLOCK("block"),
    /** Keep it pending and ask the presentity (watcher info). */
    CONFIRM("confirm"),
    /** Accept it but deliver only neutral presence. */
    POLITE_BLOCK("polite-block"),
    /** Accept it. */
    ALLOW("allow");

    /** {@code pr:sub-handling}. */
    public static final QName QNAME = new QName(XcapNamespaces.PRES_RULES, "sub-handling", "pr");

    private final String token;

    SubHandling(String token) {
        this.token = token;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    @Override
    public String toString() {
        return "SubHandling[" + token + "]";
    }

    /** The value as written in XML. */
    public String token() {
        return token;
    }

    /** The RFC 5025 combining value: 0 for block, 10 confirm, 20 polite-block, 30 allow. */
    public int permissiveness() {
        return ordinal() * 10;
    }

    /** The constant for {@code token} (an {@code xs:token}: surrounding whitespace ignored), or null. */
    public static SubHandling fromToken(String token) {
        if (token == null) {
            return null;
        }
        String t = token.strip();
        for (SubHandling s : values()) {
            if (s.token.equals(t)) {
                return s;
            }
        }
        return null;
    }
}
