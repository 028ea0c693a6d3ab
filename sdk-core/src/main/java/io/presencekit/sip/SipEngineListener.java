package io.presencekit.sip;

/**
 * What the {@link SipEngine} reports about itself. All methods have empty defaults; implement
 * what you need. Called on the engine's event loop, one call at a time, in order: return quickly
 * and do not block.
 */
public interface SipEngineListener {

    /**
     * The registration changed state.
     *
     * @param state the new state
     * @param info  what the registrar granted, or null unless {@code state} is REGISTERED
     * @param error why the last attempt failed, or null
     */
    default void registrationChanged(RegistrationState state, RegistrationInfo info, SipException error) {
    }

    /**
     * The connection to the next hop broke (its TCP/TLS connection closed or reset, a keep-alive
     * could not be written, an I/O error) or stopped answering (a request timed out). The engine
     * re-registers by itself, with back-off, over a new connection.
     */
    default void connectionDegraded(String reason) {
    }

    /** A request to the next hop succeeded again after {@link #connectionDegraded}. */
    default void connectionRestored() {
    }

    /** Something failed that no future or other callback can report. */
    default void unexpectedError(Throwable error) {
    }
}
