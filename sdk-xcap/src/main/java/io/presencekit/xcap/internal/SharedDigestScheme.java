package io.presencekit.xcap.internal;

import org.apache.hc.client5.http.auth.AuthChallenge;
import org.apache.hc.client5.http.auth.AuthenticationException;
import org.apache.hc.client5.http.auth.CredentialsProvider;
import org.apache.hc.client5.http.auth.MalformedChallengeException;
import org.apache.hc.client5.http.impl.auth.DigestScheme;
import org.apache.hc.core5.http.HttpHost;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * HttpClient's RFC 7616 {@link DigestScheme}, made safe to share between concurrent requests.
 *
 * <p>HttpClient keeps an answered Digest challenge only in the per-request auth exchange, and
 * resets it when the next request's path is not below the first one's, so a PUT to
 * {@code pidf-manipulation/...} after a GET of {@code pres-rules/...} costs a fresh 401 round trip
 * (the auth cache does not help: Digest is not cacheable there). {@link HttpTransport} instead
 * hands the last successful scheme to every request to the same server, which answers the
 * server's nonce with an increasing nonce count (RFC 7616, section 3.4). The scheme's state (nonce
 * count, buffers) is not thread-safe, hence the locking here.
 *
 * <p>Thread-safe.
 */
final class SharedDigestScheme extends DigestScheme {
    private static final long serialVersionUID = 1L;

    @Override
    public synchronized void processChallenge(AuthChallenge authChallenge, HttpContext context)
            throws MalformedChallengeException {
        super.processChallenge(authChallenge, context);
    }

    @Override
    public synchronized boolean isChallengeComplete() {
        return super.isChallengeComplete();
    }

    @Override
    public synchronized boolean isResponseReady(HttpHost host, CredentialsProvider credentialsProvider,
            HttpContext context) throws AuthenticationException {
        return super.isResponseReady(host, credentialsProvider, context);
    }

    @Override
    public synchronized String generateAuthResponse(HttpHost host, HttpRequest request, HttpContext context)
            throws AuthenticationException {
        return super.generateAuthResponse(host, request, context);
    }

    @Override
    public synchronized String getRealm() {
        return super.getRealm();
    }

    @Override
    public String toString() {
        // DigestScheme's own toString lists the challenge parameters; no credentials, but keep it short
        return "Digest[realm=" + getRealm() + "]";
    }
}
