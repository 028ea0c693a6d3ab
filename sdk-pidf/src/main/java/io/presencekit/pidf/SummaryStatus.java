package io.presencekit.pidf;

/**
 * The one-word status of a contact that applications and the command line show
 * ({@code available|away|busy|offline|unknown}). See {@link ContactPresence#summary()} for how it
 * is derived.
 */
public enum SummaryStatus {
    AVAILABLE("available"),
    AWAY("away"),
    BUSY("busy"),
    OFFLINE("offline"),
    /** No document, or a document without any tuple. */
    UNKNOWN("unknown");

    private final String token;

    SummaryStatus(String token) {
        this.token = token;
    }

    /** The lower-case word used in JSON events and on the command line. */
    public String token() {
        return token;
    }
}
