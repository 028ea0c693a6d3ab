package io.presencekit;

import java.util.Objects;
import java.util.Optional;

/**
 * The state of a {@link PresenceClient} as a whole: {@link Status#STARTING} until the first
 * registration (RFC 3261, section 10) succeeds, {@link Status#ONLINE} while registered with
 * everything working, {@link Status#DEGRADED} with a reason while something does not work (the
 * connection to the server was lost and is being recovered, the XCAP server cannot be reached so
 * the address book is unavailable while presence still works), {@link Status#OFFLINE} after
 * close or when start failed.
 *
 * <p>Immutable.
 *
 * @param status the state
 * @param reason why the client is degraded or offline, when known
 */
public record ClientState(Status status, Optional<String> reason) {
    /** The four states. */
    public enum Status {
        STARTING, ONLINE, DEGRADED, OFFLINE
    }

    public static final ClientState STARTING = new ClientState(Status.STARTING, Optional.empty());
    public static final ClientState ONLINE = new ClientState(Status.ONLINE, Optional.empty());
    public static final ClientState OFFLINE = new ClientState(Status.OFFLINE, Optional.empty());

    public ClientState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(reason, "reason");
    }

    /** Degraded because of {@code reason}. */
    public static ClientState degraded(String reason) {
        return new ClientState(Status.DEGRADED, Optional.of(Objects.requireNonNull(reason, "reason")));
    }

    /** Offline because of {@code reason}. */
    public static ClientState offline(String reason) {
        return new ClientState(Status.OFFLINE, Optional.of(Objects.requireNonNull(reason, "reason")));
    }
}
