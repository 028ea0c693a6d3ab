package io.presencekit.xml;

import java.util.Objects;

/**
 * A schema-level slip that a lenient reader tolerated: the document was kept, the slip recorded.
 * Immutable.
 *
 * @param kind    what sort of slip
 * @param message what was wrong and what the reader did about it
 * @param line    1-based line, or -1 when unknown
 * @param column  1-based column, or -1 when unknown
 */
public record ParseWarning(Kind kind, String message, int line, int column) {
    /** What sort of slip a warning reports. */
    public enum Kind {
        /** A schema rule was broken (order, a missing or repeated element or attribute, a bad core value); the data is kept. */
        SCHEMA,
        /** An extension whose registered reader could not read it was kept as a generic element instead. */
        KEPT_UNREAD
    }

    public ParseWarning {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(message, "message");
    }

    /** A {@link Kind#SCHEMA} warning. */
    public ParseWarning(String message, int line, int column) {
        this(Kind.SCHEMA, message, line, column);
    }

    @Override
    public String toString() {
        return line > 0 ? message + " (line " + line + ", column " + column + ")" : message;
    }
}
