package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.presencekit.OwnPresence;
import io.presencekit.PresenceClient;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipSettings;
import io.presencekit.sip.event.PresenceSubscription;
import io.presencekit.testing.Interop;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
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
 * The SIP commands' JSON output against the project's Kamailio (interop/kamailio/NOTES.md): a
 * watcher sees a presentity's published presence with {@code watch}, and the presentity sees that
 * watcher pending, then allows it, with {@code watchers}. Uses two extra users of the server
 * (start.sh {@code --extra-users}), whose rules start clean.
 */
@Tag(Interop.TAG)
class SipCommandsInteropTest {
    private final Interop.Server server = Interop.server();
    private final List<AutoCloseable> open = new ArrayList<>();
    @TempDir
    Path state;
    private String watcher;
    private String presentity;

    @BeforeEach
    void users() {
        assumeTrue(server.users().contains("user14"), "start Kamailio with --extra-users to run this test");
        watcher = server.aor("user13");
        presentity = server.aor("user14");
        reset(presentity, watcher);
        reset(watcher, null);
    }

    @AfterEach
    void closeAll() throws Exception {
        if (presentity == null) {
            return;
        }
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
        reset(presentity, watcher);
    }

    private String proxy() {
        return "sip:" + server.sip().getHostString() + ":" + server.sip().getPort() + ";transport=tcp";
    }

    private CliRun cli(String account, String... args) {
        List<String> all = new ArrayList<>(List.of("--json", "--account", account, "--proxy", proxy(),
                "--xcap-root", server.xcapRoot().toString()));
        all.addAll(List.of(args));
        return CliRun.run(Map.of(PresenceKitCli.PASSWORD_ENV, server.password()), "", all.toArray(new String[0]));
    }

    private SipAccount account(String aor) {
        return SipAccount.builder(aor).password(server.password().toCharArray()).outboundProxy(proxy())
                .instanceId("urn:uuid:" + UUID.randomUUID()).stateDirectory(state.resolve(aor)).build();
    }

    /** {@code user}'s rules and documents removed; {@code pending} put back to pending first. */
    private void reset(String user, String pending) {
        try (XcapClient c = XcapClient.builder(server.xcapRoot()).credentials(user.substring(4, user.indexOf('@')),
                server.password().toCharArray()).compatibility(XcapCompatibility.KAMAILIO)
                .responseTimeout(Duration.ofSeconds(10)).build()) {
            if (pending != null) {
                XcapUri rules = c.uri().auid(ApplicationUsage.OMA_PRES_RULES.auid()).user(user).document("index").build();
                Rule confirm = Rule.builder("confirm").conditions(Identity.ofUris(pending))
                        .subHandling(SubHandling.CONFIRM).build();
                c.put(rules, ApplicationUsage.OMA_PRES_RULES.mimeType(),
                        ApplicationUsage.OMA_PRES_RULES.codec().write(Ruleset.of(confirm))).join();
            }
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
    void watchersShowsAPendingWatcherAndAllowsIt() throws Exception {
        // the watcher's subscription, pending at the presentity
        SipEngine engine = new SipEngine(account(watcher), SipSettings.builder().build(), null);
        open.add(() -> engine.close(Duration.ofSeconds(10)));
        engine.start().get(30, TimeUnit.SECONDS);
        PresenceSubscription sub = PresenceSubscription.create(engine, PresenceSubscription.request(presentity).build(),
                null);
        sub.start().get(30, TimeUnit.SECONDS);

        CliRun pending = cli(presentity, "watchers", "--duration", "4");
        assertEquals(0, pending.exitCode(), pending.err() + pending.out());
        Map<String, Object> w = of(pending, "watcher").stream().filter(e -> watcher.equals(e.get("watcher")))
                .findFirst().orElseThrow(() -> new AssertionError(pending.out()));
        assertEquals(presentity, w.get("uri"));
        assertEquals("pending", w.get("status"));
        assertTrue(of(pending, "state").stream().anyMatch(e -> "online".equals(e.get("state"))), pending.out());

        CliRun allowed = cli(presentity, "watchers", "--allow", watcher, "--duration", "6");
        assertEquals(0, allowed.exitCode(), allowed.err() + allowed.out());
        Map<String, Object> policy = of(allowed, "policy").get(0);
        assertEquals(watcher, policy.get("watcher"));
        assertEquals("allow", policy.get("policy"));
        assertTrue(of(allowed, "watcher").stream().anyMatch(e -> watcher.equals(e.get("watcher"))
                && "active".equals(e.get("status"))), allowed.out());
        assertEquals("offline", of(allowed, "state").get(of(allowed, "state").size() - 1).get("state"));
    }

    @Test
    void watchPrintsTheAllowedPresentitysPresence() throws Exception {
        CliRun allow = cli(presentity, "watchers", "--allow", watcher, "--duration", "1");
        assertEquals(0, allow.exitCode(), allow.err() + allow.out());
        PresenceClient bob = PresenceClient.builder(account(presentity)).settings(SipSettings.builder().build())
                .initialPresence(OwnPresence.builder(OwnPresence.Availability.AWAY).note("Back in 10 minutes").build())
                .build();
        open.add(() -> bob.close(Duration.ofSeconds(10)));
        bob.start().get(30, TimeUnit.SECONDS);

        CliRun watch = cli(watcher, "watch", presentity.substring(4), "--duration", "4");
        assertEquals(0, watch.exitCode(), watch.err() + watch.out());
        Map<String, Object> p = of(watch, "presence").get(0);
        assertEquals(presentity, p.get("uri"));
        assertEquals("away", p.get("status"));
        assertEquals("Back in 10 minutes", p.get("note"));
        assertTrue(of(watch, "state").stream().anyMatch(e -> "active".equals(e.get("subscription"))), watch.out());

        bob.close(Duration.ofSeconds(10));
        CliRun gone = cli(watcher, "watch", presentity, "--duration", "3");
        Map<String, Object> offline = of(gone, "presence").get(0);
        assertTrue(List.of("offline", "unknown").contains(offline.get("status")), gone.out());
    }
}
