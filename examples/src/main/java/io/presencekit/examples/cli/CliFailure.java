package io.presencekit.examples.cli;

/**
 * A command could not do what was asked for a reason that is not a protocol error (the contact to
 * remove does not exist, the body file cannot be read): exit code 1 and one line for people.
 * Immutable.
 */
final class CliFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String uri;

    /** A failure about {@code uri} (null when it concerns nothing addressable). */
    CliFailure(String message, String uri) {
        super(message);
        this.uri = uri;
    }

    CliFailure(String message, String uri, Throwable cause) {
        super(message, cause);
        this.uri = uri;
    }

    String uri() {
        return uri;
    }
}
