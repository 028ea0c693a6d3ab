package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code presencekit xmpp-gateway}: its options and its failures before it runs. */
class XmppGatewayCommandTest {
    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    @Test
    void theComponentSecretMustComeFromTheEnvironment() {
        CliRun r = CliRun.run("xmpp-gateway", "--account", "sip:gateway@xmpp.example.org", "--proxy",
                "sip:127.0.0.1:5060;transport=tcp", "--listen", "127.0.0.1:5070", "--xmpp-domain", "xmpp.example.org");
        assertEquals(PresenceKitCli.EXIT_USAGE, r.exitCode(), r.err());
        assertTrue(r.err().contains(XmppGatewayCommand.SECRET_ENV), r.err());
    }

    @Test
    void theListenAddressAndTheXmppDomainAreRequired() {
        CliRun r = CliRun.run(Map.of(XmppGatewayCommand.SECRET_ENV, "s3cret"), "", "xmpp-gateway", "--account",
                "sip:gateway@example.com", "--proxy", "sip:127.0.0.1:5060;transport=tcp", "--listen", "nowhere");
        assertEquals(PresenceKitCli.EXIT_USAGE, r.exitCode(), r.err());
        CliRun bad = CliRun.run(Map.of(XmppGatewayCommand.SECRET_ENV, "s3cret"), "", "xmpp-gateway", "--account",
                "sip:gateway@example.com", "--proxy", "sip:127.0.0.1:5060;transport=tcp", "--listen", "127.0.0.1:x",
                "--xmpp-domain", "xmpp.example.org");
        assertEquals(PresenceKitCli.EXIT_USAGE, bad.exitCode(), bad.err());
        assertTrue(bad.err().contains("--listen"), bad.err());
    }

    @Test
    void anXmppServerThatIsNotThereFailsTheCommandAndFreesThePort() throws Exception {
        int sipPort = freePort();
        int componentPort = freePort();
        Map<String, String> env = Map.of(XmppGatewayCommand.SECRET_ENV, "s3cret");
        String[] args = {"xmpp-gateway", "--account", "sip:gateway@example.com", "--proxy",
            "sip:127.0.0.1:5060;transport=tcp", "--listen", "127.0.0.1:" + sipPort, "--xmpp-domain", "xmpp.example.org",
            "--component-port", Integer.toString(componentPort)};
        CliRun r = CliRun.run(env, "", args);
        assertEquals(PresenceKitCli.EXIT_FAILURE, r.exitCode(), r.err());
        assertTrue(r.err().contains("cannot connect to the XMPP server"), r.err());
        CliRun again = CliRun.run(env, "", args);
        assertTrue(again.err().contains("cannot connect to the XMPP server"), "the SIP port was released: " + again.err());
    }
}
