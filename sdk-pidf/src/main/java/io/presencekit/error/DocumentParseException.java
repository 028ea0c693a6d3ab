package io.presencekit.error;

import java.util.Objects;

/**
 * An XML payload (PIDF, watcherinfo, RLMI, XCAP documents) could not be used.
 *
 * <p>Carries the position of the problem in the input (1-based line and column, {@code -1} when
 * the input has no position, for example an empty body) and a {@link Reason} so that callers and
 * tests can tell hostile input from a mere schema slip without matching message text.
 *
 * <p>Immutable and thread-safe.
 */
public class DocumentParseException extends PresenceKitException {
    private static final long serialVersionUID = 1L;

    /** Why a document was refused. */
    public enum Reason {
        /** The body is empty or only whitespace. */
        EMPTY,
        /** Not well-formed XML: syntax error, truncated input, two roots, unbound prefix, bad character. */
        MALFORMED,
        /** Bytes that are not valid in the declared or detected character encoding. */
        ENCODING,
        /** A construct refused for safety: DOCTYPE, entity declarations or references, external resources. */
        FORBIDDEN_CONSTRUCT,
        /** A configured limit (size, depth, attribute count or length, text length, element count) was hit. */
        LIMIT_EXCEEDED,
        /** Well-formed, but not the expected document type (root element or namespace). */
        WRONG_DOCUMENT,
        /** An element marked {@code mustUnderstand} that no registered reader understands (RFC 3863, 4.3.3). */
        MUST_UNDERSTAND,
        /** The document breaks its schema (strict mode, or a violation no lenient reading can repair). */
        SCHEMA
    }

    private final Reason reason;
    private final int line;
    private final int column;

    public DocumentParseException(Reason reason, String message, int line, int column) {
        this(reason, message, line, column, null);
    }

    public DocumentParseException(Reason reason, String message, int line, int column, Throwable cause) {
        super(format(message, line, column), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.line = line;
        this.column = column;
    }

    private static String format(String message, int line, int column) {
        return line > 0 ? message + " (line " + line + ", column " + column + ")" : message;
    }

    /** Why the document was refused. */
    public Reason reason() {
        return reason;
    }

    /** 1-based line of the problem, or -1 when unknown. */
    public int line() {
        return line;
    }

    /** 1-based column of the problem, or -1 when unknown. */
    public int column() {
        return column;
    }
}
