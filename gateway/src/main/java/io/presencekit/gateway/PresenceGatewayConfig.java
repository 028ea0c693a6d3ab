package io.presencekit.gateway;

import io.presencekit.gateway.xmpp.XmppComponentConfig;
import io.presencekit.pidf.xmpp.XmppPresenceTranslator;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link PresenceGateway} needs besides its SIP engine: the XMPP component's connection
 * (XEP-0114; its domain is the SIP domain as the XMPP server sees it), the XMPP domain whose users
 * SIP users may watch (the domain a SIP proxy forwards to the gateway; SIP URIs
 * {@code sip:user@<xmpp domain>}), and the translator (RFC 3863 PIDF to and from RFC 6121
 * presence).
 *
 * <p>Immutable and thread-safe.
 */
public final class PresenceGatewayConfig {
    private final XmppComponentConfig component;
    private final String xmppDomain;
    private final XmppPresenceTranslator translator;

    private PresenceGatewayConfig(Builder b) {
        this.component = b.component;
        this.xmppDomain = b.xmppDomain;
        this.translator = b.translator;
    }

    /** A builder for a gateway between {@code component}'s SIP domain and {@code xmppDomain}. */
    public static Builder builder(XmppComponentConfig component, String xmppDomain) {
        return new Builder().component(component).xmppDomain(xmppDomain);
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        return new Builder().component(component).xmppDomain(xmppDomain).translator(translator);
    }

    /** The XMPP component; its {@linkplain XmppComponentConfig#domain() domain} is the SIP domain. */
    public XmppComponentConfig component() {
        return component;
    }

    /** The SIP domain: the component's domain. */
    public String sipDomain() {
        return component.domain();
    }

    /** The XMPP users' domain, lower case. */
    public String xmppDomain() {
        return xmppDomain;
    }

    /** The translator between PIDF and XMPP presence. */
    public XmppPresenceTranslator translator() {
        return translator;
    }

    @Override
    public String toString() {
        return "PresenceGatewayConfig[sip " + sipDomain() + " <-> xmpp " + xmppDomain + " via "
                + component.host() + ":" + component.port() + "]";
    }

    /** Builds a {@link PresenceGatewayConfig}. Not thread-safe. */
    public static final class Builder {
        private XmppComponentConfig component;
        private String xmppDomain;
        private XmppPresenceTranslator translator = XmppPresenceTranslator.standard();

        private Builder() {
        }

        /** The XMPP component connection. */
        public Builder component(XmppComponentConfig component) {
            this.component = Objects.requireNonNull(component, "component");
            return this;
        }

        /** The XMPP users' domain, a DNS name such as {@code xmpp.example.org}. */
        public Builder xmppDomain(String domain) {
            Objects.requireNonNull(domain, "xmppDomain");
            String d = domain.trim().toLowerCase(Locale.ROOT);
            if (d.isEmpty() || !d.matches("[a-z0-9]([a-z0-9.-]*[a-z0-9])?")) {
                throw new IllegalArgumentException("not a domain name: " + domain);
            }
            this.xmppDomain = d;
            return this;
        }

        /** The translator (default {@link XmppPresenceTranslator#standard()}). */
        public Builder translator(XmppPresenceTranslator translator) {
            this.translator = Objects.requireNonNull(translator, "translator");
            return this;
        }

        /**
         * @throws IllegalArgumentException when the XMPP domain is the SIP domain (the gateway could
         *                                  not tell the two sides apart)
         */
        public PresenceGatewayConfig build() {
            Objects.requireNonNull(component, "component");
            Objects.requireNonNull(xmppDomain, "xmppDomain");
            if (xmppDomain.equalsIgnoreCase(component.domain())) {
                throw new IllegalArgumentException("the XMPP domain must differ from the SIP domain " + xmppDomain);
            }
            return new PresenceGatewayConfig(this);
        }
    }
}
