package io.presencekit.gateway.xmpp.internal;

/**
 * The server's stream broke a rule: the component must answer with stream error
 * {@link #condition()} (RFC 6120, section 4.9.3) and close. Thrown by {@link StanzaStreamReader}.
 */
public final class StreamViolation extends Exception {
    private static final long serialVersionUID = 1L;

    private final String condition;

    public StreamViolation(String condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = condition;
    }

    /** The stream error condition to send. */
    public String condition() {
        return condition;
    }
}
