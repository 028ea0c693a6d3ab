package io.presencekit.sip.internal;

import gov.nist.javax.sip.ClientTransactionExt;
import gov.nist.javax.sip.TlsSecurityPolicy;
import java.net.InetAddress;
import java.security.cert.Certificate;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import javax.sip.ClientTransaction;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import javax.sip.address.SipURI;
import javax.sip.header.RouteHeader;
import javax.sip.message.Request;

/**
 * Checks the TLS server's identity against the next hop, as RFC 5922, section 7 asks: the host of
 * the next hop the stack's router chose (our outbound proxy or the AoR domain) must match a DNS SAN (exactly,
 * case-insensitively; a leading {@code *.} wildcard is not accepted, section 7.2) or, for an IP
 * literal, an IP SAN; the subject CN is used only when the certificate has no SAN at all. A
 * mismatch throws {@link SecurityException}, which fails the request with a
 * {@link io.presencekit.sip.SipTransportException}. Named in
 * {@code gov.nist.javax.sip.TLS_SECURITY_POLICY} unless verification is turned off. Stateless.
 */
public final class ServerIdentityPolicy implements TlsSecurityPolicy {

    public ServerIdentityPolicy() {
    }

    private static final Map<String, BiConsumer<ClientTransaction, String>> FAILURES = new ConcurrentHashMap<>();

    /**
     * Where failures of the stack {@code stackName} go: JAIN-SIP only logs the exception the policy
     * throws and the request would wait for its timeout, so the sender fails it at once instead.
     */
    public static void onFailure(String stackName, BiConsumer<ClientTransaction, String> sink) {
        FAILURES.put(stackName, sink);
    }

    /** Forgets the sink of a closed stack. */
    public static void forget(String stackName) {
        FAILURES.remove(stackName);
    }

    @Override
    public void enforceTlsPolicy(ClientTransactionExt transaction) throws SecurityException {
        try {
            check(transaction);
        } catch (RuntimeException e) {
            BiConsumer<ClientTransaction, String> sink = transaction == null ? null
                    : FAILURES.get(transaction.getSipProvider().getSipStack().getStackName());
            if (sink != null) {
                sink.accept(transaction, e.getMessage());
            }
            throw e instanceof SecurityException se ? se : new SecurityException(e.getMessage(), e);
        }
    }

    private static void check(ClientTransactionExt transaction) {
        if (transaction == null) {
            throw new SecurityException("TLS server identity check: no transaction to check the peer against");
        }
        String host = transaction.getNextHop() != null ? transaction.getNextHop().getHost()
                : nextHopHost(transaction.getRequest());
        if (host.startsWith("[")) {
            host = host.substring(1, host.length() - 1);
        }
        Certificate[] chain;
        try {
            chain = transaction.getPeerCertificates();
        } catch (Exception e) {
            throw new SecurityException("TLS server identity check: no peer certificate (" + e + ")", e);
        }
        if (chain == null || chain.length == 0 || !(chain[0] instanceof X509Certificate cert)) {
            throw new SecurityException("TLS server identity check: no peer certificate");
        }
        if (!matches(cert, host)) {
            throw new SecurityException("TLS server identity check failed: the certificate of the next hop "
                    + host + " names only " + identities(cert) + " (RFC 5922, section 7)");
        }
    }

    static String nextHopHost(Request request) {
        RouteHeader route = (RouteHeader) request.getHeader(RouteHeader.NAME);
        javax.sip.address.URI uri = route != null ? route.getAddress().getURI() : request.getRequestURI();
        String host = ((SipURI) uri).getHost();
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /** Whether {@code cert} identifies {@code host} by the rules above. */
    public static boolean matches(X509Certificate cert, String host) {
        boolean ip = isIpLiteral(host);
        Collection<List<?>> sans;
        try {
            sans = cert.getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            return false;
        }
        if (sans != null && !sans.isEmpty()) {
            for (List<?> san : sans) {
                int type = (Integer) san.get(0);
                String value = String.valueOf(san.get(1));
                if (!ip && type == 2 && value.equalsIgnoreCase(host)) {
                    return true;
                }
                if (ip && type == 7 && sameAddress(value, host)) {
                    return true;
                }
            }
            return false;
        }
        String cn = commonName(cert);
        return cn != null && cn.equalsIgnoreCase(host);
    }

    private static List<String> identities(X509Certificate cert) {
        List<String> out = new ArrayList<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    out.add(String.valueOf(san.get(1)));
                }
            }
        } catch (CertificateParsingException ignored) {
            // reported as "no names" below
        }
        if (out.isEmpty() && commonName(cert) != null) {
            out.add("CN=" + commonName(cert));
        }
        return out;
    }

    private static String commonName(X509Certificate cert) {
        try {
            for (Rdn rdn : new LdapName(cert.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("CN")) {
                    return String.valueOf(rdn.getValue());
                }
            }
        } catch (Exception e) {
            return null;
        }
        return null;
    }

    private static boolean isIpLiteral(String host) {
        return host.contains(":") || host.matches("[0-9.]+");
    }

    private static boolean sameAddress(String a, String b) {
        try {
            return InetAddress.getByName(a).equals(InetAddress.getByName(b.toLowerCase(Locale.ROOT)));
        } catch (Exception e) {
            return false;
        }
    }
}
