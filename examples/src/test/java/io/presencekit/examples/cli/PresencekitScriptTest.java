package io.presencekit.examples.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The {@code presencekit} script at the repository root, run as a process. */
class PresencekitScriptTest {
    private static final Path SCRIPT = Path.of("").toAbsolutePath().getParent().resolve("presencekit");

    private static String[] run(String... args) throws IOException, InterruptedException {
        String[] cmd = new String[args.length + 1];
        cmd[0] = SCRIPT.toString();
        System.arraycopy(args, 0, cmd, 1, args.length);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        // run from the test's class path: this test checks the script, not a second Maven build
        pb.environment().put("PRESENCEKIT_CLASSPATH", System.getProperty("java.class.path"));
        pb.environment().remove("PRESENCEKIT_PASSWORD");
        Path err = Files.createTempFile("presencekit-err", ".txt");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "the script did not end");
        String errText = Files.readString(err);
        Files.delete(err);
        return new String[] {String.valueOf(p.exitValue()), out, errText};
    }

    @Test
    void scriptIsExecutableAndPrintsTheUsageWithHelp() throws Exception {
        assertTrue(Files.isExecutable(SCRIPT), SCRIPT + " is not executable");
        String[] r = run("--help");
        assertEquals("0", r[0], r[2]);
        assertTrue(r[1].startsWith("Usage: presencekit"), r[1]);
        assertTrue(r[1].contains("contacts") && r[1].contains("xcap") && r[1].contains("--xcap-root"), r[1]);
    }

    @Test
    void scriptPassesArgumentsAndTheExitCodeThrough() throws Exception {
        String[] r = run("--json", "contacts", "remove");
        assertEquals("2", r[0], r[2]);
        assertTrue(r[1].startsWith("{\"event\":\"error\""), r[1]);
    }
}
