package io.presencekit.pidf.watcherinfo;

import java.util.List;
import java.util.Objects;

/**
 * What {@link WatcherInfoState#apply} did with one document: the outcome, the state to keep from
 * now on, and the watchers that changed. Immutable.
 *
 * @param outcome whether the document was applied, and whether the subscription must be refreshed
 * @param state   the state after the document (the same instance when nothing was applied)
 * @param changes the watchers added, changed and removed, in document order (removals last)
 */
public record WatcherInfoUpdate(Outcome outcome, WatcherInfoState state, List<WatcherChange> changes) {
    /** What happened to the document. */
    public enum Outcome {
        /** Applied: a full document, or the partial document that follows the current version. */
        APPLIED,
        /**
         * Applied, but documents are missing: a partial document skipped versions or came with no
         * full document before it. The state may be wrong until a full document arrives, so the
         * SIP layer should refresh the subscription (RFC 3858, section 4), which makes the
         * notifier send the full state.
         */
        APPLIED_NEEDS_REFRESH,
        /** Ignored: its version is not newer than the current one (a retransmission or a reordered NOTIFY). */
        STALE,
        /**
         * Ignored: a lenient read found no usable {@code version} or {@code state}, so the document
         * cannot be placed. The SIP layer should refresh the subscription.
         */
        UNUSABLE
    }

    public WatcherInfoUpdate {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(state, "state");
        changes = List.copyOf(changes);
    }

    /** Whether the document changed the state's version and table. */
    public boolean applied() {
        return outcome == Outcome.APPLIED || outcome == Outcome.APPLIED_NEEDS_REFRESH;
    }

    /** Whether the SIP layer should refresh the subscription to get a full document. */
    public boolean needsRefresh() {
        return outcome == Outcome.APPLIED_NEEDS_REFRESH || outcome == Outcome.UNUSABLE;
    }

    /** The watcher subscriptions not known before. */
    public List<WatcherChange> added() {
        return of(WatcherChange.Kind.ADDED);
    }

    /** The known watcher subscriptions that changed. */
    public List<WatcherChange> changed() {
        return of(WatcherChange.Kind.CHANGED);
    }

    /** The watcher subscriptions that ended or that a full document no longer lists. */
    public List<WatcherChange> removed() {
        return of(WatcherChange.Kind.REMOVED);
    }

    /**
     * The watchers that now await the user's decision and did not before (new pending watchers,
     * and known ones that became pending or waiting): the ones to ask the user about.
     */
    public List<Watcher> newlyAwaitingAuthorization() {
        return changes.stream().filter(WatcherChange::newlyAwaitsAuthorization).map(WatcherChange::current).toList();
    }

    private List<WatcherChange> of(WatcherChange.Kind kind) {
        return changes.stream().filter(c -> c.kind() == kind).toList();
    }
}
