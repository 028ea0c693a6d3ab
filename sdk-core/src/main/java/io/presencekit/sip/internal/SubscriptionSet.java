package io.presencekit.sip.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The live subscriptions of one engine and their recovery: when the {@link ConnectionMonitor}
 * reports the next hop lost or back, every established subscription starts again on a new
 * dialog, each after a random delay spread over a window that grows with their number
 * ({@value #SPREAD_PER_SUBSCRIPTION_MS} ms each, at most {@link #MAX_SPREAD}), so that thousands
 * of subscriptions do not hit the server in the same instant. A subscription already on its way
 * back is not scheduled twice. Confined to the event loop.
 */
public final class SubscriptionSet implements ConnectionMonitor.Listener {
    static final long SPREAD_PER_SUBSCRIPTION_MS = 20;
    static final Duration MIN_SPREAD = Duration.ofMillis(500);
    static final Duration MAX_SPREAD = Duration.ofSeconds(30);

    private final Set<SubscriptionUsage> live = Collections.newSetFromMap(new IdentityHashMap<>());
    private final Random random;

    public SubscriptionSet(Random random) {
        this.random = random;
    }

    void add(SubscriptionUsage s) {
        live.add(s);
    }

    void remove(SubscriptionUsage s) {
        live.remove(s);
    }

    /** How many subscriptions are live. */
    public int size() {
        return live.size();
    }

    @Override
    public void connectionLost(String reason) {
        recoverAll();
    }

    @Override
    public void connectionRestored() {
        recoverAll();
    }

    private void recoverAll() {
        List<SubscriptionUsage> todo = new ArrayList<>();
        for (SubscriptionUsage s : live) {
            if (s.recoverable()) {
                todo.add(s);
            }
        }
        if (todo.isEmpty()) {
            return;
        }
        long spread = Math.max(MIN_SPREAD.toMillis(), Math.min(MAX_SPREAD.toMillis(),
                todo.size() * SPREAD_PER_SUBSCRIPTION_MS));
        for (SubscriptionUsage s : todo) {
            s.recover(Duration.ofMillis((long) (random.nextDouble() * spread)));
        }
    }

    /** Ends every live subscription (un-SUBSCRIBE); completes when all are over. */
    public CompletableFuture<Void> endAll() {
        List<CompletableFuture<Void>> all = new ArrayList<>();
        for (SubscriptionUsage s : new ArrayList<>(live)) {
            all.add(s.end());
        }
        return CompletableFuture.allOf(all.toArray(new CompletableFuture[0]));
    }

    /** Stops every subscription without sending anything (engine closing). */
    public void stopAll() {
        for (SubscriptionUsage s : new ArrayList<>(live)) {
            s.stop();
        }
        live.clear();
    }
}
