package io.presencekit.xcap.addressbook;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of the address book: contacts, groups, policies for watchers that are not contacts,
 * and the policy for every other watcher.
 *
 * <p>Immutable and thread-safe.
 *
 * @param contacts        the contacts, in document order
 * @param groups          the groups, in document order
 * @param watcherPolicies the policies for URIs that are not contacts
 * @param defaultPolicy   what happens to unlisted watchers
 */
public record AddressBook(List<Contact> contacts, List<Group> groups, List<WatcherPolicy> watcherPolicies,
        DefaultPolicy defaultPolicy) {
    /** An empty address book, as a new account has. */
    public static final AddressBook EMPTY = new AddressBook(List.of(), List.of(), List.of(), DefaultPolicy.CONFIRM);

    public AddressBook {
        contacts = List.copyOf(contacts);
        groups = List.copyOf(groups);
        watcherPolicies = List.copyOf(watcherPolicies);
        Objects.requireNonNull(defaultPolicy, "defaultPolicy");
    }

    /** The contact with id {@code id}. */
    public Optional<Contact> contact(String id) {
        return contacts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The first contact having URI {@code uri}. */
    public Optional<Contact> contactByUri(String uri) {
        return contacts.stream().filter(c -> c.uris().stream().anyMatch(u -> u.uri().equals(uri))).findFirst();
    }

    /** The group with id {@code id}. */
    public Optional<Group> group(String id) {
        return groups.stream().filter(g -> g.id().equals(id)).findFirst();
    }

    /** The first group called {@code name}. */
    public Optional<Group> groupByName(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The policy for watcher {@code uri}. */
    public Optional<WatcherPolicy> watcherPolicy(String uri) {
        return watcherPolicies.stream().filter(p -> p.uri().equals(uri)).findFirst();
    }
}
