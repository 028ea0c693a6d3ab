package io.presencekit.pidf.caps;

import io.presencekit.pidf.Namespaces;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;

/**
 * The element names the RFC 5196 schema allows inside each name list's {@code supported} and
 * {@code notsupported}, in schema order (which is the order writers must use). Names are case
 * sensitive and exactly as in the schema: python-sipsimple writes {@code histinfo} and
 * {@code norefsub} in the extensions list, which the schema (and its own validator) does not know.
 */
enum Vocabulary {
    ACTOR("actor", "attendant", "information", "msg-taker", "principal"),
    CLASS("class", "business", "personal"),
    DUPLEX("duplex", "full", "half", "receive-only", "send-only"),
    EVENT_PACKAGES("event-packages", "conference", "dialog", "kpml", "message-summary", "poc-settings", "presence",
            "reg", "refer", "Siemens-RTP-Stats", "spirits-INDPs", "spirits-user-prof", "winfo"),
    EXTENSIONS("extensions", "rel100", "early-session", "eventlist", "from-change", "gruu", "hist-info", "join",
            "norefersub", "path", "precondition", "pref", "privacy", "recipient-list-invite",
            "recipient-list-subscribe", "replaces", "resource-priority", "sdp-anat", "sec-agree", "tdialog", "timer"),
    METHODS("methods", "ACK", "BYE", "CANCEL", "INFO", "INVITE", "MESSAGE", "NOTIFY", "OPTIONS", "PRACK", "PUBLISH",
            "REFER", "REGISTER", "SUBSCRIBE", "UPDATE"),
    MOBILITY("mobility", "fixed", "mobile");

    private final String element;
    private final List<String> names;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, QName> qnames = new HashMap<>();

    Vocabulary(String element, String... names) {
        this.element = element;
        this.names = List.of(names);
        for (int i = 0; i < names.length; i++) {
            index.put(names[i], i);
            qnames.put(names[i], new QName(Namespaces.CAPS, names[i], "caps"));
        }
    }

    /** The local name of the container element ({@code methods}, {@code duplex}...). */
    String element() {
        return element;
    }

    /** The allowed names, in schema order. */
    List<String> names() {
        return names;
    }

    /** The schema position of {@code name}, or -1 when the schema does not know it. */
    int indexOf(String name) {
        Integer i = index.get(name);
        return i == null ? -1 : i;
    }

    /** The element for {@code name}, which must be known. */
    QName qname(String name) {
        return qnames.get(name);
    }

    /** Refuses names the schema does not allow here. */
    void check(Support<String> support) {
        for (String name : support.supported()) {
            checkName(name);
        }
        for (String name : support.notSupported()) {
            checkName(name);
        }
    }

    private void checkName(String name) {
        if (indexOf(name) < 0) {
            throw new IllegalArgumentException("'" + name + "' is not allowed in caps:" + element + "; allowed: "
                    + names);
        }
    }
}
