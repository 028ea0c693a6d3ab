package io.presencekit.rls;

import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.watcherinfo.WatcherInfo;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@link ListState} knows about one list member: its URI, names, the path of list URIs
 * from the subscribed list down to the list that holds it (nested lists, RFC 4662, section 5.3,
 * are flattened), its live back-end subscription instances with their latest decoded content,
 * and the last instance termination, with its reason.
 *
 * <p>Immutable and thread-safe; equality is by value.
 *
 * @param uri         the resource URI
 * @param names       its names, as the latest notification that named it gave them
 * @param path        list URIs from the subscribed list to the list holding this resource
 * @param instances   the instances that are active or pending, in notification order
 * @param termination the last instance that ended, if any (RFC 4662: {@code state="terminated"})
 * @param list        whether this resource is itself a nested list (its members follow with a longer path)
 */
public record ResourceState(String uri, List<Name> names, List<String> path, List<TrackedInstance> instances,
        Optional<TrackedInstance> termination, boolean list) {
    public ResourceState {
        Objects.requireNonNull(uri, "uri");
        names = List.copyOf(names);
        path = List.copyOf(path);
        instances = List.copyOf(instances);
        Objects.requireNonNull(termination, "termination");
    }

    /**
     * One back-end subscription of a resource as last notified. Immutable.
     *
     * @param id      the instance id (unique only within its resource: Kamailio uses one id for all)
     * @param state   active, pending or terminated
     * @param reason  the reason given with the state, or null
     * @param content the latest content of its part ({@link PartContent.None} when none was sent yet)
     */
    public record TrackedInstance(String id, Instance.State state, String reason, PartContent content) {
        public TrackedInstance {
            Objects.requireNonNull(state, "state");
            Objects.requireNonNull(content, "content");
        }
    }

    /**
     * The resource's overall state: active if an instance is active, else pending if one is
     * pending, else terminated if an instance ended; empty when the server has sent no instance
     * (Kamailio before the back-end answered, or a member still pending on the back end).
     */
    public Optional<Instance.State> state() {
        if (instances.stream().anyMatch(i -> i.state() == Instance.State.ACTIVE)) {
            return Optional.of(Instance.State.ACTIVE);
        }
        if (instances.stream().anyMatch(i -> i.state() == Instance.State.PENDING)) {
            return Optional.of(Instance.State.PENDING);
        }
        return termination.map(t -> Instance.State.TERMINATED);
    }

    /** The latest presence documents of the live instances, in instance order. */
    public List<PresenceDocument> presence() {
        List<PresenceDocument> out = new ArrayList<>(instances.size());
        for (TrackedInstance i : instances) {
            if (i.content() instanceof PartContent.Presence p) {
                out.add(p.document());
            }
        }
        return out;
    }

    /** The latest watcher information documents of the live instances, in instance order. */
    public List<WatcherInfo> watcherInfo() {
        List<WatcherInfo> out = new ArrayList<>(1);
        for (TrackedInstance i : instances) {
            if (i.content() instanceof PartContent.WatcherInfoDocument w) {
                out.add(w.document());
            }
        }
        return out;
    }

    /** The first name in {@code lang}, else the first name, if any. */
    public Optional<String> name(String lang) {
        return names.stream().filter(n -> Objects.equals(lang, n.lang())).findFirst()
                .or(() -> names.stream().findFirst()).map(Name::text);
    }
}
