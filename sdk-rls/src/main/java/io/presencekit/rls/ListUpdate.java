package io.presencekit.rls;

import java.util.List;
import java.util.Objects;

/**
 * What {@link ListState#apply} did with one notification: the outcome and the resources it
 * added, changed and removed (by URI, in notification order; the full keys with their list paths
 * are in {@link ListState#resources()}). Immutable.
 *
 * @param outcome whether the notification was applied and whether the subscription must be refreshed
 * @param added   URIs of resources that were not known before
 * @param changed URIs of known resources whose names, instances or content changed
 * @param removed URIs of resources a full state no longer lists
 */
public record ListUpdate(Outcome outcome, List<String> added, List<String> changed, List<String> removed) {
    /** What happened to a notification. */
    public enum Outcome {
        /** Applied in order. */
        APPLIED,
        /**
         * Applied, but the subscription must be refreshed (re-SUBSCRIBE) so that the server sends
         * full state: the first notification was not full state, or versions were skipped (RFC
         * 4662, section 5.5: a gap means notifications were lost). What it carried is the newest
         * information there is, so it was merged all the same.
         */
        REFRESH_NEEDED,
        /** Dropped: its version is not newer than the last one applied (a reordered or repeated NOTIFY). */
        STALE,
        /** Dropped: its list URI is not the one this state tracks. */
        OTHER_LIST
    }

    public ListUpdate {
        Objects.requireNonNull(outcome, "outcome");
        added = List.copyOf(added);
        changed = List.copyOf(changed);
        removed = List.copyOf(removed);
    }

    /** Whether the notification changed the state. */
    public boolean applied() {
        return outcome == Outcome.APPLIED || outcome == Outcome.REFRESH_NEEDED;
    }

    /** Whether the SIP layer must refresh the subscription. */
    public boolean needsRefresh() {
        return outcome == Outcome.REFRESH_NEEDED;
    }

    /** Whether nothing was added, changed or removed. */
    public boolean isEmpty() {
        return added.isEmpty() && changed.isEmpty() && removed.isEmpty();
    }
}
