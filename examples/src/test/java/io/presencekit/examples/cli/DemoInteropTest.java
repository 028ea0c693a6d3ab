package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.presencekit.testing.Interop;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code presencekit demo} against the test run's Kamailio (given with {@code --proxy} and
 * {@code --xcap-root}), with two extra users of the server as alice and bob.
 */
@Tag(Interop.TAG)
class DemoInteropTest {
    private static final String OFFLINE_NOTE_STEP = "bob leaves and alice sees him offline with his offline note";
    private static final List<String> STEPS = List.of("alice's and bob's XCAP documents are reset",
            "bob and alice sign in (REGISTER, PUBLISH, SUBSCRIBE)", "alice adds bob to her contacts",
            "bob sees alice as a pending watcher", "bob allows alice", "alice sees bob available",
            "bob goes away with a note and alice sees it", "bob's icon reaches alice",
            "bob stores his offline note (pidf-manipulation)", OFFLINE_NOTE_STEP);

    private final Interop.Server server = Interop.server();

    private CliRun demo(String alice, String bob, String... more) {
        assumeTrue(server.users().contains(bob), "start Kamailio with --extra-users to run this test");
        String proxy = "sip:" + server.sip().getHostString() + ":" + server.sip().getPort() + ";transport=tcp";
        List<String> args = new java.util.ArrayList<>(List.of("demo", "--proxy", proxy, "--xcap-root",
                server.xcapRoot().toString(), "--alice", server.aor(alice), "--bob", server.aor(bob),
                "--step-timeout", "15"));
        args.addAll(List.of(more));
        return CliRun.run(Map.of(PresenceKitCli.PASSWORD_ENV, server.password()), "", args.toArray(new String[0]));
    }

    private static String line(CliRun run, String step) {
        return run.out().lines().filter(l -> l.matches("\\[(ok|FAIL)\\] " + java.util.regex.Pattern.quote(step)
                + " \\(.*")).findFirst().orElseThrow(() -> new AssertionError("no line for " + step + ":\n" + run.out()));
    }

    @Test
    void everyStepOfTheStoryHappensAndTheDemoExitsZero() {
        CliRun run = demo("user15", "user16");
        for (String step : STEPS) {
            assertTrue(line(run, step).startsWith("[ok] "), step + "\n" + run.out());
        }
        assertTrue(line(run, "bob goes away with a note and alice sees it").endsWith(": away \"Back in 10 minutes\""),
                run.out());
        // pending, or waiting when an earlier run's subscription timed out (RFC 3857)
        assertTrue(line(run, "bob sees alice as a pending watcher").matches(".*: " + java.util.regex.Pattern.quote(
                server.aor("user15")) + " (pending|waiting)"), run.out());
        // the removed device's closed tuple (its extended status "away" kept) does not hide the offline note
        assertTrue(line(run, OFFLINE_NOTE_STEP).endsWith(": offline \"Gone fishing\""), run.out());
        assertTrue(run.out().contains("every step ok"), run.out());
        assertEquals(0, run.exitCode(), run.out());
    }

    @Test
    void stepsAreJsonEventsWithJson() {
        CliRun run = demo("user17", "user18", "--json");
        List<Map<String, Object>> steps = run.events().stream().filter(e -> "step".equals(e.get("event"))).toList();
        assertEquals(STEPS, steps.stream().map(e -> e.get("step")).toList(), run.out());
        assertEquals(true, steps.get(5).get("ok"), run.out());
    }
}
