package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Command lines of the SIP commands and the demo that are refused before any network use (exit code 2). */
class SipCommandUsageTest {
    private static final Map<String, String> PASSWORD = Map.of(PresenceKitCli.PASSWORD_ENV, "pw");

    private static CliRun run(String... args) {
        return CliRun.run(PASSWORD, "", args);
    }

    @Test
    void publishRefusesAStatusOutsideTheFourWords() {
        CliRun r = run("--json", "--account", "alice@example.com", "publish", "--status", "sleeping");
        assertEquals(PresenceKitCli.EXIT_USAGE, r.exitCode(), r.out() + r.err());
        Map<String, Object> e = r.events().get(0);
        assertEquals("error", e.get("event"));
        assertTrue(((String) e.get("message")).contains("available, away, busy or offline"), e.toString());
    }

    @Test
    void watchersDecisionsNeedTheXcapRoot() {
        CliRun r = run("--account", "bob@example.com", "watchers", "--allow", "alice@example.com");
        assertEquals(PresenceKitCli.EXIT_USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--xcap-root"), r.err());
    }

    @Test
    void watchNeedsTheAccountAndAUri() {
        assertEquals(PresenceKitCli.EXIT_USAGE, run("watch", "bob@example.com").exitCode());
        assertEquals(PresenceKitCli.EXIT_USAGE, run("--account", "alice@example.com", "watch").exitCode());
        assertEquals(PresenceKitCli.EXIT_USAGE, run("--account", "alice@example.com", "watch", "not a uri").exitCode());
    }

    @Test
    void demoWithAGivenProxyNeedsItsXcapRoot() {
        CliRun r = run("demo", "--proxy", "sip:127.0.0.1:5060;transport=tcp");
        assertEquals(PresenceKitCli.EXIT_USAGE, r.exitCode(), r.out() + r.err());
        assertTrue(r.err().contains("--xcap-root"), r.err());
    }
}
