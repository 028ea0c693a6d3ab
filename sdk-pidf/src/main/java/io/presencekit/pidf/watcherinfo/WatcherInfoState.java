package io.presencekit.pidf.watcherinfo;

import io.presencekit.pidf.watcherinfo.WatcherChange.Kind;
import io.presencekit.pidf.watcherinfo.WatcherInfoUpdate.Outcome;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The watcher information a {@code presence.winfo} subscriber knows, merged from the full and
 * partial documents of one subscription the way RFC 3858, section 4 computes watcher lists (the
 * message flow of RFC 3857, section 5 is the typical use: a full document with a pending watcher,
 * then a partial one when the user has approved it).
 *
 * <p>Each document goes through {@link #apply(WatcherInfo)}, which compares its version with the
 * current one:
 * <ul>
 * <li>a version not newer than the current one is {@linkplain Outcome#STALE stale} and ignored;</li>
 * <li>a full document replaces everything;</li>
 * <li>a partial document is merged per watcher list (same {@code resource} and {@code package})
 * and, within a list, per watcher {@code id}: a known id is replaced in place, a new one appended;
 * if it skips versions (version &gt; current + 1), or comes before any full document, it is still
 * merged but the update {@linkplain WatcherInfoUpdate#needsRefresh() needs a refresh} so that the
 * SIP layer resubscribes and the notifier sends the full state.</li>
 * </ul>
 * A watcher whose status is {@code terminated} leaves the table: its subscription is over. It is
 * reported as {@linkplain WatcherChange.Kind#REMOVED removed}, with the terminated watcher telling
 * why. Watchers without an {@code id} (possible only in a lenient read) cannot be tracked and are
 * left out.
 *
 * <p>Versions are scoped to one subscription (one SIP dialog). When the SIP layer starts a new
 * subscription, it calls {@link #newSubscription()}: the table is kept, so that the first full
 * document of the new subscription reports only what really changed, and the version is forgotten.
 *
 * <p>Immutable and thread-safe: {@code apply} returns a new state in the {@link WatcherInfoUpdate}
 * and leaves this one as it was. A subscription keeps the latest state in one field, updated on its
 * own serialized event loop.
 */
public final class WatcherInfoState {
    private static final WatcherInfoState EMPTY = new WatcherInfoState(null, false, List.of(), Extras.NONE);

    private final Long version;
    private final boolean complete;
    private final List<WatcherList> watcherLists;
    private final Extras extras;

    private WatcherInfoState(Long version, boolean complete, List<WatcherList> watcherLists, Extras extras) {
        this.version = version;
        this.complete = complete;
        this.watcherLists = List.copyOf(watcherLists);
        this.extras = extras;
    }

    /** The state before any document: no version, no watchers. */
    public static WatcherInfoState empty() {
        return EMPTY;
    }

    /** The version of the last applied document; empty before the first one and after {@link #newSubscription()}. */
    public OptionalLong version() {
        return version == null ? OptionalLong.empty() : OptionalLong.of(version);
    }

    /**
     * Whether the table is known to be complete: a full document was applied and no document was
     * missed since (no gap, no partial document without a full one before it).
     */
    public boolean isComplete() {
        return complete;
    }

    /** The watcher lists, in the order first seen, with their current watchers (none terminated). */
    public List<WatcherList> watcherLists() {
        return watcherLists;
    }

    /** The watcher list for {@code resource} and {@code eventPackage}, if known. */
    public Optional<WatcherList> watcherList(String resource, String eventPackage) {
        return watcherLists.stream().filter(l -> Objects.equals(resource, l.resource())
                && Objects.equals(eventPackage, l.eventPackage())).findFirst();
    }

    /** Every current watcher of every list. */
    public List<Watcher> watchers() {
        return watcherLists.stream().flatMap(l -> l.watchers().stream()).toList();
    }

    /** The current watchers in {@code status}. */
    public List<Watcher> watchers(WatcherStatus status) {
        return watchers().stream().filter(w -> w.status() == status).toList();
    }

    /** The current watchers that await the user's decision (pending or waiting). */
    public List<Watcher> awaitingAuthorization() {
        return watchers().stream().filter(Watcher::awaitsAuthorization).toList();
    }

    /** The top-level extras of the last full document, or of a later partial document that carried any. */
    public Extras extras() {
        return extras;
    }

    /** This state as a full-state document at the current version (no version if none is known). */
    public WatcherInfo toDocument() {
        WatcherInfo.Builder b = WatcherInfo.builder().state(WatcherInfo.State.FULL).extras(extras);
        if (version != null) {
            b.version(version);
        }
        watcherLists.forEach(b::watcherList);
        return b.build();
    }

    /**
     * This table without a version, for the next subscription: its first document must be full,
     * and is compared with this table to report changes. Not {@linkplain #isComplete() complete}.
     */
    public WatcherInfoState newSubscription() {
        return new WatcherInfoState(null, false, watcherLists, extras);
    }

    /**
     * Applies one document received on this subscription and returns the outcome, the new state
     * and the watchers that changed. This state is not modified.
     */
    public WatcherInfoUpdate apply(WatcherInfo document) {
        Objects.requireNonNull(document, "document");
        if (document.version().isEmpty() || document.state() == null) {
            return new WatcherInfoUpdate(Outcome.UNUSABLE, this, List.of());
        }
        long v = document.version().getAsLong();
        if (version != null && v <= version) {
            return new WatcherInfoUpdate(Outcome.STALE, this, List.of());
        }
        boolean full = document.isFull();
        Table next = full ? new Table() : new Table(watcherLists);
        Map<Key, Watcher> terminated = new HashMap<>();
        for (WatcherList list : document.watcherLists()) {
            next.merge(list, terminated);
        }
        Extras nextExtras = full || !document.extras().isEmpty() ? document.extras() : extras;
        List<WatcherChange> changes = diff(new Table(watcherLists), next, terminated);
        Outcome outcome;
        boolean nextComplete;
        if (full) {
            outcome = Outcome.APPLIED;
            nextComplete = true;
        } else {
            boolean gap = version == null || v > version + 1;
            outcome = gap ? Outcome.APPLIED_NEEDS_REFRESH : Outcome.APPLIED;
            nextComplete = complete && !gap;
        }
        return new WatcherInfoUpdate(outcome, new WatcherInfoState(v, nextComplete, next.toLists(), nextExtras),
                changes);
    }

    private static List<WatcherChange> diff(Table before, Table after, Map<Key, Watcher> terminated) {
        List<WatcherChange> changes = new ArrayList<>();
        for (Row list : after.lists.values()) {
            Row old = before.lists.get(list.key);
            for (Watcher w : list.watchers.values()) {
                Watcher prev = old == null ? null : old.watchers.get(w.id());
                if (prev == null) {
                    changes.add(new WatcherChange(Kind.ADDED, list.resource, list.eventPackage, null, w));
                } else if (!prev.equals(w)) {
                    changes.add(new WatcherChange(Kind.CHANGED, list.resource, list.eventPackage, prev, w));
                }
            }
        }
        for (Row list : before.lists.values()) {
            Row now = after.lists.get(list.key);
            for (Watcher w : list.watchers.values()) {
                if (now == null || !now.watchers.containsKey(w.id())) {
                    Watcher end = terminated.get(new Key(list.key, w.id()));
                    changes.add(new WatcherChange(Kind.REMOVED, list.resource, list.eventPackage, w, end));
                }
            }
        }
        return changes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WatcherInfoState s && Objects.equals(version, s.version) && complete == s.complete
                && watcherLists.equals(s.watcherLists) && extras.equals(s.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(version, complete, watcherLists, extras);
    }

    @Override
    public String toString() {
        return "WatcherInfoState[version=" + version + ", complete=" + complete + ", watcherLists=" + watcherLists
                + "]";
    }

    /** A watcher list's identity: RFC 3858 keys the subscriber's tables by resource and package. */
    private record ListKey(String resource, String eventPackage) {
    }

    /** A watcher's identity across documents. */
    private record Key(ListKey list, String id) {
    }

    /** A working copy of one watcher list: its attributes and its watchers by id, in order. */
    private static final class Row {
        final ListKey key;
        final String resource;
        final String eventPackage;
        Extras extras;
        final LinkedHashMap<String, Watcher> watchers = new LinkedHashMap<>();

        Row(WatcherList l) {
            this.key = new ListKey(l.resource(), l.eventPackage());
            this.resource = l.resource();
            this.eventPackage = l.eventPackage();
            this.extras = l.extras();
        }
    }

    /** The working copy of the whole table while a document is applied. */
    private static final class Table {
        final LinkedHashMap<ListKey, Row> lists = new LinkedHashMap<>();

        Table() {
        }

        Table(List<WatcherList> from) {
            for (WatcherList l : from) {
                Row row = new Row(l);
                for (Watcher w : l.watchers()) {
                    row.watchers.put(w.id(), w);
                }
                lists.put(row.key, row);
            }
        }

        void merge(WatcherList list, Map<Key, Watcher> terminated) {
            ListKey key = new ListKey(list.resource(), list.eventPackage());
            Row row = lists.get(key);
            if (row == null) {
                row = new Row(list);
                lists.put(key, row);
            } else if (!list.extras().isEmpty()) {
                row.extras = list.extras();
            }
            for (Watcher w : list.watchers()) {
                if (w.id() == null) {
                    continue;
                }
                if (w.status() == WatcherStatus.TERMINATED) {
                    row.watchers.remove(w.id());
                    terminated.put(new Key(key, w.id()), w);
                } else {
                    // put on a known key keeps its position: an updated watcher stays where it was
                    row.watchers.put(w.id(), w);
                    terminated.remove(new Key(key, w.id()));
                }
            }
        }

        List<WatcherList> toLists() {
            List<WatcherList> out = new ArrayList<>(lists.size());
            for (Row row : lists.values()) {
                WatcherList.Builder b = WatcherList.builder(row.resource, row.eventPackage).extras(row.extras);
                row.watchers.values().forEach(b::watcher);
                out.add(b.build());
            }
            return out;
        }
    }
}
