package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.testing.Interop;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The xcap and contacts commands against the project's Kamailio (interop/kamailio/NOTES.md). */
@Tag(Interop.TAG)
class CliInteropTest {
    private static final String LIST = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\">\n"
            + "  <list name=\"friends\">\n"
            + "    <entry uri=\"sip:alice@example.com\"><display-name>Alice</display-name></entry>\n"
            + "  </list>\n</resource-lists>\n";
    private static final String FRIENDS = "resource-lists/list[@name=\"friends\"]";

    private final Interop.Server server = Interop.server();
    private final String carol = server.aor("carol");

    private CliRun cli(String stdin, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        // global options after the subcommand, the password from the environment
        all.addAll(List.of("--account", carol, "--xcap-root", server.xcapRoot().toString()));
        return CliRun.run(Map.of(PresenceKitCli.PASSWORD_ENV, server.password()), stdin, all.toArray(new String[0]));
    }

    @BeforeEach
    void cleanCarol() {
        for (String auid : List.of("resource-lists", "rls-services", "org.openmobilealliance.pres-rules")) {
            cli("", "xcap", "delete", auid, "index");
        }
        assertEquals(1, cli("", "xcap", "get", "resource-lists", "index").exitCode());
    }

    @Test
    void xcapPutGetDeleteWithNodeSelectors() {
        CliRun put = cli(LIST, "xcap", "put", "resource-lists", "index", "--verbose");
        assertEquals(0, put.exitCode(), put.err());
        assertTrue(put.out().startsWith("PUT " + server.xcapRoot() + "/resource-lists/users/" + carol + "/index: 200"),
                put.out());
        assertTrue(put.out().contains("ETag"), put.out());
        assertTrue(put.err().contains("Kamailio settings"), put.err());

        CliRun attr = cli("", "xcap", "get", "resource-lists", "index", "--node",
                FRIENDS + "/entry[@uri=\"sip:alice@example.com\"]/display-name");
        assertEquals(0, attr.exitCode(), attr.err());
        assertTrue(attr.out().contains(">Alice</display-name>"), attr.out());

        CliRun element = cli("<entry xmlns=\"urn:ietf:params:xml:ns:resource-lists\" uri=\"sip:bob@example.com\"/>",
                "xcap", "put", "resource-lists", "index", "--node", FRIENDS + "/entry[@uri=\"sip:bob@example.com\"]");
        assertEquals(0, element.exitCode(), element.err());

        CliRun json = cli("", "--json", "xcap", "get", "resource-lists", "index", "--node", FRIENDS + "/entry[2]/@uri");
        assertEquals(0, json.exitCode(), json.err());
        Map<String, Object> e = json.events().get(0);
        assertEquals("xcap", e.get("event"));
        assertEquals("GET", e.get("method"));
        assertEquals(200L, e.get("status"));
        assertEquals("sip:bob@example.com", e.get("body"));
        assertTrue(((String) e.get("uri")).endsWith("/index/~~/resource-lists/list%5b@name=%22friends%22%5d/entry%5b2%5d/@uri"),
                e.toString());

        CliRun delete = cli("", "xcap", "delete", "resource-lists", "index", "--node", FRIENDS + "/entry[1]");
        assertEquals(0, delete.exitCode(), delete.err());
        CliRun whole = cli("", "xcap", "get", "resource-lists", "index");
        assertTrue(whole.out().contains("sip:bob@example.com") && !whole.out().contains("sip:alice@example.com"),
                whole.out());

        CliRun missing = cli("", "xcap", "get", "resource-lists", "index", "--node", FRIENDS + "/entry[5]");
        assertEquals(1, missing.exitCode());
        assertTrue(missing.err().startsWith("presencekit: GET ") && missing.err().contains("404"), missing.err());
    }

    @Test
    void globalDocumentNeedsNoAccount() {
        CliRun r = CliRun.run("xcap", "get", "xcap-caps", "global/index", "--xcap-root", server.xcapRoot().toString());
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("<auid>resource-lists</auid>"), r.out());
    }

    @Test
    void contactsAddListRemoveRoundTripInJson() {
        CliRun add = cli("", "--json", "contacts", "add", "bob@example.com", "--name", "Bob \"the\" Builder",
                "--group", "Friends");
        assertEquals(0, add.exitCode(), add.err() + add.out());
        Map<String, Object> added = add.events().get(0);
        assertEquals("contacts", added.get("event"));
        assertEquals("sip:bob@example.com", added.get("uri"));
        assertEquals("add", added.get("action"));
        assertEquals("Bob \"the\" Builder", added.get("name"));
        assertEquals(List.of("Friends"), added.get("groups"));
        assertEquals(true, added.get("subscribe"));
        assertEquals("allow", added.get("policy"));

        CliRun second = cli("", "--json", "contacts", "add", "sip:alice@example.com", "--no-subscribe",
                "--policy", "block");
        assertEquals(0, second.exitCode(), second.err() + second.out());

        CliRun list = cli("", "--json", "contacts", "list");
        assertEquals(0, list.exitCode(), list.err());
        List<Map<String, Object>> events = list.events();
        assertEquals(2, events.size(), list.out());
        Map<String, Object> bob = events.stream().filter(x -> "sip:bob@example.com".equals(x.get("uri")))
                .findFirst().orElseThrow();
        assertEquals("list", bob.get("action"));
        assertEquals("Bob \"the\" Builder", bob.get("name"));
        assertEquals(List.of("Friends"), bob.get("groups"));
        assertEquals(added.get("id"), bob.get("id"));
        Map<String, Object> alice = events.stream().filter(x -> "sip:alice@example.com".equals(x.get("uri")))
                .findFirst().orElseThrow();
        assertEquals(false, alice.get("subscribe"));
        assertEquals("block", alice.get("policy"));

        CliRun human = cli("", "contacts", "list");
        assertTrue(human.out().contains("Bob \"the\" Builder <sip:bob@example.com> [Friends] subscribe=yes policy=allow"),
                human.out());

        CliRun remove = cli("", "--json", "contacts", "remove", "sip:bob@example.com");
        assertEquals(0, remove.exitCode(), remove.err());
        assertEquals("remove", remove.events().get(0).get("action"));
        List<Map<String, Object>> after = cli("", "--json", "contacts", "list").events();
        assertEquals(List.of("sip:alice@example.com"), after.stream().map(x -> x.get("uri")).toList());

        CliRun again = cli("", "--json", "contacts", "remove", "sip:bob@example.com");
        assertEquals(1, again.exitCode());
        assertEquals("error", again.events().get(0).get("event"));
        assertEquals("sip:bob@example.com", again.events().get(0).get("uri"));
    }
}
