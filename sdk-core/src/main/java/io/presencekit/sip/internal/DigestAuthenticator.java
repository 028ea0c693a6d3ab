package io.presencekit.sip.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.ListIterator;
import java.util.Locale;
import java.util.Map;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ProxyAuthenticateHeader;
import javax.sip.header.ProxyAuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * SIP digest authentication (RFC 3261, section 22.4; RFC 7616; RFC 8760 for SHA-256): answers
 * 401 WWW-Authenticate and 407 Proxy-Authenticate challenges with MD5 or SHA-256 and
 * {@code qop=auth} (or the RFC 2069 form when the server offers no qop), and keeps each realm's
 * nonce so later requests authenticate pre-emptively with an incrementing nonce count.
 *
 * <p>Confined to the event loop (not thread-safe). The password is held as a char array and
 * never logged.
 */
public final class DigestAuthenticator {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HeaderFactory headers;
    private final String user;
    private final char[] password;
    private final Map<String, Nonce> nonces = new LinkedHashMap<>();

    /** The outcome of {@link #challenged}. */
    public enum Outcome {
        /** Credentials were prepared; send the request again. */
        RETRY,
        /** The same challenge came back for credentials computed from it: they are wrong. */
        REJECTED,
        /** The challenge uses an algorithm or qop we do not implement. */
        UNSUPPORTED
    }

    private static final class Nonce {
        final boolean proxy;
        final String realm;
        final String nonce;
        final String algorithm;
        final String qop;
        final String opaque;
        int nc;

        Nonce(boolean proxy, String realm, String nonce, String algorithm, String qop, String opaque) {
            this.proxy = proxy;
            this.realm = realm;
            this.nonce = nonce;
            this.algorithm = algorithm;
            this.qop = qop;
            this.opaque = opaque;
        }
    }

    public DigestAuthenticator(HeaderFactory headers, String user, char[] password) {
        this.headers = headers;
        this.user = user;
        this.password = password.clone();
    }

    /**
     * Learns the challenges of a 401 or 407.
     *
     * @param response  the challenge
     * @param answered  whether the request that drew it already answered a fresh challenge
     */
    public Outcome challenged(Response response, boolean answered) {
        boolean proxy = response.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        ListIterator<?> it = response.getHeaders(proxy ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        Outcome outcome = Outcome.UNSUPPORTED;
        Map<String, Nonce> offered = new LinkedHashMap<>();
        while (it.hasNext()) {
            WWWAuthenticateHeader h = (WWWAuthenticateHeader) it.next();
            if (!"Digest".equalsIgnoreCase(h.getScheme())) {
                continue;
            }
            String algorithm = h.getAlgorithm() == null ? "MD5" : h.getAlgorithm().toUpperCase(Locale.ROOT);
            if (!algorithm.equals("MD5") && !algorithm.equals("SHA-256")) {
                continue;
            }
            String qop = h.getQop();
            if (qop != null) {
                boolean auth = false;
                for (String q : qop.split(",")) {
                    auth |= q.trim().equalsIgnoreCase("auth");
                }
                if (!auth) {
                    continue;
                }
                qop = "auth";
            }
            String key = (proxy ? "proxy:" : "www:") + h.getRealm();
            // prefer SHA-256 over MD5 for the same realm (RFC 7616, section 3.7)
            if (!offered.containsKey(key) || algorithm.equals("SHA-256")) {
                offered.put(key, new Nonce(proxy, h.getRealm(), h.getNonce(), algorithm, qop, h.getOpaque()));
            }
            boolean stale = "true".equalsIgnoreCase(h.getParameter("stale"));
            if (answered && !stale) {
                outcome = Outcome.REJECTED;
            } else if (outcome != Outcome.REJECTED) {
                outcome = Outcome.RETRY;
            }
        }
        if (outcome == Outcome.RETRY) {
            nonces.putAll(offered);
        } else if (outcome == Outcome.REJECTED) {
            offered.keySet().forEach(nonces::remove);
        }
        return outcome;
    }

    /** Whether a challenge from {@code response} is stale (RFC 7616, section 3.3). */
    public static boolean stale(Response response) {
        ListIterator<?> it = response.getHeaders(response.getStatusCode() == 407
                ? ProxyAuthenticateHeader.NAME : WWWAuthenticateHeader.NAME);
        while (it.hasNext()) {
            if ("true".equalsIgnoreCase(((WWWAuthenticateHeader) it.next()).getParameter("stale"))) {
                return true;
            }
        }
        return false;
    }

    /** Replaces the request's credentials with fresh ones for every realm we know a nonce of. */
    public void authorize(Request request) {
        request.removeHeader(AuthorizationHeader.NAME);
        request.removeHeader(ProxyAuthorizationHeader.NAME);
        if (Request.ACK.equals(request.getMethod()) || Request.CANCEL.equals(request.getMethod())) {
            return;
        }
        String uri = request.getRequestURI().toString();
        for (Nonce n : nonces.values()) {
            try {
                AuthorizationHeader h = n.proxy ? headers.createProxyAuthorizationHeader("Digest")
                        : headers.createAuthorizationHeader("Digest");
                n.nc++;
                String nc = String.format("%08x", n.nc);
                String cnonce = HexFormat.of().formatHex(RANDOM.generateSeed(8));
                h.setUsername(user);
                h.setRealm(n.realm);
                h.setNonce(n.nonce);
                h.setURI(request.getRequestURI());
                h.setAlgorithm(n.algorithm);
                h.setResponse(response(n.algorithm, user, n.realm, password, request.getMethod(), uri, n.nonce,
                        nc, cnonce, n.qop));
                if (n.qop != null) {
                    h.setQop(n.qop);
                    h.setNonceCount(n.nc);
                    h.setCNonce(cnonce);
                }
                if (n.opaque != null) {
                    h.setOpaque(n.opaque);
                }
                request.addHeader(h);
            } catch (ParseException e) {
                throw new IllegalStateException("cannot build credentials: " + e.getMessage(), e);
            }
        }
    }

    /** Forgets every nonce (after the account changed). */
    public void clear() {
        nonces.clear();
    }

    /**
     * The digest {@code response} value (RFC 7616, section 3.4.1): KD(H(A1), nonce:nc:cnonce:qop:H(A2)),
     * or KD(H(A1), nonce:H(A2)) without qop.
     */
    public static String response(String algorithm, String user, String realm, char[] password, String method,
            String uri, String nonce, String nc, String cnonce, String qop) {
        String ha1 = hash(algorithm, user + ":" + realm + ":" + new String(password));
        String ha2 = hash(algorithm, method + ":" + uri);
        return qop == null ? hash(algorithm, ha1 + ":" + nonce + ":" + ha2)
                : hash(algorithm, ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2);
    }

    static String hash(String algorithm, String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm.equals("SHA-256") ? "SHA-256" : "MD5")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
