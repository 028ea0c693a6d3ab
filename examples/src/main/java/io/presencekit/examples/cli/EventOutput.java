package io.presencekit.examples.cli;

import java.io.PrintStream;
import java.util.Objects;

/**
 * Where commands report to: events on standard output, one line each, for people or (with
 * {@code --json}) as one JSON object per line; errors on standard error for people, and as
 * {@code error} events on standard output in JSON mode, so that a program reading the stream sees
 * them in order with the rest; progress details on standard error with {@code --verbose}.
 *
 * <p>Thread-safe: lines from several threads never interleave, and each is flushed at once.
 */
final class EventOutput {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean json;
    private final boolean verbose;

    EventOutput(PrintStream out, PrintStream err, boolean json, boolean verbose) {
        this.out = Objects.requireNonNull(out, "out");
        this.err = Objects.requireNonNull(err, "err");
        this.json = json;
        this.verbose = verbose;
    }

    boolean json() {
        return json;
    }

    boolean verbose() {
        return verbose;
    }

    /** Reports {@code event}. */
    synchronized void emit(Event event) {
        out.println(json ? event.toJson() : oneLine(event.text()));
        out.flush();
    }

    /** Reports a failure: {@code event} is an {@code error} event, its text the message. */
    synchronized void error(Event event) {
        if (json) {
            out.println(event.toJson());
            out.flush();
        } else {
            err.println("presencekit: " + oneLine(event.text()));
            err.flush();
        }
    }

    /** Writes {@code body} as it is (a document read by {@code xcap get}), ending it with a line break. */
    synchronized void raw(byte[] body) {
        out.write(body, 0, body.length);
        if (body.length > 0 && body[body.length - 1] != '\n') {
            out.println();
        }
        out.flush();
    }

    /** A detail for {@code --verbose}, on standard error. */
    synchronized void detail(String message) {
        if (verbose) {
            err.println("presencekit: " + oneLine(message));
            err.flush();
        }
    }

    /** A warning, always shown, on standard error. */
    synchronized void warn(String message) {
        err.println("presencekit: warning: " + oneLine(message));
        err.flush();
    }

    /** {@code s} with line breaks (which would split a line-per-event stream) shown as spaces. */
    static String oneLine(String s) {
        return s.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
