package io.presencekit.sip.internal;

import gov.nist.core.CommonLogger;
import gov.nist.core.net.SslNetworkLayer;
import gov.nist.javax.sip.SipStackImpl;
import gov.nist.javax.sip.Utils;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.Transport;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.Address;
import javax.sip.address.AddressFactory;
import javax.sip.address.SipURI;
import javax.sip.header.HeaderFactory;
import javax.sip.header.ViaHeader;
import javax.sip.message.MessageFactory;

/**
 * One JAIN-SIP stack with its listening points and factories. Builds the stack properties
 * (SLF4J loggers, OIO processor, message size limit, TLS 1.3/1.2 with modern suites, the RFC 5922
 * identity policy, trust store), binds TCP/TLS (and UDP when asked) on free ports, and makes
 * Via and Contact headers that let the server reuse our connection (RFC 5923 {@code ;alias}).
 *
 * <p>Thread-safe after construction; {@link #close()} stops the stack (its threads are not
 * daemons, so it must always be called).
 */
public final class SipStackRuntime implements AutoCloseable {
    /** Modern TLS 1.3 and 1.2 suites; the stack's own defaults are obsolete. */
    public static final String CIPHER_SUITES = "TLS_AES_128_GCM_SHA256 TLS_AES_256_GCM_SHA384 "
            + "TLS_CHACHA20_POLY1305_SHA256 TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256 "
            + "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256 TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384 "
            + "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384";
    private static final AtomicInteger STACKS = new AtomicInteger();
    private static final SipFactory FACTORY;

    static {
        CommonLogger.legacyLogger = new Slf4jStackLogger();
        FACTORY = SipFactory.getInstance();
        FACTORY.setPathName("gov.nist");
    }

    private SipStack stack;
    private SipProvider provider;
    private AddressFactory addresses;
    private HeaderFactory headers;
    private MessageFactory messages;
    private final Map<Transport, ListeningPoint> points = new EnumMap<>(Transport.class);
    private final String advertisedHost;
    private Path tempTrustStore;

    /**
     * Creates and starts a stack.
     *
     * @param name        a prefix of the unique stack name
     * @param transports  the transports to listen on
     * @param nextHop     the outbound proxy ({@code host:port/transport}), or null
     * @param bind        the local address to bind
     * @param settings    size limit, TLS and trace settings
     * @param keyStore    a key store file with our own certificate (servers in tests), or null
     * @param keyPassword its password
     */
    public SipStackRuntime(String name, List<Transport> transports, String nextHop, InetAddress bind,
            SipSettings settings, Path keyStore, char[] keyPassword) {
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", name + "-" + STACKS.incrementAndGet());
        p.setProperty("gov.nist.javax.sip.STACK_LOGGER", Slf4jStackLogger.class.getName());
        p.setProperty("gov.nist.javax.sip.SERVER_LOGGER", Slf4jServerLogger.class.getName());
        p.setProperty(Slf4jServerLogger.TRACE_PROPERTY, Boolean.toString(settings.trace()));
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "true");
        p.setProperty("gov.nist.javax.sip.MESSAGE_PROCESSOR_FACTORY",
                "gov.nist.javax.sip.stack.OIOMessageProcessorFactory");
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", Integer.toString(settings.maxMessageSize()));
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "2");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        p.setProperty("gov.nist.javax.sip.CONNECTION_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.3, TLSv1.2");
        p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", CIPHER_SUITES);
        p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
        p.setProperty("gov.nist.javax.sip.DELIVER_UNSOLICITED_NOTIFY", "true");
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        if (settings.hostnameVerification()) {
            p.setProperty("gov.nist.javax.sip.TLS_SECURITY_POLICY", ServerIdentityPolicy.class.getName());
        }
        if (nextHop != null) {
            p.setProperty("javax.sip.OUTBOUND_PROXY", nextHop);
        }
        Path trust = settings.trustStorePath();
        char[] trustPassword = settings.trustStorePassword();
        String trustType = settings.trustStoreType();
        try {
            if (settings.trustStore() != null) {
                trustPassword = HexFormat.of().formatHex(new SecureRandom().generateSeed(12)).toCharArray();
                tempTrustStore = Files.createTempFile("presencekit-trust", ".p12");
                try (OutputStream out = Files.newOutputStream(tempTrustStore)) {
                    KeyStore copy = KeyStore.getInstance("PKCS12");
                    copy.load(null, null);
                    KeyStore src = settings.trustStore();
                    for (String alias : java.util.Collections.list(src.aliases())) {
                        if (src.isCertificateEntry(alias) || src.getCertificate(alias) != null) {
                            copy.setCertificateEntry(alias, src.getCertificate(alias));
                        }
                    }
                    copy.store(out, trustPassword);
                }
                trust = tempTrustStore;
                trustType = "PKCS12";
            }
            if (trust != null) {
                checkLoads(trust, trustPassword, trustType);
                p.setProperty("javax.net.ssl.trustStore", trust.toString());
                p.setProperty("javax.net.ssl.trustStoreType", trustType);
                if (trustPassword != null) {
                    p.setProperty("javax.net.ssl.trustStorePassword", new String(trustPassword));
                }
                p.setProperty("javax.net.ssl.keyStore", (keyStore != null ? keyStore : trust).toString());
                p.setProperty("javax.net.ssl.keyStoreType", keyStore != null ? "PKCS12" : trustType);
                char[] kp = keyStore != null ? keyPassword : trustPassword;
                if (kp != null) {
                    p.setProperty("javax.net.ssl.keyStorePassword", new String(kp));
                }
            }
            stack = FACTORY.createSipStack(p);
            if (trust != null && !(((SipStackImpl) stack).getNetworkLayer() instanceof SslNetworkLayer)) {
                throw new IllegalStateException("could not instantiate SSL networking with trust store " + trust
                        + " (see the gov.nist.javax.sip log)");
            }
            addresses = FACTORY.createAddressFactory();
            headers = FACTORY.createHeaderFactory();
            messages = FACTORY.createMessageFactory();
            SipProvider prov = null;
            for (Transport t : transports) {
                ListeningPoint lp = listen(bind, t, settings.listenPort());
                points.put(t, lp);
                if (prov == null) {
                    prov = stack.createSipProvider(lp);
                } else {
                    prov.addListeningPoint(lp);
                }
            }
            provider = prov;
            stack.start();
        } catch (RuntimeException | Error e) {
            closeQuietly();
            throw e;
        } catch (Exception e) {
            closeQuietly();
            throw new IllegalStateException("cannot start the SIP stack: " + e.getMessage(), e);
        }
        this.advertisedHost = bind.isAnyLocalAddress() ? primaryAddress() : bind.getHostAddress();
    }

    private void closeQuietly() {
        try {
            if (stack != null) {
                stack.stop();
            }
        } catch (RuntimeException ignored) {
            // already failing
        }
        deleteTempTrustStore();
    }

    private void deleteTempTrustStore() {
        if (tempTrustStore != null) {
            try {
                Files.deleteIfExists(tempTrustStore);
            } catch (IOException ignored) {
                // a temp file
            }
        }
    }

    private static void checkLoads(Path file, char[] password, String type) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore.getInstance(type).load(in, password);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load the TLS trust store " + file + ": " + e.getMessage(), e);
        }
    }

    private ListeningPoint listen(InetAddress bind, Transport t, int fixedPort) throws Exception {
        if (fixedPort != 0) {
            return stack.createListeningPoint(bind.getHostAddress(), fixedPort, t.token());
        }
        Exception last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            int port;
            try (ServerSocket probe = new ServerSocket(0, 1, bind)) {
                port = probe.getLocalPort();
            }
            try {
                return stack.createListeningPoint(bind.getHostAddress(), port, t.token());
            } catch (Exception raced) {
                last = raced;
            }
        }
        throw new IllegalStateException("no free " + t + " port on " + bind.getHostAddress(), last);
    }

    private static String primaryAddress() {
        try {
            return InetAddress.getLocalHost().getHostAddress();
        } catch (IOException e) {
            return "127.0.0.1";
        }
    }

    /** The stack's name (unique in the JVM). */
    public String name() {
        return stack.getStackName();
    }

    public SipProvider provider() {
        return provider;
    }

    public AddressFactory addressFactory() {
        return addresses;
    }

    public HeaderFactory headerFactory() {
        return headers;
    }

    public MessageFactory messageFactory() {
        return messages;
    }

    /** The listening point of {@code t}; it must be one we listen on. */
    public ListeningPoint listeningPoint(Transport t) {
        ListeningPoint lp = points.get(t);
        if (lp == null) {
            throw new IllegalArgumentException("not listening on " + t);
        }
        return lp;
    }

    /** The transports listened on. */
    public List<Transport> transports() {
        return new ArrayList<>(points.keySet());
    }

    /** Adds the SIP listener (one per stack). */
    public void setListener(SipListener listener) throws java.util.TooManyListenersException {
        provider.addSipListener(listener);
    }

    /**
     * Our contact URI for {@code t}: {@code sip:user@host:port;transport=t}, the address and port
     * of the listening point. The server sends requests (NOTIFY) there; for TCP and TLS the
     * {@code ;alias} in our Via lets it find our own connection under that address (RFC 5923).
     */
    public SipURI contactUri(String user, Transport t) {
        try {
            ListeningPoint lp = listeningPoint(t);
            SipURI uri = addresses.createSipURI(user.isEmpty() ? null : user, advertisedHost);
            uri.setPort(lp.getPort());
            uri.setTransportParam(t.token());
            return uri;
        } catch (ParseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A Via for a new request over {@code t}, with a fresh branch, {@code rport}, and {@code alias} on TCP/TLS. */
    public ViaHeader via(Transport t) {
        try {
            ListeningPoint lp = listeningPoint(t);
            ViaHeader via = headers.createViaHeader(advertisedHost, lp.getPort(), t.token(),
                    Utils.getInstance().generateBranchId());
            via.setRPort();
            if (t.reliable()) {
                via.setParameter("alias", null);
            }
            return via;
        } catch (ParseException | javax.sip.InvalidArgumentException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An address {@code "Display" <uri>}. */
    public Address address(String uri, String displayName) {
        try {
            Address a = addresses.createAddress(uri);
            if (displayName != null) {
                a.setDisplayName(displayName);
            }
            return a;
        } catch (ParseException e) {
            throw new IllegalArgumentException("not a SIP address: " + uri, e);
        }
    }

    /** Stops the stack and its threads. Idempotent. */
    @Override
    public void close() {
        ServerIdentityPolicy.forget(stack.getStackName());
        gov.nist.javax.sip.EventScanner scanner = ((SipStackImpl) stack).getEventScanner();
        try {
            stack.stop();
        } finally {
            // stop() only flags the EventScanner; its non-daemon thread stays blocked in take()
            // until one more event arrives, so hand it one that it discards
            if (scanner != null) {
                scanner.addEvent(new gov.nist.javax.sip.EventWrapper(new java.util.EventObject(this), null));
            }
            deleteTempTrustStore();
        }
    }

    /** The host advertised in Via and Contact. */
    public String advertisedHost() {
        return advertisedHost;
    }

    /** The account's next hop for {@code javax.sip.OUTBOUND_PROXY}: {@code host:port/transport}. */
    public static String nextHop(SipAccount account, Transport t) {
        String host = account.domain();
        int port = t == Transport.TLS ? 5061 : 5060;
        if (account.outboundProxy() != null) {
            String rest = account.outboundProxy().substring(account.outboundProxy().indexOf(':') + 1);
            int semi = rest.indexOf(';');
            host = semi < 0 ? rest : rest.substring(0, semi);
        }
        int colon = host.lastIndexOf(':');
        if (colon > 0 && !host.endsWith("]")) {
            port = Integer.parseInt(host.substring(colon + 1));
            host = host.substring(0, colon);
        }
        return host + ":" + port + "/" + t.token();
    }
}
