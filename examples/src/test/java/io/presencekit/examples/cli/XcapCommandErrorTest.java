package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Error answers of an in-JVM XCAP server (the project's Kamailio answers 500 where RFC 4825 says
 * 409, so the conflict report comes from here): one line, exit code 1, the xcap-error condition.
 */
class XcapCommandErrorTest {
    private static final String CONFLICT = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<xcap-error xmlns=\"urn:ietf:params:xml:ns:xcap-error\">\n"
            + "  <uniqueness-failure><exists field=\"rls-services/service/@uri\">\n"
            + "    <alt-value>sip:friends2@example.com</alt-value></exists></uniqueness-failure>\n"
            + "</xcap-error>\n";

    private HttpServer server;
    private String root;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/xcap-root/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body;
            int status;
            if (path.startsWith("/xcap-root/rls-services/")) {
                exchange.getResponseHeaders().add("Content-Type", "application/xcap-error+xml");
                body = CONFLICT.getBytes(StandardCharsets.UTF_8);
                status = 409;
            } else {
                body = new byte[0];
                status = 404;
            }
            exchange.getResponseHeaders().add("Server", "test-xcap");
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        root = "http://127.0.0.1:" + server.getAddress().getPort() + "/xcap-root";
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private CliRun put(String... extra) {
        String[] args = {"xcap", "put", "rls-services", "index", "--account", "alice@example.com",
            "--password", "s3cr3t-pw", "--xcap-root", root};
        String[] all = new String[args.length + extra.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(extra, 0, all, args.length, extra.length);
        return CliRun.run(Map.of(), "<rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\"/>", all);
    }

    @Test
    void conflictIsOneLineWithTheXcapErrorConditionAndExitCode1() {
        CliRun r = put();
        assertEquals(PresenceKitCli.EXIT_FAILURE, r.exitCode());
        assertEquals("", r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("presencekit: PUT " + root + "/rls-services/users/sip:alice@example.com/index"),
                r.err());
        assertTrue(r.err().contains("409") && r.err().contains("uniqueness-failure"), r.err());
    }

    @Test
    void conflictInJsonModeIsAnErrorEventWithStatusAndCondition() {
        CliRun r = put("--json");
        assertEquals(PresenceKitCli.EXIT_FAILURE, r.exitCode());
        assertEquals("", r.err());
        Map<String, Object> e = r.events().get(0);
        assertEquals("error", e.get("event"));
        assertEquals(root + "/rls-services/users/sip:alice@example.com/index", e.get("uri"));
        assertEquals("PUT", e.get("method"));
        assertEquals(409L, e.get("status"));
        assertEquals("uniqueness-failure", e.get("condition"));
        assertTrue(((String) e.get("detail")).contains("sip:friends2@example.com"), e.toString());
    }

    @Test
    void notFoundIsExitCode1AndThePasswordIsNeverPrinted() {
        CliRun r = CliRun.run("xcap", "get", "resource-lists", "index", "--account", "alice@example.com",
                "--password", "s3cr3t-pw", "--xcap-root", root, "--verbose");
        assertEquals(PresenceKitCli.EXIT_FAILURE, r.exitCode());
        assertTrue(r.err().contains("404"), r.err());
        assertFalse(r.out().contains("s3cr3t-pw") || r.err().contains("s3cr3t-pw"));
    }

    @Test
    void noServerIsExitCode1WithOneLine() {
        server.stop(0);
        CliRun r = CliRun.run("--json", "xcap", "get", "xcap-caps", "global/index", "--xcap-root", root);
        assertEquals(PresenceKitCli.EXIT_FAILURE, r.exitCode());
        Map<String, Object> e = r.events().get(0);
        assertEquals("error", e.get("event"));
        assertTrue(((String) e.get("message")).contains("connection to 127.0.0.1"), e.toString());
    }
}
