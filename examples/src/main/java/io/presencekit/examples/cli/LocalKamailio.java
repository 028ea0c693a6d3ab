package io.presencekit.examples.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The project's Kamailio (interop/kamailio: registrar, presence agent, RLS and XCAP server on free
 * loopback ports) in a temporary run directory, for {@code presencekit demo}: {@code start.sh}
 * starts it (installing the Debian packages when missing) and prints {@code KEY=value} lines,
 * {@code stop.sh --clean} stops exactly that server and removes its run directory.
 *
 * <p>The harness is found under the repository root: the {@code PRESENCEKIT_HOME} environment
 * variable (the {@code presencekit} script sets it), else the working directory or one of its
 * parents, else the directory of the running jar or one of its parents.
 */
final class LocalKamailio {
    static final String HOME_ENV = "PRESENCEKIT_HOME";
    private static final String HARNESS = "interop/kamailio";

    private final Path harness;
    private final Path runDir;
    private final Map<String, String> env;
    private boolean stopped;

    private LocalKamailio(Path harness, Path runDir, Map<String, String> env) {
        this.harness = harness;
        this.runDir = runDir;
        this.env = env;
    }

    /** Starts a server; fails with the reason (start.sh's last words) when it does not run. */
    static LocalKamailio start(Map<String, String> environment, EventOutput out) {
        Path harness = findHarness(environment);
        Path runDir;
        try {
            runDir = Files.createTempDirectory("presencekit-demo-kamailio");
            Files.delete(runDir); // start.sh creates it, and --clean removes only what it made
        } catch (IOException e) {
            throw new CliFailure("cannot make a temporary directory: " + e.getMessage(), null, e);
        }
        ProcessBuilder pb = new ProcessBuilder("bash", harness.resolve("start.sh").toString(), "--run-dir",
                runDir.toString()).redirectErrorStream(false);
        pb.redirectError(ProcessBuilder.Redirect.PIPE);
        Map<String, String> env = new HashMap<>();
        String stdout;
        String stderr;
        int code;
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var err = p.getErrorStream();
            Thread drain = new Thread(() -> {
                try {
                    byte[] b = err.readAllBytes();
                    out.detail(new String(b, StandardCharsets.UTF_8));
                    synchronized (env) {
                        env.put("\0stderr", new String(b, StandardCharsets.UTF_8));
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            }, "kamailio-start-stderr");
            drain.start();
            stdout = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(15, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new CliFailure("interop/kamailio/start.sh did not finish", null);
            }
            drain.join(5000);
            code = p.exitValue();
            synchronized (env) {
                stderr = env.getOrDefault("\0stderr", "");
                env.clear();
            }
        } catch (IOException e) {
            throw new CliFailure("cannot run interop/kamailio/start.sh: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CliFailure("interrupted while starting Kamailio", null, e);
        }
        for (String line : stdout.split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0 && line.substring(0, eq).matches("[A-Z_]+")) {
                env.put(line.substring(0, eq), line.substring(eq + 1).strip());
            }
        }
        LocalKamailio k = new LocalKamailio(harness, runDir, env);
        if (code != 0 || !env.containsKey("SIP_TCP") || !env.containsKey("XCAP_ROOT")) {
            k.stop();
            List<String> lines = stderr.lines().filter(l -> !l.isBlank()).toList();
            String last = lines.isEmpty() ? "" : ": " + String.join(" / ",
                    lines.subList(Math.max(0, lines.size() - 3), lines.size()));
            throw new CliFailure("interop/kamailio/start.sh failed (exit " + code + ")" + last, null);
        }
        return k;
    }

    private static Path findHarness(Map<String, String> environment) {
        String home = environment.get(HOME_ENV);
        if (home != null && !home.isBlank()) {
            Path h = Path.of(home).resolve(HARNESS);
            if (Files.isRegularFile(h.resolve("start.sh"))) {
                return h;
            }
        }
        for (Path start : new Path[] {Path.of("").toAbsolutePath(), jarDirectory()}) {
            for (Path d = start; d != null; d = d.getParent()) {
                if (Files.isRegularFile(d.resolve(HARNESS).resolve("start.sh"))) {
                    return d.resolve(HARNESS);
                }
            }
        }
        throw new CliFailure("cannot find interop/kamailio/start.sh: run the demo from the repository (or set "
                + HOME_ENV + " to it), or give a server with --proxy and --xcap-root", null);
    }

    private static Path jarDirectory() {
        try {
            return Path.of(LocalKamailio.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                    .toAbsolutePath().getParent();
        } catch (Exception e) {
            return null;
        }
    }

    /** The outbound proxy: SIP over TCP on the loopback. */
    String proxy() {
        return "sip:" + env.get("SIP_TCP") + ";transport=tcp";
    }

    /** The plain-HTTP XCAP root. */
    String xcapRoot() {
        return env.get("XCAP_ROOT");
    }

    /** Stops the server and removes its run directory (once; later calls do nothing). */
    synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Process p = new ProcessBuilder("bash", harness.resolve("stop.sh").toString(), "--run-dir",
                    runDir.toString(), "--clean").redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            if (!p.waitFor(30, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        } catch (IOException e) {
            // nothing more to do: the run directory stays
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
