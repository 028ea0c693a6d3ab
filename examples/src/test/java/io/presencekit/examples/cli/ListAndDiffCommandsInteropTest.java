package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.presencekit.OwnPresence;
import io.presencekit.PresenceClient;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipSettings;
import io.presencekit.testing.Interop;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code watch-list} and {@code xcap-diff} against the project's Kamailio: a watcher whose address
 * book (written with {@code contacts add}) holds a presentity watches it through the list server
 * (RFC 4662), and the account's XCAP changes are reported by an xcap-diff subscription (RFC 5875).
 * Uses two extra users of the server (start.sh {@code --extra-users}), whose documents start clean.
 */
@Tag(Interop.TAG)
class ListAndDiffCommandsInteropTest {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private final Interop.Server server = Interop.server();
    private final List<AutoCloseable> open = new ArrayList<>();
    @TempDir
    Path state;
    private String watcher;
    private String presentity;

    @BeforeEach
    void users() {
        assumeTrue(server.users().contains("user20"), "start Kamailio with --extra-users to run this test");
        watcher = server.aor("user19");
        presentity = server.aor("user20");
        reset(watcher);
        reset(presentity);
    }

    @AfterEach
    void closeAll() throws Exception {
        if (watcher == null) {
            return;
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        reset(watcher);
        reset(presentity);
    }

    private String proxy() {
        return "sip:" + server.sip().getHostString() + ":" + server.sip().getPort() + ";transport=tcp";
    }

    private List<String> args(String account, String... more) {
        List<String> all = new ArrayList<>(List.of("--json", "--account", account, "--proxy", proxy(),
                "--xcap-root", server.xcapRoot().toString()));
        all.addAll(List.of(more));
        return all;
    }

    private CliRun cli(String account, String... more) {
        return CliRun.run(Map.of(PresenceKitCli.PASSWORD_ENV, server.password()), "",
                args(account, more).toArray(new String[0]));
    }

    private CliRun.Live background(String account, String... more) {
        return CliRun.start(Map.of(PresenceKitCli.PASSWORD_ENV, server.password()),
                args(account, more).toArray(new String[0]));
    }

    private XcapClient xcap(String user) {
        return XcapClient.builder(server.xcapRoot()).credentials(user.substring(4, user.indexOf('@')),
                server.password().toCharArray()).compatibility(XcapCompatibility.KAMAILIO)
                .responseTimeout(Duration.ofSeconds(10)).build();
    }

    /** {@code user}'s pres-rules, address book and rls-services removed. */
    private void reset(String user) {
        try (XcapClient c = xcap(user)) {
            for (String auid : List.of(ApplicationUsage.OMA_PRES_RULES.auid(), ApplicationUsage.RESOURCE_LISTS.auid(),
                    ApplicationUsage.RLS_SERVICES.auid())) {
                c.delete(c.uri().auid(auid).user(user).document("index").build()).exceptionally(e -> null).join();
            }
        }
    }

    private static List<Map<String, Object>> of(CliRun run, String event) {
        return run.events().stream().filter(e -> event.equals(e.get("event"))).toList();
    }

    @Test
    void watchListReportsTheMembersPresenceThroughTheListServer() throws Exception {
        CliRun allow = cli(presentity, "watchers", "--allow", watcher, "--duration", "1");
        assertEquals(0, allow.exitCode(), allow.err() + allow.out());
        SipAccount account = SipAccount.builder(presentity).password(server.password().toCharArray())
                .outboundProxy(proxy()).instanceId("urn:uuid:" + UUID.randomUUID())
                .stateDirectory(state.resolve("presentity")).build();
        PresenceClient bob = PresenceClient.builder(account).settings(SipSettings.builder().build())
                .initialPresence(OwnPresence.builder(OwnPresence.Availability.BUSY).note("On a call").build())
                .build();
        open.add(() -> bob.close(Duration.ofSeconds(10)));
        bob.start().get(30, TimeUnit.SECONDS);
        CliRun add = cli(watcher, "contacts", "add", presentity, "--name", "Bob");
        assertEquals(0, add.exitCode(), add.err() + add.out());

        // the address book's list service, as Blink names it (rls-services, RFC 4826)
        String list = "sip:" + watcher.substring(4, watcher.indexOf('@')) + "+presence" + watcher.substring(
                watcher.indexOf('@'));
        CliRun run = cli(watcher, "watch-list", list, "--duration", "6");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        Map<String, Object> p = of(run, "presence").stream().filter(e -> presentity.equals(e.get("uri"))
                && "busy".equals(e.get("status"))).findFirst().orElseThrow(() -> new AssertionError(run.out()));
        assertEquals(list, p.get("list"));
        assertEquals("On a call", p.get("note"));
        assertTrue(of(run, "state").stream().anyMatch(e -> "list".equals(e.get("mode"))), run.out());
        assertTrue(of(run, "state").stream().anyMatch(e -> presentity.equals(e.get("uri"))
                && "active".equals(e.get("subscription"))), run.out());
        assertEquals("offline", of(run, "state").get(of(run, "state").size() - 1).get("state"), run.out());
    }

    @Test
    void watchListOfAUriWithoutAListSaysSoAndFallsBackToPerContactMode() {
        String list = "sip:" + watcher.substring(4, watcher.indexOf('@')) + "+presence" + watcher.substring(
                watcher.indexOf('@'));
        CliRun run = cli(watcher, "watch-list", list, "--duration", "3");
        assertEquals(0, run.exitCode(), run.err() + run.out());
        // no rls-services entry: Kamailio accepts the SUBSCRIBE as one for a single presentity
        // (no Require: eventlist in the answer, RFC 4662 section 5.2)
        Map<String, Object> mode = of(run, "state").stream().filter(e -> e.get("mode") != null).findFirst()
                .orElseThrow(() -> new AssertionError(run.out()));
        assertEquals("per-contact", mode.get("mode"), run.out());
        assertEquals(list, mode.get("uri"));
        assertTrue(String.valueOf(mode.get("reason")).contains("no resource list"), run.out());
        assertTrue(of(run, "presence").isEmpty(), run.out());
    }

    @Test
    void xcapDiffReportsEachChangedDocumentWithItsEtag() throws Exception {
        CliRun.Live diff = background(watcher, "xcap-diff", "--duration", "15");
        diff.await(e -> "state".equals(e.get("event")) && "active".equals(e.get("subscription")), WAIT,
                "an active xcap-diff subscription");

        CliRun add = cli(watcher, "contacts", "add", presentity, "--name", "Bob");
        assertEquals(0, add.exitCode(), add.err() + add.out());
        Map<String, Object> lists = diff.await(e -> "xcap-diff".equals(e.get("event"))
                && String.valueOf(e.get("uri")).startsWith("resource-lists/users/" + watcher + "/")
                && e.get("etag") != null, WAIT, "the resource-lists change");
        String etag;
        try (XcapClient c = xcap(watcher)) {
            etag = c.get(c.uri().auid(ApplicationUsage.RESOURCE_LISTS.auid()).user(watcher).document("index").build())
                    .get(10, TimeUnit.SECONDS).etag().orElseThrow();
            // the NOTIFY's new-etag names the version the server now holds (quoted or not)
            assertEquals(etag.replace("\"", ""), String.valueOf(lists.get("etag")).replace("\"", ""));
            c.delete(c.uri().auid(ApplicationUsage.RESOURCE_LISTS.auid()).user(watcher).document("index").build())
                    .get(10, TimeUnit.SECONDS);
        }
        Map<String, Object> removed = diff.await(e -> "xcap-diff".equals(e.get("event"))
                && String.valueOf(e.get("uri")).startsWith("resource-lists/users/" + watcher + "/")
                && e.get("etag") == null, WAIT, "the resource-lists removal");
        assertNull(removed.get("etag"));

        CliRun all = diff.finish(Duration.ofSeconds(40));
        assertEquals(0, all.exitCode(), all.err() + all.out());
        assertEquals("offline", of(all, "state").get(of(all, "state").size() - 1).get("state"), all.out());
    }
}
