package io.presencekit.sip;

import java.net.InetAddress;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Stack-level settings of a {@link SipEngine}: message size limit, TLS trust and server identity
 * checks (RFC 5922, section 7), local bind address, SIP trace, request timeout, CRLF keep-alives
 * (RFC 5626, section 4.4.1), and the clock and scheduler that drive every protocol timer
 * (injectable for tests). Keep-alives and the connection watch measure the network, so they run in
 * real time on a thread of their own, not on the injected scheduler.
 *
 * <p>Local bind address: unless set, the engine binds 127.0.0.1 when the next hop is a loopback
 * address, else the wildcard address, and puts the host's primary address in Via and Contact.
 *
 * <p>Trace: when on, every message sent and received is logged at DEBUG on the SLF4J logger
 * {@value #TRACE_LOGGER}, with Authorization and Proxy-Authorization values replaced by
 * {@code <redacted>}.
 *
 * <p>Immutable and thread-safe (the injected clock, scheduler and key store are shared, not copied).
 */
public final class SipSettings {
    /** The SLF4J logger of the SIP trace. */
    public static final String TRACE_LOGGER = "io.presencekit.sip.trace";
    /** The default message size limit, 1 MiB. */
    public static final int DEFAULT_MAX_MESSAGE_SIZE = 1 << 20;
    /** The default settings. */
    public static final SipSettings DEFAULT = builder().build();

    private final int maxMessageSize;
    private final Path trustStorePath;
    private final char[] trustStorePassword;
    private final String trustStoreType;
    private final KeyStore trustStore;
    private final boolean hostnameVerification;
    private final InetAddress bindAddress;
    private final boolean trace;
    private final Clock clock;
    private final ScheduledExecutorService scheduler;
    private final Duration requestTimeout;
    private final Duration keepAliveInterval;
    private final int listenPort;

    private SipSettings(Builder b) {
        maxMessageSize = b.maxMessageSize;
        trustStorePath = b.trustStorePath;
        trustStorePassword = b.trustStorePassword == null ? null : b.trustStorePassword.clone();
        trustStoreType = b.trustStoreType;
        trustStore = b.trustStore;
        hostnameVerification = b.hostnameVerification;
        bindAddress = b.bindAddress;
        trace = b.trace;
        clock = b.clock;
        scheduler = b.scheduler;
        requestTimeout = b.requestTimeout;
        keepAliveInterval = b.keepAliveInterval;
        listenPort = b.listenPort;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.maxMessageSize = maxMessageSize;
        b.trustStorePath = trustStorePath;
        b.trustStorePassword = trustStorePassword;
        b.trustStoreType = trustStoreType;
        b.trustStore = trustStore;
        b.hostnameVerification = hostnameVerification;
        b.bindAddress = bindAddress;
        b.trace = trace;
        b.clock = clock;
        b.scheduler = scheduler;
        b.requestTimeout = requestTimeout;
        b.keepAliveInterval = keepAliveInterval;
        return b;
    }

    /** The largest SIP message accepted, in bytes. */
    public int maxMessageSize() {
        return maxMessageSize;
    }

    /** The trust store file, or null (then {@link #trustStore()} or the JVM's default trust). */
    public Path trustStorePath() {
        return trustStorePath;
    }

    /** A copy of the trust store file's password, or null. */
    public char[] trustStorePassword() {
        return trustStorePassword == null ? null : trustStorePassword.clone();
    }

    /** The trust store file's type ({@code PKCS12} unless set). */
    public String trustStoreType() {
        return trustStoreType;
    }

    /** The trust store given as a loaded key store, or null. */
    public KeyStore trustStore() {
        return trustStore;
    }

    /** Whether the TLS server's identity is checked against the next hop (RFC 5922); on by default. */
    public boolean hostnameVerification() {
        return hostnameVerification;
    }

    /** The local address to bind, or null for the default described above. */
    public InetAddress bindAddress() {
        return bindAddress;
    }

    /** Whether the SIP trace is logged. */
    public boolean trace() {
        return trace;
    }

    /** The clock every timer reads. */
    public Clock clock() {
        return clock;
    }

    /** The scheduler every timer runs on, or null for one the engine creates and owns. */
    public ScheduledExecutorService scheduler() {
        return scheduler;
    }

    /** How long a request waits for its final response before {@link SipTimeoutException}. */
    public Duration requestTimeout() {
        return requestTimeout;
    }

    /**
     * How often a CRLF keep-alive (RFC 5626, section 4.4.1) goes over the TCP/TLS connection to the
     * next hop: each one after a random 80-100 % of this; zero turns keep-alives off. Default 20 s.
     */
    public Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    /**
     * The local port the stack listens on, or 0 (the default) for a free one picked at start. A
     * fixed port is for a user agent others reach at a known address without registering, such as
     * a gateway that a proxy forwards requests to.
     */
    public int listenPort() {
        return listenPort;
    }

    /** Builds {@link SipSettings}. Not thread-safe. */
    public static final class Builder {
        private int maxMessageSize = DEFAULT_MAX_MESSAGE_SIZE;
        private Path trustStorePath;
        private char[] trustStorePassword;
        private String trustStoreType = "PKCS12";
        private KeyStore trustStore;
        private boolean hostnameVerification = true;
        private InetAddress bindAddress;
        private boolean trace;
        private Clock clock = Clock.systemUTC();
        private ScheduledExecutorService scheduler;
        private Duration requestTimeout = Duration.ofSeconds(32);
        private Duration keepAliveInterval = Duration.ofSeconds(20);
        private int listenPort;

        private Builder() {
        }

        /** The CRLF keep-alive interval (RFC 5626, section 4.4.1); {@link Duration#ZERO} turns keep-alives off. */
        public Builder keepAliveInterval(Duration interval) {
            if (interval.isNegative() || (!interval.isZero() && interval.toMillis() < 1000)) {
                throw new IllegalArgumentException("keep-alive interval must be zero or at least 1 s: " + interval);
            }
            this.keepAliveInterval = interval;
            return this;
        }

        /** The local port to listen on (1-65535), or 0 for a free one (the default). */
        public Builder listenPort(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.listenPort = port;
            return this;
        }

        /** The largest SIP message accepted, at least 4096 bytes. */
        public Builder maxMessageSize(int bytes) {
            if (bytes < 4096) {
                throw new IllegalArgumentException("max message size below 4096: " + bytes);
            }
            this.maxMessageSize = bytes;
            return this;
        }

        /** Trust the certificates in a key store file. */
        public Builder trustStore(Path path, char[] password, String type) {
            this.trustStorePath = Objects.requireNonNull(path);
            this.trustStorePassword = password == null ? null : password.clone();
            this.trustStoreType = Objects.requireNonNull(type);
            this.trustStore = null;
            return this;
        }

        /** Trust the certificates in a loaded key store. */
        public Builder trustStore(KeyStore keyStore) {
            this.trustStore = Objects.requireNonNull(keyStore);
            this.trustStorePath = null;
            this.trustStorePassword = null;
            return this;
        }

        /**
         * Turns the TLS server identity check off: any certificate the trust store accepts is taken,
         * whatever names it carries. For test set-ups only; it allows man-in-the-middle attacks.
         */
        public Builder disableHostnameVerificationInsecure() {
            this.hostnameVerification = false;
            return this;
        }

        public Builder bindAddress(InetAddress address) {
            this.bindAddress = address;
            return this;
        }

        /** Logs every SIP message on {@value SipSettings#TRACE_LOGGER}, credentials redacted. */
        public Builder trace(boolean on) {
            this.trace = on;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        /** A scheduler for every timer; the engine does not shut it down. */
        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        public Builder requestTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("request timeout must be positive: " + timeout);
            }
            this.requestTimeout = timeout;
            return this;
        }

        public SipSettings build() {
            return new SipSettings(this);
        }
    }
}
