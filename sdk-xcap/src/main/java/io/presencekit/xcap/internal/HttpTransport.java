package io.presencekit.xcap.internal;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xcap.Precondition;
import io.presencekit.xcap.XcapAuthenticationException;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapConflictException;
import io.presencekit.xcap.XcapException;
import io.presencekit.xcap.XcapMediaTypes;
import io.presencekit.xcap.XcapPreconditionFailedException;
import io.presencekit.xcap.XcapResponse;
import io.presencekit.xcap.XcapTransportException;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.error.XcapError;
import io.presencekit.xcap.error.XcapErrorCodec;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.auth.AuthExchange;
import org.apache.hc.client5.http.auth.AuthSchemeFactory;
import org.apache.hc.client5.http.auth.AuthScope;
import org.apache.hc.client5.http.auth.StandardAuthScheme;
import org.apache.hc.client5.http.auth.UsernamePasswordCredentials;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.config.TlsConfig;
import org.apache.hc.client5.http.impl.auth.BasicCredentialsProvider;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.HostnameVerificationPolicy;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.config.RegistryBuilder;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.TimeValue;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link io.presencekit.xcap.XcapClient}: Apache HttpClient 5 (classic, blocking;
 * the client runs it on its executor), Digest authentication only, TLS as configured, and the
 * mapping of answers to {@link XcapResponse} or {@link XcapException}.
 *
 * <p>Choices worth knowing:
 * <ul>
 * <li>Digest only (RFC 7616): the scheme registry holds nothing else, so a server asking for
 * Basic never gets the password. The last successful Digest state is reused for every request to
 * the server (see {@link SharedDigestScheme}).</li>
 * <li>Request bodies are byte arrays, so a PUT answered with 401 is sent again with its body.</li>
 * <li>No automatic retries and no redirects: an XCAP PUT is not always safe to repeat blindly
 * (a create-only PUT repeated answers 412), and a redirect must not carry credentials elsewhere.</li>
 * <li>Every pooled connection is checked before reuse: Kamailio closes the connection after each
 * answer.</li>
 * </ul>
 *
 * <p>Nothing here logs credentials, {@code Authorization} headers or bodies. (HttpClient's own
 * {@code org.apache.hc.client5.http.headers} and {@code .wire} loggers do print headers at DEBUG;
 * leave them off in production.)
 *
 * <p>Thread-safe.
 */
public final class HttpTransport implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger("io.presencekit.xcap.XcapClient");
    private static final Pattern REALM = Pattern.compile("realm\\s*=\\s*\"([^\"]*)\"", Pattern.CASE_INSENSITIVE);

    /**
     * Settings of a transport. {@code sslContext} null means the JDK's default trust anchors.
     */
    public record Config(URI root, String username, char[] password, String realm, SSLContext sslContext,
            boolean verifyHostname, Duration connectTimeout, Duration responseTimeout, String userAgent,
            XcapCompatibility compatibility, int maxResponseBytes, int maxConnections) {
        public Config {
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(responseTimeout, "responseTimeout");
            Objects.requireNonNull(compatibility, "compatibility");
        }

        @Override
        public String toString() {
            return "Config[root=" + root + ", username=" + username + ", password=" + (password == null ? "none" : "***")
                    + ", realm=" + realm + ", verifyHostname=" + verifyHostname + "]";
        }
    }

    private final CloseableHttpClient client;
    private final HttpHost origin;
    private final String username;
    private final XcapCompatibility compatibility;
    private final int maxResponseBytes;
    private final AtomicReference<SharedDigestScheme> digest = new AtomicReference<>();

    public HttpTransport(Config c) {
        this.username = c.username();
        this.compatibility = c.compatibility();
        this.maxResponseBytes = c.maxResponseBytes();
        this.origin = new HttpHost(c.root().getScheme(), c.root().getHost(), effectivePort(c.root()));

        ClientTlsStrategyBuilder tls = ClientTlsStrategyBuilder.create();
        if (c.sslContext() != null) {
            tls.setSslContext(c.sslContext());
        }
        if (c.verifyHostname()) {
            tls.setHostVerificationPolicy(HostnameVerificationPolicy.BUILTIN);
        } else {
            tls.setHostVerificationPolicy(HostnameVerificationPolicy.CLIENT)
                    .setHostnameVerifier(NoopHostnameVerifier.INSTANCE);
        }
        Timeout connect = Timeout.of(c.connectTimeout());
        Timeout response = Timeout.of(c.responseTimeout());
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(tls.buildClassic())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(connect)
                        .setSocketTimeout(response).setValidateAfterInactivity(TimeValue.ZERO_MILLISECONDS).build())
                .setDefaultTlsConfig(TlsConfig.custom().setHandshakeTimeout(connect).build())
                .setMaxConnTotal(c.maxConnections()).setMaxConnPerRoute(c.maxConnections()).build();

        RequestConfig requests = RequestConfig.custom()
                .setTargetPreferredAuthSchemes(List.of(StandardAuthScheme.DIGEST))
                .setProxyPreferredAuthSchemes(List.of(StandardAuthScheme.DIGEST))
                .setResponseTimeout(response).setConnectionRequestTimeout(response)
                .setRedirectsEnabled(false).setExpectContinueEnabled(false).build();

        HttpClientBuilder b = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(requests)
                .setDefaultAuthSchemeRegistry(RegistryBuilder.<AuthSchemeFactory>create()
                        .register(StandardAuthScheme.DIGEST, context -> new SharedDigestScheme()).build())
                .disableAuthCaching().disableAutomaticRetries().disableRedirectHandling().disableContentCompression()
                .disableCookieManagement();
        if (c.compatibility() != null && !c.compatibility().persistentConnections()) {
            // the server closes after each response without a Connection header: never reuse a connection,
            // not even for the digest retry of the same request
            b.setConnectionReuseStrategy((request, reply, context) -> false);
            b.addRequestInterceptorFirst((request, entity, context) -> request.setHeader("Connection", "close"));
        }
        if (c.userAgent() != null) {
            b.setUserAgent(c.userAgent());
        }
        BasicCredentialsProvider credentials = new BasicCredentialsProvider();
        if (c.username() != null) {
            credentials.setCredentials(new AuthScope(origin, c.realm(), StandardAuthScheme.DIGEST),
                    new UsernamePasswordCredentials(c.username(), c.password().clone()));
        }
        b.setDefaultCredentialsProvider(credentials);
        this.client = b.build();
    }

    private static int effectivePort(URI u) {
        if (u.getPort() >= 0) {
            return u.getPort();
        }
        return "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
    }

    /** A request ready to run; {@link #cancel()} aborts it from another thread. */
    public final class Call {
        private final String method;
        private final XcapUri uri;
        private final HttpUriRequestBase request;
        private final HttpHost target;

        private Call(String method, XcapUri uri, String contentType, byte[] body, Precondition condition) {
            this.method = method;
            this.uri = uri;
            URI u = uri.toUri();
            this.request = new HttpUriRequestBase(method, u);
            this.target = new HttpHost(u.getScheme(), u.getHost(), effectivePort(u));
            condition.header().ifPresent(h -> request.setHeader(h.headerName(),
                    condition.headerValue(compatibility).orElseThrow()));
            if (body != null) {
                request.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
            }
        }

        /** Aborts the request if it is under way. */
        public void cancel() {
            request.cancel();
        }

        /**
         * Runs the request on the calling thread.
         *
         * @return the answer, when it is 2xx or 304
         * @throws XcapException for any other answer, or none
         */
        public XcapResponse execute() {
            HttpClientContext context = HttpClientContext.create();
            SharedDigestScheme seeded = target.equals(origin) ? digest.get() : null;
            if (seeded != null) {
                AuthExchange exchange = context.getAuthExchange(target);
                exchange.select(seeded);
                exchange.setState(AuthExchange.State.SUCCESS);
            }
            XcapResponse response;
            try {
                response = client.execute(request, context, this::read);
            } catch (IOException e) {
                LOG.debug("{} {} failed: {}", method, uri, e.toString());
                throw new XcapTransportException(describe(e), method, uri, e);
            }
            keepDigest(context, seeded);
            int status = response.status();
            LOG.debug("{} {} -> {} {}{}", method, uri, status, response.reason(),
                    response.etag().map(t -> " ETag " + t).orElse(""));
            if ((status >= 200 && status < 300) || status == 304) {
                return response;
            }
            throw failure(response);
        }

        private XcapResponse read(ClassicHttpResponse r) throws IOException {
            XcapResponse.Builder b = XcapResponse.builder(method, uri, r.getCode()).reason(r.getReasonPhrase());
            for (Header h : r.getHeaders()) {
                b.header(h.getName(), h.getValue());
            }
            HttpEntity entity = r.getEntity();
            if (entity != null) {
                try (InputStream in = entity.getContent()) {
                    byte[] body = in.readNBytes(maxResponseBytes + 1);
                    if (body.length > maxResponseBytes) {
                        throw new TooLargeException("the answer's body exceeds the limit of " + maxResponseBytes
                                + " bytes");
                    }
                    b.body(body);
                }
            }
            return b.build();
        }

        private void keepDigest(HttpClientContext context, SharedDigestScheme seeded) {
            AuthExchange exchange = context.getAuthExchanges().get(target);
            if (exchange == null || !target.equals(origin)) {
                return;
            }
            if (exchange.getState() == AuthExchange.State.SUCCESS
                    && exchange.getAuthScheme() instanceof SharedDigestScheme s) {
                digest.set(s);
            } else if (exchange.getState() == AuthExchange.State.FAILURE && seeded != null) {
                digest.compareAndSet(seeded, null);
            }
        }

        private String describe(IOException e) {
            String what = e instanceof TooLargeException ? "unusable answer"
                    : e instanceof SSLException ? "TLS with " + target.toHostString() + " failed"
                    : e instanceof java.net.SocketTimeoutException ? "no answer from " + target.toHostString() + " in time"
                    : e instanceof java.io.InterruptedIOException ? "request aborted"
                    : "connection to " + target.toHostString() + " failed";
            return method + " " + uri + ": " + what + ": " + e.getMessage();
        }
    }

    private static final class TooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        TooLargeException(String message) {
            super(message);
        }
    }

    /** A call for {@code method} on {@code uri}; {@code body} (may be null) is not copied. */
    public Call newCall(String method, XcapUri uri, String contentType, byte[] body, Precondition condition) {
        return new Call(method, uri, contentType, body, condition);
    }

    private XcapException failure(XcapResponse r) {
        XcapError error = parseError(r);
        StringBuilder msg = new StringBuilder().append(r.method()).append(' ').append(r.uri()).append(" failed: ")
                .append(r.status());
        if (!r.reason().isEmpty()) {
            msg.append(' ').append(r.reason());
        }
        if (error != null) {
            msg.append(": ").append(error.describe());
        }
        switch (r.status()) {
            case 401, 407 -> {
                msg.append(": ").append(authenticationProblem(r));
                return new XcapAuthenticationException(msg.toString(), r, error);
            }
            case 409 -> {
                return new XcapConflictException(msg.toString(), r, error);
            }
            case 412 -> {
                return new XcapPreconditionFailedException(msg.toString(), r, error);
            }
            default -> {
                return new XcapException(msg.toString(), r, error);
            }
        }
    }

    private String authenticationProblem(XcapResponse r) {
        List<String> challenges = r.headers(r.status() == 407 ? "Proxy-Authenticate" : "WWW-Authenticate");
        List<String> schemes = new ArrayList<>();
        String realm = null;
        for (String c : challenges) {
            String scheme = c.strip().split("[\\s,]", 2)[0];
            schemes.add(scheme);
            if (scheme.equalsIgnoreCase(StandardAuthScheme.DIGEST) && realm == null) {
                Matcher m = REALM.matcher(c);
                realm = m.find() ? m.group(1) : null;
            }
        }
        if (schemes.stream().noneMatch(s -> s.equalsIgnoreCase(StandardAuthScheme.DIGEST))) {
            return schemes.isEmpty() ? "no authentication challenge offered"
                    : "the server asks for " + String.join(", ", schemes)
                            + " authentication; only Digest is used, never Basic";
        }
        if (username == null) {
            return "the server requires authentication and no credentials are configured";
        }
        return "the server refused the credentials of user '" + username + "'"
                + (realm != null ? " (Digest realm \"" + realm + "\")" : "");
    }

    private static XcapError parseError(XcapResponse r) {
        if (r.bodyLength() == 0) {
            return null;
        }
        String type = r.contentType().orElse(null);
        boolean declared = XcapMediaTypes.is(type, XcapMediaTypes.ERROR);
        // some servers label the report application/xml; a 409 body is worth a try
        boolean likely = r.status() == 409 && (type == null || type.toLowerCase(Locale.ROOT).contains("xml"));
        if (!declared && !likely) {
            return null;
        }
        try {
            return XcapErrorCodec.standard().read(r.body());
        } catch (DocumentParseException e) {
            if (declared) {
                LOG.debug("unreadable xcap-error body in answer to {} {}: {}", r.method(), r.uri(), e.getMessage());
            }
            return null;
        }
    }

    /** Closes the connections: gracefully, or at once for {@code immediate}. */
    public void close(boolean immediate) {
        client.close(immediate ? CloseMode.IMMEDIATE : CloseMode.GRACEFUL);
    }

    @Override
    public void close() {
        close(false);
    }
}
