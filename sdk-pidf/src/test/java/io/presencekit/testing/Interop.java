package io.presencekit.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;

/**
 * The interop server for tests tagged {@value #TAG}: the project's Kamailio (registrar, presence
 * agent, resource list server, XCAP server) started by {@code interop/kamailio/start.sh}, which
 * {@code scripts/test.sh} runs before the build.
 *
 * <p>Where the server is comes from system properties: {@value #ENV_PROPERTY} names the
 * {@code kamailio.env} file that start.sh writes into its run directory; {@value #XCAP_ROOT_PROPERTY},
 * {@value #SIP_PROPERTY} and {@value #SIP_TLS_PROPERTY} override single values or stand alone. When
 * none is set, {@link #server()} skips the calling test with a message, except under
 * {@code CI=true}, where it fails it. A server that is configured but does not answer always
 * fails the test.
 *
 * <p>The server's users are {@code alice}, {@code bob} and {@code carol} in {@code example.com},
 * password {@code secret}; its quirks are listed in {@code interop/kamailio/NOTES.md}.
 *
 * <p>Shared with the other modules' tests through sdk-pidf's test jar. Thread-safe.
 */
public final class Interop {
    /** JUnit tag of the tests that need the interop server; excluded unless the build turns it on. */
    public static final String TAG = "interop";
    /** System property: path of the server's key=value file ({@code <run dir>/kamailio.env}). */
    public static final String ENV_PROPERTY = "presencekit.interop.env";
    /** System property: the XCAP root, e.g. {@code http://127.0.0.1:5060/xcap-root}. */
    public static final String XCAP_ROOT_PROPERTY = "presencekit.interop.xcapRoot";
    /** System property: host:port of SIP over TCP and UDP. */
    public static final String SIP_PROPERTY = "presencekit.interop.sip";
    /** System property: host:port of SIP over TLS. */
    public static final String SIP_TLS_PROPERTY = "presencekit.interop.sipTls";

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(3);
    private static volatile Server server;

    private Interop() {
    }

    /**
     * The running interop server. Skips the calling test when no server is configured (fails it
     * under {@code CI=true}); fails it when the configured server does not accept connections.
     */
    public static Server server() {
        Server s = server;
        if (s == null) {
            s = configured().orElseGet(() -> {
                String msg = "no interop server configured (run bash scripts/test.sh, or start"
                        + " interop/kamailio/start.sh and set -D" + ENV_PROPERTY + "=<run dir>/kamailio.env)";
                if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                    throw new AssertionError(msg + "; under CI the interop server is required");
                }
                Assumptions.abort(msg);
                throw new AssertionError(msg);
            });
            server = s;
        }
        s.requireReachable();
        return s;
    }

    /** The server named by the system properties, if any; no connection is tried. */
    public static Optional<Server> configured() {
        Map<String, String> env = new LinkedHashMap<>();
        String envFile = property(ENV_PROPERTY);
        if (envFile != null) {
            env.putAll(readEnvFile(Path.of(envFile)));
        }
        putIfSet(env, "XCAP_ROOT", XCAP_ROOT_PROPERTY);
        putIfSet(env, "SIP_TCP", SIP_PROPERTY);
        putIfSet(env, "SIP_TLS", SIP_TLS_PROPERTY);
        if (blank(env.get("XCAP_ROOT")) && blank(env.get("SIP_TCP"))) {
            return Optional.empty();
        }
        return Optional.of(Server.of(env));
    }

    /** Reads a start.sh key=value file. */
    static Map<String, String> readEnvFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new AssertionError("interop server file " + file + " (from -D" + ENV_PROPERTY
                    + ") does not exist: is the server running?");
        }
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return env;
    }

    private static void putIfSet(Map<String, String> env, String key, String property) {
        String value = property(property);
        if (value != null) {
            env.put(key, value);
        }
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        // an unset Maven property arrives as "" (or unresolved as ${...})
        return blank(value) || value.contains("${") ? null : value.trim();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /**
     * Coordinates of a running interop server, with the helpers tests need to talk to it.
     *
     * @param xcapRoot    the XCAP root over plain HTTP, without a trailing slash
     * @param xcapRootTls the XCAP root over HTTPS, or null without TLS
     * @param sip         SIP over TCP and UDP
     * @param sipTls      SIP over TLS, or null without TLS
     * @param domain      the users' domain, {@code example.com}
     * @param users       the provisioned users
     * @param password    every user's password
     * @param tlsCertificate the server's self-signed certificate (PEM), or null
     * @param runDir      start.sh's run directory, or null when given by single properties
     * @param harnessDir  the folder holding start.sh, or null when given by single properties
     */
    public record Server(URI xcapRoot, URI xcapRootTls, InetSocketAddress sip, InetSocketAddress sipTls,
            String domain, List<String> users, String password, Path tlsCertificate, Path runDir,
            Path harnessDir) {

        static Server of(Map<String, String> env) {
            String domain = env.getOrDefault("DOMAIN", "example.com");
            List<String> users = blank(env.get("USERS")) ? List.of("alice", "bob", "carol")
                    : Arrays.asList(env.get("USERS").split(","));
            URI xcap = blank(env.get("XCAP_ROOT")) ? null : root(env.get("XCAP_ROOT"));
            InetSocketAddress sip = blank(env.get("SIP_TCP")) ? null : address(env.get("SIP_TCP"));
            if (xcap == null) {
                xcap = URI.create("http://" + env.get("SIP_TCP") + "/xcap-root");
            }
            if (sip == null) {
                sip = InetSocketAddress.createUnresolved(xcap.getHost(), xcap.getPort());
            }
            return new Server(xcap, blank(env.get("XCAP_ROOT_TLS")) ? null : root(env.get("XCAP_ROOT_TLS")),
                    sip, blank(env.get("SIP_TLS")) ? null : address(env.get("SIP_TLS")), domain,
                    List.copyOf(users), env.getOrDefault("PASSWORD", "secret"), path(env.get("TLS_CERT")),
                    path(env.get("RUN_DIR")), path(env.get("HARNESS_DIR")));
        }

        private static URI root(String s) {
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }

        private static InetSocketAddress address(String hostPort) {
            int colon = hostPort.lastIndexOf(':');
            if (colon < 0) {
                throw new AssertionError("not host:port: " + hostPort);
            }
            return InetSocketAddress.createUnresolved(hostPort.substring(0, colon),
                    Integer.parseInt(hostPort.substring(colon + 1)));
        }

        private static Path path(String s) {
            return blank(s) ? null : Path.of(s);
        }

        /** The address of record of {@code user}: {@code sip:user@domain}. */
        public String aor(String user) {
            return "sip:" + user + "@" + domain;
        }

        /**
         * The URI of a user's XCAP document, {@code <root>/<auid>/users/sip:<user>@<domain>/<document>};
         * {@code document} may hold further path segments and a {@code /~~/} node selector, already
         * escaped.
         */
        public URI xcapUri(String auid, String user, String document) {
            return URI.create(xcapRoot + "/" + auid + "/users/" + aor(user) + "/" + document);
        }

        /** Fails the calling test when the server does not accept a TCP connection. */
        public void requireReachable() {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(sip.getHostString(), sip.getPort()),
                        (int) CONNECT_TIMEOUT.toMillis());
            } catch (IOException e) {
                throw new AssertionError("interop server at " + sip.getHostString() + ":" + sip.getPort()
                        + " does not answer (" + e + ")", e);
            }
        }

        /**
         * Restarts the server in place (same ports, database and certificate), as after a crash when
         * {@code crash} is true (SIGKILL), else after an orderly stop. Returns once it answers again.
         */
        public void restart(boolean crash) {
            if (crash) {
                harness("stop.sh", "--kill");
            }
            harness("restart.sh");
        }

        /** Stops the server until {@link #start()}; tests see a server that is down. */
        public void stop() {
            harness("stop.sh");
        }

        /** Starts a server stopped by {@link #stop()} again, in place. */
        public void start() {
            harness("start.sh");
        }

        private void harness(String script, String... options) {
            if (harnessDir == null || runDir == null) {
                throw new AssertionError("the server was not given by -D" + ENV_PROPERTY
                        + ", so it cannot be stopped or restarted from a test");
            }
            List<String> command = new ArrayList<>(List.of("bash", harnessDir.resolve(script).toString(),
                    "--run-dir", runDir.toString()));
            command.addAll(List.of(options));
            try {
                Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                    throw new AssertionError(String.join(" ", command) + " failed:\n" + out);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        /** An HTTP/1.1 client for the XCAP server (which closes the connection after every reply). */
        public HttpClient httpClient() {
            return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT_TIMEOUT)
                    .build();
        }

        /**
         * Sends {@code request} as {@code user}, answering an HTTP digest challenge (RFC 7616, MD5,
         * qop=auth) with the user's password; {@link java.net.http.HttpClient} has no digest support.
         */
        public HttpResponse<byte[]> send(HttpClient client, HttpRequest request, String user) {
            HttpResponse<byte[]> first = send(client, request);
            Optional<String> challenge = first.headers().firstValue("WWW-Authenticate");
            if (first.statusCode() != 401 || challenge.isEmpty()) {
                return first;
            }
            String authorization = Digest.authorization(challenge.get(), request.method(), request.uri(), user,
                    password);
            return send(client, HttpRequest.newBuilder(request, (name, value) -> true)
                    .header("Authorization", authorization).build());
        }

        /**
         * Sends {@code request}, once more when a kept-alive connection turned out to be closed: the
         * server closes every connection after its reply without saying so, and the JDK client
         * retries only GET and HEAD on such a connection by itself.
         */
        public HttpResponse<byte[]> send(HttpClient client, HttpRequest request) {
            try {
                try {
                    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                } catch (IOException e) {
                    if (!closedBeforeReply(e)) {
                        throw e;
                    }
                    return client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted", e);
            }
        }

        private static boolean closedBeforeReply(Throwable e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof java.io.EOFException || String.valueOf(t.getMessage()).contains("received no bytes")) {
                    return true;
                }
            }
            return false;
        }
    }

    /** HTTP digest (RFC 7616) with MD5 and qop=auth, as the interop server asks for. */
    static final class Digest {
        private static final Pattern PARAM = Pattern.compile("(\\w+)=(?:\"([^\"]*)\"|([^,\\s]*))");
        private static final SecureRandom RANDOM = new SecureRandom();

        private Digest() {
        }

        static String authorization(String challenge, String method, URI uri, String user, String password) {
            if (!challenge.regionMatches(true, 0, "Digest ", 0, 7)) {
                throw new AssertionError("not a digest challenge: " + challenge);
            }
            Map<String, String> p = new LinkedHashMap<>();
            Matcher m = PARAM.matcher(challenge.substring(7));
            while (m.find()) {
                p.put(m.group(1).toLowerCase(Locale.ROOT), m.group(2) != null ? m.group(2) : m.group(3));
            }
            String realm = p.getOrDefault("realm", "");
            String nonce = p.getOrDefault("nonce", "");
            String digestUri = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
            String ha1 = md5(user + ":" + realm + ":" + password);
            String ha2 = md5(method + ":" + digestUri);
            StringBuilder sb = new StringBuilder("Digest username=\"").append(user).append("\", realm=\"")
                    .append(realm).append("\", nonce=\"").append(nonce).append("\", uri=\"").append(digestUri)
                    .append("\", algorithm=MD5");
            String qop = p.get("qop");
            if (qop != null && Arrays.stream(qop.split(",")).map(String::trim).anyMatch("auth"::equals)) {
                byte[] c = new byte[8];
                RANDOM.nextBytes(c);
                String cnonce = HexFormat.of().formatHex(c);
                String nc = "00000001";
                sb.append(", qop=auth, nc=").append(nc).append(", cnonce=\"").append(cnonce).append("\", response=\"")
                        .append(md5(ha1 + ":" + nonce + ":" + nc + ":" + cnonce + ":auth:" + ha2)).append('"');
            } else {
                sb.append(", response=\"").append(md5(ha1 + ":" + nonce + ":" + ha2)).append('"');
            }
            if (p.containsKey("opaque")) {
                sb.append(", opaque=\"").append(p.get("opaque")).append('"');
            }
            return sb.toString();
        }

        private static String md5(String s) {
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
