package io.presencekit.sip.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tracks whether the next hop is reachable and tells the usages: {@link #degraded} on an I/O
 * error reported by the stack (failed connect, broken TCP/TLS connection), a flow the
 * {@link FlowMonitor} found closed or could not keep alive, or a request that timed out; {@link #answered} when a response arrives again, which reports the connection restored.
 * Usages (registration now; publications and subscriptions later) add a {@link Listener} to
 * re-establish themselves. Confined to the event loop; listeners are called on it.
 */
public final class ConnectionMonitor {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionMonitor.class);

    /** Reacts to the next hop going away and coming back. Both methods default to nothing. */
    public interface Listener {
        default void connectionLost(String reason) {
        }

        default void connectionRestored() {
        }
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private boolean degraded;

    public void addListener(Listener l) {
        listeners.add(l);
    }

    public void removeListener(Listener l) {
        listeners.remove(l);
    }

    /** Whether the last thing heard from the next hop was a failure. */
    public boolean isDegraded() {
        return degraded;
    }

    /** The next hop failed; listeners hear about every failure, so they may retry. */
    public void degraded(String reason) {
        if (!degraded) {
            LOG.info("connection to the next hop degraded: {}", reason);
        }
        degraded = true;
        for (Listener l : listeners) {
            l.connectionLost(reason);
        }
    }

    private int flowPort;

    /**
     * A message came from the next hop over the local TCP/TLS port {@code localPort} (0: unknown). The stack
     * silently opens a new connection when the old one is gone (a restarted server), so a message
     * on another local port than before means the flow was replaced: whatever the server kept of
     * the old one (connection aliases, NOTIFY targets) is gone, and the usages must start again
     * as after a loss. Reported as a loss here; the answer that follows reports it restored.
     */
    public void flowSeen(int localPort) {
        if (localPort <= 0) {
            return;
        }
        int previous = flowPort;
        flowPort = localPort;
        if (previous != 0 && previous != localPort) {
            degraded("the connection to the next hop was replaced (local port " + previous + " -> "
                    + localPort + ")");
        }
    }

    /** A response came from the next hop. */
    public void answered() {
        if (degraded) {
            degraded = false;
            LOG.info("connection to the next hop restored");
            for (Listener l : listeners) {
                l.connectionRestored();
            }
        }
    }
}
