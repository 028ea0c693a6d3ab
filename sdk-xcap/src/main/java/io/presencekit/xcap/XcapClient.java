package io.presencekit.xcap;

import io.presencekit.xcap.internal.AttValues;
import io.presencekit.xcap.internal.HttpTransport;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An XCAP client (RFC 4825): reads, writes and deletes documents, elements and attributes on one
 * XCAP server, each operation returning a {@link CompletableFuture}.
 *
 * <pre>{@code
 * try (XcapClient xcap = XcapClient.builder("https://xcap.example.com/xcap-root")
 *         .credentials("alice", "secret".toCharArray())
 *         .compatibility(XcapCompatibility.KAMAILIO)
 *         .build()) {
 *     XcapUri lists = xcap.uri().auid("resource-lists").user("sip:alice@example.com").document("index").build();
 *     XcapResponse doc = xcap.get(lists).join();
 *     String etag = doc.etag().orElseThrow();
 *     xcap.put(lists, "application/resource-lists+xml", changed, Precondition.ifMatch(etag)).join();
 * }
 * }</pre>
 *
 * <p><b>Answers.</b> A future completes with an {@link XcapResponse} for a 2xx, and for 304 Not
 * Modified (a conditional GET whose copy is current). Any other answer completes it exceptionally
 * with an {@link XcapException}: {@link XcapConflictException} (409, with the parsed
 * {@code <xcap-error>} report), {@link XcapPreconditionFailedException} (412),
 * {@link XcapAuthenticationException} (401, 407); no answer at all is an
 * {@link XcapTransportException}. ({@link CompletableFuture#join()} wraps it in a
 * {@link java.util.concurrent.CompletionException}, {@code get()} in an
 * {@link java.util.concurrent.ExecutionException}.) Cancelling a future aborts its request.
 *
 * <p><b>Authentication.</b> HTTP Digest (RFC 7616) with the configured credentials, for the
 * XCAP root's host only, never Basic. Once a challenge is answered, later requests to any path of
 * the server authenticate at once with the same nonce instead of collecting a 401 each.
 *
 * <p><b>TLS.</b> Certificates are verified against the JDK's trust anchors, or the
 * {@link Builder#trustStore(KeyStore) trust store} given, and the host name against the
 * certificate (RFC 2818). Host name verification is turned off only by an explicit
 * {@link Builder#hostnameVerification(boolean) hostnameVerification(false)}.
 *
 * <p><b>Threading.</b> Thread-safe; share one client per server. Requests run on the
 * {@link Builder#executor(Executor) executor} given, or on the client's own small pool of daemon
 * threads. {@link #close()} is graceful: it refuses new requests, lets running ones finish for up
 * to {@link Builder#closeTimeout(Duration) the close timeout}, then aborts the rest.
 */
public final class XcapClient implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(XcapClient.class);

    private final URI root;
    private final XcapCompatibility compatibility;
    private final HttpTransport transport;
    private final Executor executor;
    private final ExecutorService ownedExecutor;
    private final Duration closeTimeout;
    private final Set<CompletableFuture<XcapResponse>> inFlight = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    private XcapClient(Builder b) {
        this.root = b.root;
        this.compatibility = b.compatibility;
        this.closeTimeout = b.closeTimeout;
        if (b.executor != null) {
            this.executor = b.executor;
            this.ownedExecutor = null;
        } else {
            this.ownedExecutor = Executors.newFixedThreadPool(b.threads, new DaemonThreads());
            this.executor = ownedExecutor;
        }
        if (!b.verifyHostname) {
            LOG.warn("XCAP client for {}: TLS host name verification is OFF; any certificate the trust store "
                    + "accepts will do, whatever host it names", root);
        }
        this.transport = new HttpTransport(new HttpTransport.Config(root, b.username, b.password, b.realm,
                b.sslContext, b.verifyHostname, b.connectTimeout, b.responseTimeout, b.userAgent, compatibility,
                b.maxResponseBytes, Math.max(2, b.threads)));
    }

    /** A builder for a client of the server whose XCAP root is {@code root} (see {@link XcapUri#builder(URI)}). */
    public static Builder builder(URI root) {
        return new Builder(XcapUri.normalizeRoot(root));
    }

    /** As {@link #builder(URI)} for a root given as a string. */
    public static Builder builder(String root) {
        return builder(URI.create(root));
    }

    /** The XCAP root, without a trailing {@code /}. */
    public URI root() {
        return root;
    }

    /** The compatibility settings in use. */
    public XcapCompatibility compatibility() {
        return compatibility;
    }

    /** A builder for URIs under this client's XCAP root. */
    public XcapUri.Builder uri() {
        return XcapUri.builder(root);
    }

    /** GET of a document, element, attribute or namespace bindings (RFC 4825, sections 7.3, 7.6, 7.9, 7.10). */
    public CompletableFuture<XcapResponse> get(XcapUri uri) {
        return get(uri, Precondition.none());
    }

    /**
     * Conditional GET: with {@link Precondition#ifNoneMatch(String)}, a current copy answers 304,
     * returned as a normal response ({@link XcapResponse#isNotModified()}).
     */
    public CompletableFuture<XcapResponse> get(XcapUri uri, Precondition condition) {
        return submit("GET", uri, null, null, condition);
    }

    /** PUT of a document or node with the given MIME type (RFC 4825, sections 7.1, 7.4, 7.7). */
    public CompletableFuture<XcapResponse> put(XcapUri uri, String contentType, byte[] body) {
        return put(uri, contentType, body, Precondition.none());
    }

    /**
     * Conditional PUT: {@link Precondition#ifMatch(String)} to change only the version read,
     * {@link Precondition#createOnly()} to create without overwriting. {@code body} is copied.
     */
    public CompletableFuture<XcapResponse> put(XcapUri uri, String contentType, byte[] body, Precondition condition) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
        return submit("PUT", uri, contentType, body.clone(), condition);
    }

    /**
     * PUT of one element ({@code application/xcap-el+xml}, RFC 4825, section 7.4): creates it or
     * replaces it. {@code element} is the element's XML, without an XML declaration.
     *
     * @throws IllegalArgumentException when {@code uri} does not select an element
     */
    public CompletableFuture<XcapResponse> putElement(XcapUri uri, byte[] element, Precondition condition) {
        requireTarget(uri, NodeSelector.Target.ELEMENT);
        return put(uri, XcapMediaTypes.ELEMENT, element, condition);
    }

    /**
     * PUT of one attribute ({@code application/xcap-att+xml}, RFC 4825, section 7.7): creates it
     * or replaces its value. {@code value} is the plain value; it is sent quoted and escaped as the
     * RFC requires.
     *
     * @throws IllegalArgumentException when {@code uri} does not select an attribute
     */
    public CompletableFuture<XcapResponse> putAttribute(XcapUri uri, String value, Precondition condition) {
        requireTarget(uri, NodeSelector.Target.ATTRIBUTE);
        Objects.requireNonNull(value, "value");
        return submit("PUT", uri, XcapMediaTypes.ATTRIBUTE, AttValues.quote(value).getBytes(StandardCharsets.UTF_8),
                condition);
    }

    /** DELETE of a document, element or attribute (RFC 4825, sections 7.2, 7.5, 7.8). */
    public CompletableFuture<XcapResponse> delete(XcapUri uri) {
        return delete(uri, Precondition.none());
    }

    /** Conditional DELETE. */
    public CompletableFuture<XcapResponse> delete(XcapUri uri, Precondition condition) {
        return submit("DELETE", uri, null, null, condition);
    }

    private static void requireTarget(XcapUri uri, NodeSelector.Target target) {
        Objects.requireNonNull(uri, "uri");
        if (uri.nodeSelector().map(NodeSelector::target).orElse(null) != target) {
            throw new IllegalArgumentException("not an " + target.name().toLowerCase(java.util.Locale.ROOT)
                    + " selector: " + uri);
        }
    }

    private CompletableFuture<XcapResponse> submit(String method, XcapUri uri, String contentType, byte[] body,
            Precondition condition) {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(condition, "condition");
        CompletableFuture<XcapResponse> future = new CompletableFuture<>();
        if (closed) {
            future.completeExceptionally(new IllegalStateException("the XCAP client is closed"));
            return future;
        }
        HttpTransport.Call call = transport.newCall(method, uri, contentType, body, condition);
        inFlight.add(future);
        future.whenComplete((r, e) -> {
            inFlight.remove(future);
            if (future.isCancelled()) {
                call.cancel();
            }
        });
        try {
            executor.execute(() -> {
                if (future.isDone()) {
                    return;
                }
                try {
                    future.complete(call.execute());
                } catch (Throwable t) {
                    future.completeExceptionally(t);
                }
            });
        } catch (RejectedExecutionException e) {
            future.completeExceptionally(new XcapTransportException(method + " " + uri
                    + ": the executor refused the request", method, uri, e));
        }
        return future;
    }

    /**
     * Closes the client: refuses new requests, waits up to the close timeout for those under way,
     * aborts what is left and releases the connections (and the client's own threads).
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<?>[] pending = inFlight.toArray(new CompletableFuture<?>[0]);
        if (pending.length > 0) {
            try {
                CompletableFuture.allOf(pending).get(closeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                LOG.debug("XCAP client for {}: {} request(s) still running after {}; aborting", root,
                        inFlight.size(), closeTimeout);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException e) {
                // a failed request: nothing to wait for
            }
        }
        for (CompletableFuture<XcapResponse> f : inFlight) {
            f.cancel(true);
        }
        transport.close(true);
        if (ownedExecutor != null) {
            ownedExecutor.shutdownNow();
        }
    }

    private static final class DaemonThreads implements ThreadFactory {
        private static final AtomicInteger CLIENTS = new AtomicInteger();
        private final int client = CLIENTS.incrementAndGet();
        private final AtomicInteger threads = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(r, "presencekit-xcap-" + client + "-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        }
    }

    /** Builds an {@link XcapClient}. Not thread-safe. */
    public static final class Builder {
        private final URI root;
        private String username;
        private char[] password;
        private String realm;
        private SSLContext sslContext;
        private boolean verifyHostname = true;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration responseTimeout = Duration.ofSeconds(30);
        private Duration closeTimeout = Duration.ofSeconds(5);
        private String userAgent = "PresenceKit-XCAP";
        private XcapCompatibility compatibility = XcapCompatibility.STANDARD;
        private Executor executor;
        private int threads = 4;
        private int maxResponseBytes = 8 * 1024 * 1024;

        private Builder(URI root) {
            this.root = root;
        }

        /**
         * The Digest credentials, for any realm the server names. The password is copied; clear
         * your array afterwards if you like.
         */
        public Builder credentials(String username, char[] password) {
            return credentials(username, password, null);
        }

        /** The Digest credentials, offered only to the realm {@code realm} (null for any). */
        public Builder credentials(String username, char[] password, String realm) {
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(password, "password");
            if (username.isEmpty()) {
                throw new IllegalArgumentException("empty username");
            }
            if (this.password != null) {
                Arrays.fill(this.password, '\0');
            }
            this.username = username;
            this.password = password.clone();
            this.realm = realm;
            return this;
        }

        /**
         * Trust exactly the certificates in {@code trustStore} (for example a private CA, or a
         * test server's self-signed certificate) instead of the JDK's trust anchors.
         */
        public Builder trustStore(KeyStore trustStore) {
            Objects.requireNonNull(trustStore, "trustStore");
            try {
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(trustStore);
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, tmf.getTrustManagers(), null);
                this.sslContext = context;
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("unusable trust store: " + e.getMessage(), e);
            }
            return this;
        }

        /** The TLS context to use (trust managers, client certificates); replaces {@link #trustStore}. */
        public Builder sslContext(SSLContext sslContext) {
            this.sslContext = Objects.requireNonNull(sslContext, "sslContext");
            return this;
        }

        /**
         * Whether the server's certificate must name the host of the XCAP root (RFC 2818, section
         * 3.1). On by default. Turning it off accepts any certificate the trust store accepts,
         * for any host: only for test servers. It is logged as a warning.
         */
        public Builder hostnameVerification(boolean enabled) {
            this.verifyHostname = enabled;
            return this;
        }

        /** How long to wait for a connection (and the TLS handshake); default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /** How long to wait for the answer (between bytes, and for a pooled connection); default 30 s. */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /** How long {@link XcapClient#close()} lets running requests finish; default 5 s. */
        public Builder closeTimeout(Duration timeout) {
            Objects.requireNonNull(timeout, "closeTimeout");
            if (timeout.isNegative()) {
                throw new IllegalArgumentException("negative closeTimeout");
            }
            this.closeTimeout = timeout;
            return this;
        }

        /** The {@code User-Agent} header; default {@code PresenceKit-XCAP}; null for none. */
        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /** How to write what servers disagree on; default {@link XcapCompatibility#STANDARD}. */
        public Builder compatibility(XcapCompatibility compatibility) {
            this.compatibility = Objects.requireNonNull(compatibility, "compatibility");
            return this;
        }

        /**
         * Where requests run (each holds a thread while it waits for the server). Not shut down by
         * {@link XcapClient#close()}. Without one, the client uses its own daemon threads.
         */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** How many requests run at once on the client's own threads (and connections kept); default 4. */
        public Builder maxConcurrentRequests(int n) {
            if (n < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be at least 1");
            }
            this.threads = n;
            return this;
        }

        /** The largest answer body accepted; default 8 MiB. */
        public Builder maxResponseBytes(int bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("maxResponseBytes must be positive");
            }
            this.maxResponseBytes = bytes;
            return this;
        }

        private static Duration positive(Duration d, String what) {
            Objects.requireNonNull(d, what);
            if (d.isZero() || d.isNegative()) {
                throw new IllegalArgumentException(what + " must be positive");
            }
            return d;
        }

        /** The client. */
        public XcapClient build() {
            XcapClient client = new XcapClient(this);
            return client;
        }
    }
}
