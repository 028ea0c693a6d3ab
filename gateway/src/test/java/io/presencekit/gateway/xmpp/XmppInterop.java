package io.presencekit.gateway.xmpp;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * The XMPP interop server for tests tagged {@code interop}: Prosody started by
 * {@code interop/prosody/start.sh} (which {@code scripts/test.sh} runs), found through the system
 * property {@value #ENV_PROPERTY} naming its {@code prosody.env}. Without it the calling test is
 * skipped with a message, except under {@code CI=true}, where it fails; a server that is
 * configured but does not accept connections always fails the test. Mirrors
 * {@code io.presencekit.testing.Interop} for the SIP server.
 *
 * <p>Thread-safe; immutable once read.
 *
 * @param c2sHost         host of client connections
 * @param c2sPort         port of client connections
 * @param componentHost   host of component connections
 * @param componentPort   port of component connections
 * @param xmppDomain      the users' domain, {@code xmpp.example.org}
 * @param componentDomain the component's domain, {@code example.com}
 * @param secret          the component's shared secret
 * @param users           the provisioned users
 * @param password        every user's password
 */
public record XmppInterop(String c2sHost, int c2sPort, String componentHost, int componentPort, String xmppDomain,
        String componentDomain, String secret, List<String> users, String password) {
    /** System property: path of {@code <run dir>/prosody.env}. */
    public static final String ENV_PROPERTY = "presencekit.xmpp.env";

    /** The running server, or a skipped (under CI: failed) test. */
    public static XmppInterop server() {
        String file = System.getProperty(ENV_PROPERTY);
        if (file == null || file.isBlank() || file.contains("${")) {
            String msg = "no XMPP interop server configured (run bash scripts/test.sh, or start"
                    + " interop/prosody/start.sh and set -D" + ENV_PROPERTY + "=<run dir>/prosody.env)";
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError(msg + "; under CI the XMPP interop server is required");
            }
            Assumptions.abort(msg);
        }
        Path path = Path.of(file.trim());
        if (!Files.isRegularFile(path)) {
            throw new AssertionError("XMPP interop server file " + path + " (from -D" + ENV_PROPERTY
                    + ") does not exist: is the server running?");
        }
        Map<String, String> env = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                int eq = line.indexOf('=');
                if (eq > 0 && !line.startsWith("#")) {
                    env.put(line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String[] c2s = require(env, "C2S").split(":");
        String[] comp = require(env, "COMPONENT").split(":");
        XmppInterop s = new XmppInterop(c2s[0], Integer.parseInt(c2s[1]), comp[0], Integer.parseInt(comp[1]),
                require(env, "XMPP_DOMAIN"), require(env, "COMPONENT_DOMAIN"), require(env, "COMPONENT_SECRET"),
                List.of(require(env, "USERS").split(",")), require(env, "PASSWORD"));
        s.requireReachable(s.c2sHost, s.c2sPort);
        s.requireReachable(s.componentHost, s.componentPort);
        return s;
    }

    private static String require(Map<String, String> env, String key) {
        String v = env.get(key);
        if (v == null || v.isEmpty()) {
            throw new AssertionError("the XMPP interop server file lacks " + key);
        }
        return v;
    }

    private void requireReachable(String host, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 3000);
        } catch (IOException e) {
            throw new AssertionError("XMPP interop server " + host + ":" + port + " does not accept connections: "
                    + e.getMessage(), e);
        }
    }

    /** A component configuration for this server. */
    public XmppComponentConfig.Builder componentConfig() {
        return XmppComponentConfig.builder().host(componentHost).port(componentPort).domain(componentDomain)
                .secret(secret);
    }
}
