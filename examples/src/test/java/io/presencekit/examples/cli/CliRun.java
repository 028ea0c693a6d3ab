package io.presencekit.examples.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
}
