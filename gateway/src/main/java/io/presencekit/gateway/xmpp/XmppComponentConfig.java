package io.presencekit.gateway.xmpp;

import io.presencekit.pidf.xmpp.Jid;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how an {@link XmppComponent} connects (XEP-0114): the server's host and component
 * port, the component's domain (the {@code to} of the stream header, e.g. the SIP domain
 * {@code example.com}), the shared secret, timeouts, keep-alive interval, stanza limits and the
 * {@link ReconnectPolicy}. The secret is never part of {@link #toString()} and never logged.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()}, derive with {@link #toBuilder()}.
 */
public final class XmppComponentConfig {
    /** Largest stanza accepted by default: 256 KiB (servers commonly cap stanzas near this). */
    public static final int DEFAULT_MAX_STANZA_BYTES = 256 * 1024;
    /** Deepest element nesting inside a stanza accepted by default (the stanza element is 1). */
    public static final int DEFAULT_MAX_STANZA_DEPTH = 24;

    private final String host;
    private final int port;
    private final String domain;
    private final String secret;
    private final Duration connectTimeout;
    private final Duration handshakeTimeout;
    private final Duration keepAliveInterval;
    private final Duration closeTimeout;
    private final int maxStanzaBytes;
    private final int maxStanzaDepth;
    private final ReconnectPolicy reconnectPolicy;

    private XmppComponentConfig(Builder b) {
        this.host = require(b.host, "host");
        this.port = b.port;
        this.domain = require(b.domain, "domain");
        this.secret = require(b.secret, "secret");
        this.connectTimeout = b.connectTimeout;
        this.handshakeTimeout = b.handshakeTimeout;
        this.keepAliveInterval = b.keepAliveInterval;
        this.closeTimeout = b.closeTimeout;
        this.maxStanzaBytes = b.maxStanzaBytes;
        this.maxStanzaDepth = b.maxStanzaDepth;
        this.reconnectPolicy = b.reconnectPolicy;
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port must be 1..65535: " + port);
        }
        // the domain must be a valid JID domainpart (RFC 7622); Jid checks it
        Jid.parse(domain);
        if (domain.contains("@") || domain.contains("/")) {
            throw new IllegalArgumentException("component domain must be a bare domain: " + domain);
        }
    }

    private static String require(String value, String name) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** A builder with the defaults (no host, port, domain or secret yet). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this configuration. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.host = host;
        b.port = port;
        b.domain = domain;
        b.secret = secret;
        b.connectTimeout = connectTimeout;
        b.handshakeTimeout = handshakeTimeout;
        b.keepAliveInterval = keepAliveInterval;
        b.closeTimeout = closeTimeout;
        b.maxStanzaBytes = maxStanzaBytes;
        b.maxStanzaDepth = maxStanzaDepth;
        b.reconnectPolicy = reconnectPolicy;
        return b;
    }

    /** The server's host name or address. */
    public String host() {
        return host;
    }

    /** The server's component port. */
    public int port() {
        return port;
    }

    /** The component's domain: every JID in it is routed to the component. */
    public String domain() {
        return domain;
    }

    /** The shared secret of the handshake. Never log it. */
    public String secret() {
        return secret;
    }

    /** Timeout of the TCP connect (default 10 s). */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /** Time the server has to send its stream header and answer the handshake (default 10 s). */
    public Duration handshakeTimeout() {
        return handshakeTimeout;
    }

    /** A single space is sent when nothing else was sent for this long (default 60 s; zero: never). */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /** How long {@link XmppComponent#close()} waits for the server to close its stream (default 5 s). */
    public Duration closeTimeout() {
        return closeTimeout;
    }

    /** Largest stanza accepted, counted in bytes of its serialized form; a larger one ends the stream. */
    public int maxStanzaBytes() {
        return maxStanzaBytes;
    }

    /** Deepest nesting inside a stanza (the stanza element is depth 1); deeper ends the stream. */
    public int maxStanzaDepth() {
        return maxStanzaDepth;
    }

    /** When to reconnect after the connection dropped. */
    public ReconnectPolicy reconnectPolicy() {
        return reconnectPolicy;
    }

    @Override
    public String toString() {
        return "XmppComponentConfig[" + host + ":" + port + ", domain=" + domain + ", secret=***, connectTimeout="
                + connectTimeout + ", handshakeTimeout=" + handshakeTimeout + ", keepAlive=" + keepAliveInterval
                + ", maxStanzaBytes=" + maxStanzaBytes + ", maxStanzaDepth=" + maxStanzaDepth + ", reconnect="
                + reconnectPolicy + "]";
    }

    /** Builds an {@link XmppComponentConfig}. Not thread-safe. */
    public static final class Builder {
        private String host;
        private int port;
        private String domain;
        private String secret;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration handshakeTimeout = Duration.ofSeconds(10);
        private Duration keepAliveInterval = Duration.ofSeconds(60);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private int maxStanzaBytes = DEFAULT_MAX_STANZA_BYTES;
        private int maxStanzaDepth = DEFAULT_MAX_STANZA_DEPTH;
        private ReconnectPolicy reconnectPolicy = ReconnectPolicy.DEFAULT;

        private Builder() {
        }

        /** The server's host name or address. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The server's component port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** The component's domain, e.g. {@code example.com}. */
        public Builder domain(String domain) {
            this.domain = Objects.requireNonNull(domain, "domain");
            return this;
        }

        /** The shared secret. */
        public Builder secret(String secret) {
            this.secret = Objects.requireNonNull(secret, "secret");
            return this;
        }

        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        public Builder handshakeTimeout(Duration timeout) {
            this.handshakeTimeout = positive(timeout, "handshakeTimeout");
            return this;
        }

        /** Keep-alive interval; {@link Duration#ZERO} turns keep-alives off. */
        public Builder keepAliveInterval(Duration interval) {
            Objects.requireNonNull(interval, "keepAliveInterval");
            if (interval.isNegative()) {
                throw new IllegalArgumentException("keepAliveInterval must not be negative");
            }
            this.keepAliveInterval = interval;
            return this;
        }

        public Builder closeTimeout(Duration timeout) {
            this.closeTimeout = positive(timeout, "closeTimeout");
            return this;
        }

        /** Largest stanza, at least 1,024 bytes. */
        public Builder maxStanzaBytes(int bytes) {
            if (bytes < 1024) {
                throw new IllegalArgumentException("maxStanzaBytes must be at least 1024: " + bytes);
            }
            this.maxStanzaBytes = bytes;
            return this;
        }

        /** Deepest nesting in a stanza, 2 to 1,000. */
        public Builder maxStanzaDepth(int depth) {
            if (depth < 2 || depth > 1000) {
                throw new IllegalArgumentException("maxStanzaDepth must be 2..1000: " + depth);
            }
            this.maxStanzaDepth = depth;
            return this;
        }

        public Builder reconnectPolicy(ReconnectPolicy policy) {
            this.reconnectPolicy = Objects.requireNonNull(policy, "reconnectPolicy");
            return this;
        }

        /** @throws IllegalArgumentException when host, port, domain or secret is missing or invalid */
        public XmppComponentConfig build() {
            return new XmppComponentConfig(this);
        }

        private static Duration positive(Duration d, String name) {
            Objects.requireNonNull(d, name);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive: " + d);
            }
            return d;
        }
    }
}
