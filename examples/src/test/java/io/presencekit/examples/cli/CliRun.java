package io.presencekit.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** One in-process run of the command line: its exit code and what it wrote. */
record CliRun(int exitCode, String out, String err) {
    static CliRun run(String... args) {
        return run(Map.of(), "", args);
    }

    static CliRun run(Map<String, String> env, String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
        int code = new PresenceKitCli(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), o, e, env)
                .execute(args);
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** The lines of standard output, each parsed as a JSON object. */
    List<Map<String, Object>> events() {
        List<Map<String, Object>> events = new ArrayList<>();
        for (String line : out.split("\n")) {
            if (!line.isEmpty()) {
                events.add(JsonReader.object(line));
            }
        }
        return events;
    }

    /**
     * A run in the background: the test reads its standard output while it runs (a command with
     * {@code --duration} ends by itself).
     */
    static Live start(Map<String, String> env, String... args) {
        return new Live(env, args);
    }

    /** A run in progress. */
    static final class Live {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final ByteArrayOutputStream err = new ByteArrayOutputStream();
        private final CompletableFuture<CliRun> done;

        private Live(Map<String, String> env, String... args) {
            PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
            PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
            done = CompletableFuture.supplyAsync(() -> {
                int code = new PresenceKitCli(new ByteArrayInputStream(new byte[0]), o, e, env).execute(args);
                return new CliRun(code, text(out), text(err));
            });
        }

        private static String text(ByteArrayOutputStream b) {
            synchronized (b) {
                return b.toString(StandardCharsets.UTF_8);
            }
        }

        /** The output so far. */
        CliRun soFar() {
            return new CliRun(done.isDone() ? done.join().exitCode() : -1, text(out), text(err));
        }

        /** The first complete output line's event that {@code match} accepts, waiting up to {@code timeout}. */
        Map<String, Object> await(Predicate<Map<String, Object>> match, Duration timeout, String what)
                throws InterruptedException {
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                String o = text(out);
                int last = o.lastIndexOf('\n');
                if (last >= 0) {
                    for (Map<String, Object> e : new CliRun(0, o.substring(0, last + 1), "").events()) {
                        if (match.test(e)) {
                            return e;
                        }
                    }
                }
                if (done.isDone() || System.nanoTime() > end) {
                    throw new AssertionError("no " + what + " within " + timeout + ":\n" + o + text(err));
                }
                Thread.sleep(50);
            }
        }

        /** The whole run, once it has ended by itself. */
        CliRun finish(Duration timeout) throws Exception {
            return done.get(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        }
    }
}
