package io.presencekit.pidf.xmpp;

/**
 * The namespace a stanza is qualified by, which depends on the stream that carries it: client to
 * server ({@code jabber:client}, RFC 6120, section 4.8.3), server to server ({@code jabber:server})
 * or an external component (XEP-0114, {@code jabber:component:accept}). Immutable.
 */
public enum StanzaNamespace {
    CLIENT("jabber:client"),
    SERVER("jabber:server"),
    COMPONENT_ACCEPT("jabber:component:accept");

    private final String uri;

    StanzaNamespace(String uri) {
        this.uri = uri;
    }

    /** The namespace URI. */
    public String uri() {
        return uri;
    }

    /** The constant for {@code uri}, or null when it is no stanza namespace. */
    public static StanzaNamespace fromUri(String uri) {
        for (StanzaNamespace n : values()) {
            if (n.uri.equals(uri)) {
                return n;
            }
        }
        return null;
    }
}
