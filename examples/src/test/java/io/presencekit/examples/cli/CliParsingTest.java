package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.resourcelists.HandlingPolicy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

class CliParsingTest {
    private static final String[] GLOBALS = {"--account", "sip:alice@example.com", "--password", "pw",
        "--proxy", "sip:proxy.example.com;transport=tls", "--xcap-root", "https://xcap.example.com/xcap-root",
        "--json"};

    private final PresenceKitCli cli = new PresenceKitCli(new ByteArrayInputStream(new byte[0]),
            new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
            Map.of());

    private ParseResult parse(String... args) {
        return cli.commandLine().parseArgs(args);
    }

    private void assertGlobals() {
        assertEquals("sip:alice@example.com", cli.account());
        assertArrayEquals("pw".toCharArray(), cli.password());
        assertEquals("sip:proxy.example.com;transport=tls", cli.proxy());
        assertEquals("https://xcap.example.com/xcap-root", cli.xcapRoot());
        assertTrue(cli.json());
    }

    private static String[] concat(String[] a, String... b) {
        String[] r = new String[a.length + b.length];
        System.arraycopy(a, 0, r, 0, a.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    @Test
    void globalOptionsBeforeTheSubcommand() {
        parse(concat(GLOBALS, "contacts", "list"));
        assertGlobals();
    }

    @Test
    void globalOptionsAfterTheSubcommand() {
        parse(concat(new String[] {"contacts", "list"}, GLOBALS));
        assertGlobals();
    }

    @Test
    void globalOptionsBetweenCommandAndSubcommandAndAfterArguments() {
        parse("xcap", "--account", "sip:alice@example.com", "get", "resource-lists", "index", "--json",
                "--password", "pw", "--proxy", "sip:proxy.example.com;transport=tls",
                "--xcap-root", "https://xcap.example.com/xcap-root/");
        assertGlobals();
    }

    @Test
    void fixedContactsForms() {
        ParseResult list = parse("contacts", "list");
        assertTrue(list.subcommand().subcommand().commandSpec().userObject() instanceof ContactsCommand.ListContacts);

        ParseResult add = parse("contacts", "add", "sip:bob@example.com", "--name", "Bob Smith");
        ContactsCommand.Add a = (ContactsCommand.Add) add.subcommand().subcommand().commandSpec().userObject();
        assertEquals("sip:bob@example.com", a.uri);
        assertEquals("Bob Smith", a.name);
        assertNull(a.subscribe);
        assertNull(a.policy);

        ParseResult remove = parse("contacts", "remove", "sip:bob@example.com");
        assertEquals("sip:bob@example.com",
                ((ContactsCommand.Remove) remove.subcommand().subcommand().commandSpec().userObject()).uri);
    }

    @Test
    void contactsAddOptions() {
        ParseResult add = parse("contacts", "add", "bob@example.com", "--group", "Friends", "--group", "Work",
                "--no-subscribe", "--policy", "BLOCK");
        ContactsCommand.Add a = (ContactsCommand.Add) add.subcommand().subcommand().commandSpec().userObject();
        assertEquals(List.of("Friends", "Work"), a.groups);
        assertFalse(a.subscribe);
        assertEquals(HandlingPolicy.BLOCK, a.policy);
    }

    @Test
    void xcapForms() {
        ParseResult get = parse("xcap", "get", "resource-lists", "index", "--node",
                "resource-lists/list[@name=\"friends\"]", "--ns", "rl=urn:ietf:params:xml:ns:resource-lists");
        XcapCommand.Get g = (XcapCommand.Get) get.subcommand().subcommand().commandSpec().userObject();
        assertEquals("resource-lists", g.target.auid);
        assertEquals("index", g.target.document);
        assertEquals("resource-lists/list[@name=\"friends\"]", g.target.node);
        assertEquals(Map.of("rl", "urn:ietf:params:xml:ns:resource-lists"), g.target.namespaces);

        ParseResult put = parse("xcap", "put", "rls-services", "index", "--file", "body.xml",
                "--content-type", "application/rls-services+xml", "--if-match", "\"e1\"");
        XcapCommand.Put p = (XcapCommand.Put) put.subcommand().subcommand().commandSpec().userObject();
        assertEquals("body.xml", p.file.toString());
        assertEquals("application/rls-services+xml", p.contentType);
        assertEquals("\"e1\"", p.ifMatch);

        assertTrue(parse("xcap", "delete", "resource-lists", "index").subcommand().subcommand().commandSpec()
                .userObject() instanceof XcapCommand.Delete);
    }

    @Test
    void xcapCompatDefaultsToAutoAndAcceptsBothModes() {
        parse("contacts", "list");
        assertEquals(Options.Compat.AUTO, cli.xcapCompat());
        parse("contacts", "list", "--xcap-compat", "kamailio");
        assertEquals(Options.Compat.KAMAILIO, cli.xcapCompat());
    }

    @Test
    void passwordComesFromTheEnvironmentWhenNotGiven() {
        PresenceKitCli withEnv = new PresenceKitCli(new ByteArrayInputStream(new byte[0]),
                new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
                Map.of(PresenceKitCli.PASSWORD_ENV, "from-env"));
        CommandLine cl = withEnv.commandLine();
        cl.parseArgs("contacts", "list");
        assertArrayEquals("from-env".toCharArray(), withEnv.password());
        cl.parseArgs("contacts", "list", "--password", "given");
        assertArrayEquals("given".toCharArray(), withEnv.password());
    }

    @Test
    void unknownOptionIsAUsageErrorWithExitCode2() {
        CliRun r = CliRun.run("contacts", "list", "--frobnicate");
        assertEquals(PresenceKitCli.EXIT_USAGE, r.exitCode());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("presencekit: Unknown option: '--frobnicate'"), r.err());
    }

    @Test
    void usageErrorInJsonModeIsAnErrorEventOnStandardOutput() {
        CliRun r = CliRun.run("--json", "contacts", "add");
        assertEquals(PresenceKitCli.EXIT_USAGE, r.exitCode());
        Map<String, Object> e = r.events().get(0);
        assertEquals("error", e.get("event"));
        assertTrue(e.containsKey("uri"));
        assertTrue(((String) e.get("message")).contains("<uri>"), e.toString());
    }

    @Test
    void badOptionValuesAreUsageErrors() {
        assertEquals(2, CliRun.run("contacts", "list", "--xcap-compat", "openxcap").exitCode());
        assertEquals(2, CliRun.run("contacts", "list", "--proxy", "proxy.example.com").exitCode());
        assertEquals(2, CliRun.run("contacts", "list", "--xcap-root", "ftp://x/y").exitCode());
        assertEquals(2, CliRun.run("contacts", "add", "sip:bob@example.com", "--policy", "maybe").exitCode());
    }

    @Test
    void missingAccountOrXcapRootIsAUsageErrorSayingWhichOption() {
        CliRun noAccount = CliRun.run("contacts", "list", "--xcap-root", "http://127.0.0.1:9/xcap-root");
        assertEquals(2, noAccount.exitCode());
        assertTrue(noAccount.err().contains("--account"), noAccount.err());
        CliRun noRoot = CliRun.run("contacts", "list", "--account", "alice@example.com");
        assertEquals(2, noRoot.exitCode());
        assertTrue(noRoot.err().contains("--xcap-root"), noRoot.err());
    }

    @Test
    void badNodeSelectorIsAUsageError() {
        CliRun r = CliRun.run("xcap", "get", "resource-lists", "index", "--node", "resource-lists//list",
                "--account", "alice@example.com", "--xcap-root", "http://127.0.0.1:9/xcap-root",
                "--xcap-compat", "standard");
        assertEquals(2, r.exitCode());
        assertTrue(r.err().contains("--node"), r.err());
    }

    @Test
    void noSubcommandShowsUsageWithExitCode2AndHelpExits0() {
        CliRun none = CliRun.run();
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("Usage: presencekit"));
        CliRun help = CliRun.run("contacts", "--help");
        assertEquals(0, help.exitCode());
        assertTrue(help.out().contains("Usage: presencekit contacts"), help.out());
    }

    @Test
    void sipAddressesGetTheirSchemeAndBadOnesAreRefused() {
        assertEquals("sip:bob@example.com", Options.sipAddress("bob@example.com"));
        assertEquals("sips:bob@example.com", Options.sipAddress(" sips:bob@example.com "));
        assertEquals("bob", Options.user("sip:bob@example.com"));
        for (String bad : new String[] {"bob", "sip:@example.com", "sip:bob@", "tel:+123", "sip:bo b@x"}) {
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> Options.sipAddress(bad), bad);
        }
    }
}
