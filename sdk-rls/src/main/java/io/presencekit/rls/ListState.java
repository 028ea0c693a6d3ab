package io.presencekit.rls;

import io.presencekit.rls.ListNotification.InstanceNotification;
import io.presencekit.rls.ListNotification.ResourceNotification;
import io.presencekit.rls.ResourceState.TrackedInstance;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * The state of a subscribed resource list, reconciled from its notifications (RFC 4662, section
 * 5.5): the members with their names, instances and latest decoded documents. Each decoded
 * notification goes through {@link #apply(ListNotification)}:
 * <ul>
 * <li>a version not newer than the last applied one is {@linkplain ListUpdate.Outcome#STALE
 * stale} and dropped;</li>
 * <li>a full-state notification replaces the list: members it does not name are removed, and the
 * instances of those it names are exactly the ones it lists;</li>
 * <li>a partial-state notification touches only the resources it names, and within each
 * resource only the instances it names (by {@code id}, which is unique per resource only);</li>
 * <li>a first notification that is not full state, or one that skips versions (version &gt;
 * last + 1), is merged all the same, but the outcome is
 * {@linkplain ListUpdate.Outcome#REFRESH_NEEDED refresh needed}: the SIP layer re-SUBSCRIBEs so
 * that the server sends full state;</li>
 * <li>an instance in state {@code terminated} leaves the resource's live instances and is kept as
 * the resource's {@linkplain ResourceState#termination() termination}, with its reason; a
 * resource is removed only by a full state that no longer names it;</li>
 * <li>nested lists (a resource whose instance holds a {@code multipart/related} part with its own
 * RLMI, section 5.3) are flattened: their members are resources whose
 * {@linkplain ResourceState#path() path} ends with the nested list's URI; each nested list has its
 * own version sequence, checked the same way.</li>
 * </ul>
 *
 * <p>Kamailio's list server is handled without special modes: its first NOTIFY is full state
 * with resources but no instances (they are kept, {@linkplain ResourceState#state() state}
 * empty, until partial NOTIFYs bring instances), it uses one instance id for every resource
 * (instances are keyed per resource), and members pending on its back end never get an instance
 * (they stay known, without state). An instance that is notified again without a {@code cid}
 * keeps its previous content.
 *
 * <p>Not thread-safe: a subscription owns one instance and uses it on its serialized event loop.
 */
public final class ListState {
    private record Key(List<String> path, String uri) {
    }

    private final String listUri;
    // the last applied version per list: the subscribed list by its URI, nested lists by path
    private final Map<List<String>, Long> versions = new HashMap<>();
    private final LinkedHashMap<Key, ResourceState> resources = new LinkedHashMap<>();

    private ListState(String listUri) {
        this.listUri = listUri;
    }

    /** A state for whatever list the notifications describe. */
    public static ListState create() {
        return new ListState(null);
    }

    /**
     * A state that accepts only notifications for {@code listUri} (others are
     * {@linkplain ListUpdate.Outcome#OTHER_LIST dropped}), the subscribed list's URI.
     */
    public static ListState forList(String listUri) {
        return new ListState(Objects.requireNonNull(listUri, "listUri"));
    }

    /** The version of the last notification applied, if any. */
    public OptionalLong version() {
        for (Map.Entry<List<String>, Long> e : versions.entrySet()) {
            if (e.getKey().size() == 1) {
                return OptionalLong.of(e.getValue());
            }
        }
        return OptionalLong.empty();
    }

    /** A snapshot of every known resource, nested list members included, in first-notified order. */
    public List<ResourceState> resources() {
        return List.copyOf(resources.values());
    }

    /** The first known resource with {@code uri}, at any depth. */
    public Optional<ResourceState> resource(String uri) {
        for (ResourceState r : resources.values()) {
            if (r.uri().equals(uri)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The resource with {@code uri} in the list reached by {@code path}. */
    public Optional<ResourceState> resource(List<String> path, String uri) {
        return Optional.ofNullable(resources.get(new Key(List.copyOf(path), uri)));
    }

    /** Number of known resources, nested list members included. */
    public int size() {
        return resources.size();
    }

    /**
     * Forgets the versions, for a new subscription (a new dialog starts its own version
     * sequence), keeping the resources so that its first full state reports only real changes.
     */
    public void newSubscription() {
        versions.clear();
    }

    /** Forgets everything. */
    public void clear() {
        versions.clear();
        resources.clear();
    }

    /** Applies one notification; see the class description. */
    public ListUpdate apply(ListNotification notification) {
        RlmiList list = notification.list();
        if (listUri != null && !listUri.equals(list.uri())) {
            return new ListUpdate(ListUpdate.Outcome.OTHER_LIST, List.of(), List.of(), List.of());
        }
        List<String> rootKey = List.of(String.valueOf(list.uri()));
        if (isStale(rootKey, list)) {
            return new ListUpdate(ListUpdate.Outcome.STALE, List.of(), List.of(), List.of());
        }
        Changes changes = new Changes();
        // one root version sequence: a list URI seen before this one no longer counts
        versions.keySet().removeIf(p -> p.size() == 1 && !p.equals(rootKey));
        boolean refresh = track(rootKey, list);
        Set<Key> seen = new HashSet<>();
        refresh |= applyList(notification, rootKey, seen, changes);
        if (list.fullState()) {
            // a new root list URI also replaces what came from an old one
            remove(k -> true, seen, changes);
        }
        return new ListUpdate(refresh ? ListUpdate.Outcome.REFRESH_NEEDED : ListUpdate.Outcome.APPLIED,
                changes.added, changes.changed, changes.removed);
    }

    private boolean isStale(List<String> key, RlmiList list) {
        Long last = versions.get(key);
        return last != null && list.version().isPresent() && list.version().getAsLong() <= last;
    }

    /** Records the list's version; true when the subscription needs a refresh. */
    private boolean track(List<String> key, RlmiList list) {
        Long last = versions.get(key);
        if (list.version().isEmpty()) {
            return true;
        }
        long v = list.version().getAsLong();
        versions.put(key, v);
        if (last == null) {
            return !list.fullState();
        }
        return v > last + 1;
    }

    private boolean applyList(ListNotification n, List<String> path, Set<Key> seen, Changes changes) {
        RlmiList list = n.list();
        boolean full = list.fullState();
        boolean refresh = false;
        for (ResourceNotification rn : n.resources()) {
            String uri = rn.uri();
            if (uri == null) {
                continue;
            }
            Key key = new Key(path, uri);
            seen.add(key);
            ResourceState old = resources.get(key);
            boolean fresh = full || old == null;
            List<TrackedInstance> instances = fresh ? new ArrayList<>() : new ArrayList<>(old.instances());
            Optional<TrackedInstance> termination = fresh ? Optional.empty() : old.termination();
            boolean isList = old != null && old.list();
            for (InstanceNotification in : rn.instances()) {
                Instance i = in.instance();
                if (i.state() == null) {
                    continue; // a lenient read could not tell its state: nothing to track
                }
                int at = indexOf(instances, i.id());
                if (i.state() == Instance.State.TERMINATED) {
                    if (at >= 0) {
                        instances.remove(at);
                    }
                    termination = Optional.of(new TrackedInstance(i.id(), i.state(), i.reason().orElse(null),
                            PartContent.None.INSTANCE));
                    continue;
                }
                PartContent content = in.content();
                if (content instanceof PartContent.None && at >= 0) {
                    // notified again without a part (a state change only): the latest content still holds
                    content = instances.get(at).content();
                }
                TrackedInstance t = new TrackedInstance(i.id(), i.state(), i.reason().orElse(null), content);
                if (at >= 0) {
                    instances.set(at, t);
                } else {
                    instances.add(t);
                }
                if (in.content() instanceof PartContent.NestedList nested) {
                    isList = true;
                    refresh |= applyNested(nested.list(), append(path, uri), seen, changes);
                }
            }
            List<Name> names = rn.resource().names().isEmpty() && old != null ? old.names() : rn.resource().names();
            ResourceState state = new ResourceState(uri, names, path, instances, termination, isList);
            if (old == null) {
                changes.added.add(uri);
            } else if (!old.equals(state)) {
                changes.changed.add(uri);
            }
            resources.put(key, state);
        }
        if (!full) {
            // a partial state leaves every member it does not name as it is, nested ones included
            for (Key k : resources.keySet()) {
                if (startsWith(k.path(), path)) {
                    seen.add(k);
                }
            }
        }
        return refresh;
    }

    private boolean applyNested(ListNotification nested, List<String> path, Set<Key> seen, Changes changes) {
        if (isStale(path, nested.list())) {
            for (Key k : resources.keySet()) {
                if (startsWith(k.path(), path)) {
                    seen.add(k);
                }
            }
            return false;
        }
        boolean refresh = track(path, nested.list());
        refresh |= applyList(nested, path, seen, changes);
        return refresh;
    }

    private void remove(java.util.function.Predicate<Key> scope, Set<Key> seen, Changes changes) {
        for (Iterator<Map.Entry<Key, ResourceState>> it = resources.entrySet().iterator(); it.hasNext();) {
            Key k = it.next().getKey();
            if (scope.test(k) && !seen.contains(k)) {
                it.remove();
                changes.removed.add(k.uri());
            }
        }
        versions.keySet().removeIf(p -> p.size() > 1 && resources.keySet().stream()
                .noneMatch(k -> k.path().equals(p)));
    }

    private static int indexOf(List<TrackedInstance> instances, String id) {
        for (int i = 0; i < instances.size(); i++) {
            if (Objects.equals(instances.get(i).id(), id)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(List<String> path, List<String> prefix) {
        return path.size() >= prefix.size() && path.subList(0, prefix.size()).equals(prefix);
    }

    private static List<String> append(List<String> path, String uri) {
        List<String> p = new ArrayList<>(path.size() + 1);
        p.addAll(path);
        p.add(uri);
        return List.copyOf(p);
    }

    private static final class Changes {
        final List<String> added = new ArrayList<>();
        final List<String> changed = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
    }
}
