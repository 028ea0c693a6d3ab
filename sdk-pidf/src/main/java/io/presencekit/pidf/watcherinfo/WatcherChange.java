package io.presencekit.pidf.watcherinfo;

import java.util.Objects;

/**
 * How one watcher changed when a document was applied to a {@link WatcherInfoState}. Immutable.
 *
 * @param kind         added, changed or removed
 * @param resource     the watched resource of the watcher's list
 * @param eventPackage the event package of the watcher's list
 * @param previous     the watcher as known before; null when {@link Kind#ADDED}
 * @param current      the watcher as the document gave it; null when {@link Kind#REMOVED} because a
 *                     full document no longer lists it (a removal by a {@code terminated} status
 *                     carries that terminated watcher, whose {@link Watcher#event()} says why)
 */
public record WatcherChange(Kind kind, String resource, String eventPackage, Watcher previous, Watcher current) {
    /** What happened to the watcher. */
    public enum Kind {
        /** A watcher subscription not known before. */
        ADDED,
        /** A known subscription with a new status, event or other attribute. */
        CHANGED,
        /** A subscription that ended (status terminated) or that a full document no longer lists. */
        REMOVED
    }

    public WatcherChange {
        Objects.requireNonNull(kind, "kind");
        if (kind != Kind.ADDED) {
            Objects.requireNonNull(previous, "previous");
        }
        if (kind != Kind.REMOVED) {
            Objects.requireNonNull(current, "current");
        }
    }

    /** The most recent view of the watcher: {@code current} if known, else {@code previous}. */
    public Watcher watcher() {
        return current != null ? current : previous;
    }

    /** The watcher subscription id. */
    public String id() {
        return watcher().id();
    }

    /**
     * Whether this change brings a watcher the user has not been asked about: it now awaits
     * authorization (pending or waiting) and did not before.
     */
    public boolean newlyAwaitsAuthorization() {
        return kind != Kind.REMOVED && current.awaitsAuthorization()
                && (previous == null || !previous.awaitsAuthorization());
    }
}
