package io.presencekit.sip;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * The engine's registration (RFC 3261, section 10; RFC 5627): REGISTER with {@code Supported: gruu}
 * and {@code +sip.instance}, refreshed at {@code max(1 s, expires - 30 s, expires / 2)}, 423 answered
 * with the server's Min-Expires, failures retried with capped, jittered back-off (or after the
 * server's Retry-After), and a lost connection answered with a new REGISTER. State changes go to
 * {@link SipEngineListener#registrationChanged}.
 *
 * <p>Thread-safe.
 */
public interface Registration {

    /** The current state. */
    RegistrationState state();

    /** What the registrar granted, while registered. */
    Optional<RegistrationInfo> info();

    /** Registers (or refreshes) now; completes when the registrar answers 2xx. */
    CompletableFuture<RegistrationInfo> register();

    /** Removes our binding ({@code Expires: 0}) and stops refreshing. */
    CompletableFuture<Void> unregister();
}
