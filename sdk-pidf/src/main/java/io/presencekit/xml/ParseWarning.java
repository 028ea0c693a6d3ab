package io.presencekit.xml;

import java.util.Objects;

/**
 * A schema-level slip that a lenient reader tolerated: the document was kept, the slip recorded.
 * Immutable.
 *
 * @param message what was wrong and what the reader did about it
 * @param line    1-based line, or -1 when unknown
 * @param column  1-based column, or -1 when unknown
 */
public record ParseWarning(String message, int line, int column) {
    public ParseWarning {
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line > 0 ? message + " (line " + line + ", column " + column + ")" : message;
    }
}
