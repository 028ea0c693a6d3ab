package io.presencekit.xcap.addressbook.internal;

import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.addressbook.DefaultPolicy;
import io.presencekit.xcap.addressbook.Group;
import io.presencekit.xcap.addressbook.WatcherPolicy;

import io.presencekit.xcap.policy.AnonymousRequest;
import io.presencekit.xcap.policy.Conditions;
import io.presencekit.xcap.policy.ExternalList;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Many;
import io.presencekit.xcap.policy.OtherIdentity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.policy.Transformations;
import io.presencekit.xcap.resourcelists.AddressBookContact;
import io.presencekit.xcap.resourcelists.AddressBookGroup;
import io.presencekit.xcap.resourcelists.AddressBookPolicy;
import io.presencekit.xcap.resourcelists.ContactUri;
import io.presencekit.xcap.resourcelists.Entry;
import io.presencekit.xcap.resourcelists.EventHandling;
import io.presencekit.xcap.resourcelists.External;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.resourcelists.SharedAttributes;
import io.presencekit.xcap.rlsservices.RlsServices;
import io.presencekit.xcap.rlsservices.Service;
import io.presencekit.xml.ExtensionElement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * The document layout python-sipsimple (Blink) uses for the address book, and the documents
 * derived from it. Pure functions from the current document model to the next; the manager
 * runs them as {@link io.presencekit.xcap.store.XcapDocumentStore} operations. Not for use
 * outside the address book package.
 */
public final class BlinkLayout {
    public static final String ADDRESSBOOK = "sipsimple_addressbook";
    public static final String BUDDYLIST = "oma_buddylist";
    public static final String GRANTED = "oma_grantedcontacts";
    public static final String BLOCKED = "oma_blockedcontacts";
    public static final String ALLCONTACTS = "oma_allcontacts";
    public static final String DIALOG_GRANTED = "dialog_grantedcontacts";
    public static final String DIALOG_BLOCKED = "dialog_blockedcontacts";
    public static final String PRESENCE_RLS = "sipsimple_presence_rls";
    public static final String DIALOG_RLS = "sipsimple_dialog_rls";

    public static final String RULE_GRANTED = "wp_prs_grantedcontacts";
    public static final String RULE_BLOCKED = "wp_prs_blockedcontacts";
    public static final String RULE_UNLISTED = "wp_prs_unlisted";
    public static final String RULE_ALLOW_UNLISTED = "wp_prs_allow_unlisted";
    public static final String RULE_BLOCK_ANONYMOUS = "wp_prs_block_anonymous";
    public static final String RULE_ALLOW_OWN = "wp_prs_allow_own";
    public static final Set<String> OWN_RULES = Set.of(RULE_GRANTED, RULE_BLOCKED, RULE_UNLISTED, RULE_ALLOW_UNLISTED,
            RULE_BLOCK_ANONYMOUS, RULE_ALLOW_OWN);

    private BlinkLayout() {
    }

    /**
     * The XCAP URI of list {@code name} in the resource-lists document {@code documentUri}, in the
     * form Kamailio's RLS resolves: the stored document path, then an unprefixed node selector
     * with {@code [}, {@code ]} and {@code "} percent-encoded (well under 127 characters).
     */
    public static String listReference(String documentUri, String name) {
        return documentUri + "/~~/resource-lists/list%5b@name=%22" + name + "%22%5d";
    }

    // ------------------------------------------------------------------ reading

    public static AddressBook read(Optional<ResourceLists> lists, Optional<Ruleset> rules) {
        Optional<ResourceList> book = lists.flatMap(l -> l.list(ADDRESSBOOK));
        List<AddressBookGroup> groups = book.map(ResourceList::groups).orElse(List.of());
        List<Contact> contacts = new ArrayList<>();
        for (AddressBookContact c : book.map(ResourceList::contacts).orElse(List.of())) {
            contacts.add(toContact(c, groups));
        }
        Set<String> contactIds = contacts.stream().map(Contact::id).collect(Collectors.toSet());
        List<Group> gs = new ArrayList<>();
        for (AddressBookGroup g : groups) {
            Group.Builder b = Group.withId(g.id()).name(g.name());
            g.contactIds().stream().filter(contactIds::contains).forEach(b::contact);
            gs.add(b.build());
        }
        List<WatcherPolicy> policies = new ArrayList<>();
        for (AddressBookPolicy p : book.map(ResourceList::policies).orElse(List.of())) {
            policies.add(WatcherPolicy.withId(p.id(), p.uri()).name(p.name()).policy(p.presence().policy())
                    .subscribe(p.presence().subscribe()).build());
        }
        return new AddressBook(contacts, gs, policies, defaultPolicy(rules));
    }

    private static Contact toContact(AddressBookContact c, List<AddressBookGroup> groups) {
        Contact.Builder b = Contact.withId(c.id()).name(c.name()).subscribe(c.presence().subscribe())
                .policy(c.presence().policy());
        c.uris().forEach(b::uri);
        b.defaultUriId(c.defaultUriId().filter(id -> c.uris().stream().anyMatch(u -> u.id().equals(id)))
                .orElse(c.uris().isEmpty() ? null : c.uris().get(0).id()));
        for (AddressBookGroup g : groups) {
            if (g.contactIds().contains(c.id())) {
                b.group(g.id());
            }
        }
        for (ExtensionElement e : c.extras().children()) {
            if (e instanceof SharedAttributes a) {
                b.attributes(a);
            }
        }
        return b.build();
    }

    public static DefaultPolicy defaultPolicy(Optional<Ruleset> rules) {
        if (rules.isEmpty()) {
            return DefaultPolicy.CONFIRM;
        }
        if (rules.get().rule(RULE_ALLOW_UNLISTED).isPresent()) {
            return DefaultPolicy.ALLOW;
        }
        return rules.get().rule(RULE_UNLISTED).map(r -> DefaultPolicy.of(r.subHandling().orElse(SubHandling.BLOCK)))
                .orElse(DefaultPolicy.CONFIRM);
    }

    // ------------------------------------------------------------------ address book edits

    /** An edit of the {@code sipsimple_addressbook} list. */
    public interface Edit extends UnaryOperator<ResourceList> {
    }

    public static Edit putContact(Contact c) {
        return book -> {
            ResourceList.Builder b = book.toBuilder();
            Optional<AddressBookContact> old = book.contacts().stream().filter(x -> x.id().equals(c.id())).findFirst();
            AddressBookContact.Builder cb = old.map(AddressBookContact::toBuilder)
                    .orElseGet(() -> AddressBookContact.builder(c.id(), c.name()));
            cb.name(c.name()).clearUris();
            c.uris().forEach(cb::uri);
            cb.defaultUriId(c.defaultUriId().orElse(null));
            EventHandling oldPresence = old.map(AddressBookContact::presence).orElse(EventHandling.DEFAULT);
            if (oldPresence.policy() != c.policy() || oldPresence.subscribe() != c.subscribe()) {
                cb.presence(new EventHandling(c.policy(), c.subscribe()));
            }
            c.attributes().values().forEach(cb::putExtension);
            b.replaceOrAdd(e -> e instanceof AddressBookContact x && x.id().equals(c.id()), cb.build());
            for (AddressBookGroup g : book.groups()) {
                boolean member = g.contactIds().contains(c.id());
                boolean wanted = c.groupIds().contains(g.id());
                if (member != wanted) {
                    AddressBookGroup.Builder gb = g.toBuilder();
                    if (wanted) {
                        gb.contact(c.id());
                    } else {
                        gb.removeContact(c.id());
                    }
                    b.replaceOrAdd(e -> e instanceof AddressBookGroup x && x.id().equals(g.id()), gb.build());
                }
            }
            return b.build();
        };
    }

    public static Edit removeContact(String id) {
        return book -> book.toBuilder().removeItems(e -> e instanceof AddressBookContact c && c.id().equals(id))
                .build();
    }

    public static Edit putGroup(Group g) {
        return book -> {
            Optional<AddressBookGroup> old = book.groups().stream().filter(x -> x.id().equals(g.id())).findFirst();
            AddressBookGroup.Builder gb = old.map(AddressBookGroup::toBuilder)
                    .orElseGet(() -> AddressBookGroup.builder(g.id(), g.name()));
            gb.name(g.name());
            old.ifPresent(o -> o.contactIds().forEach(gb::removeContact));
            g.contactIds().forEach(gb::contact);
            return book.toBuilder().replaceOrAdd(e -> e instanceof AddressBookGroup x && x.id().equals(g.id()),
                    gb.build()).build();
        };
    }

    public static Edit removeGroup(String id) {
        return book -> book.toBuilder().removeItems(e -> e instanceof AddressBookGroup g && g.id().equals(id)).build();
    }

    public static Edit putPolicy(WatcherPolicy p) {
        return book -> {
            Optional<AddressBookPolicy> old = book.policies().stream().filter(x -> x.uri().equals(p.uri())).findFirst();
            AddressBookPolicy.Builder pb = old.map(AddressBookPolicy::toBuilder)
                    .orElseGet(() -> AddressBookPolicy.builder(p.id(), p.uri()));
            pb.name(p.name());
            EventHandling oldPresence = old.map(AddressBookPolicy::presence).orElse(EventHandling.DEFAULT);
            if (oldPresence.policy() != p.policy() || oldPresence.subscribe() != p.subscribe()) {
                pb.presence(new EventHandling(p.policy(), p.subscribe()));
            }
            return book.toBuilder().replaceOrAdd(e -> e instanceof AddressBookPolicy x && x.uri().equals(p.uri()),
                    pb.build()).build();
        };
    }

    public static Edit removePolicy(String uri) {
        return book -> book.toBuilder().removeItems(e -> e instanceof AddressBookPolicy p && p.uri().equals(uri))
                .build();
    }

    // ------------------------------------------------------------------ resource-lists

    /**
     * Applies {@code edit} to the address book list and brings the derived lists up to date, as
     * Blink's normalisation does; lists that do not change are left exactly as they were.
     */
    public static ResourceLists resourceLists(Optional<ResourceLists> current, Edit edit, String documentUri) {
        ResourceLists lists = current.orElseGet(() -> ResourceLists.builder().build());
        ResourceList book = edit.apply(lists.list(ADDRESSBOOK).orElseGet(() -> ResourceList.builder(ADDRESSBOOK)
                .build()));
        book = dropDanglingMembers(book);
        ResourceLists.Builder b = lists.toBuilder().putList(book);
        if (lists.list(BUDDYLIST).isEmpty()) {
            b.putList(ResourceList.builder(BUDDYLIST).build());
        }
        Derived presence = derive(book, AddressBookContact::presence, AddressBookPolicy::presence);
        Derived dialog = derive(book, AddressBookContact::dialog, AddressBookPolicy::dialog);
        putDerived(b, lists, GRANTED, presence.allowed());
        putDerived(b, lists, BLOCKED, presence.blocked());
        putDerived(b, lists, DIALOG_GRANTED, dialog.allowed());
        putDerived(b, lists, DIALOG_BLOCKED, dialog.blocked());
        putDerived(b, lists, PRESENCE_RLS, presence.subscribed());
        putDerived(b, lists, DIALOG_RLS, dialog.subscribed());
        if (lists.list(ALLCONTACTS).isEmpty()) {
            b.putList(ResourceList.builder(ALLCONTACTS)
                    .item(External.of(listReference(documentUri, BUDDYLIST)))
                    .item(External.of(listReference(documentUri, GRANTED)))
                    .item(External.of(listReference(documentUri, BLOCKED))).build());
        }
        return b.build();
    }

    private static ResourceList dropDanglingMembers(ResourceList book) {
        Set<String> ids = book.contacts().stream().map(AddressBookContact::id).collect(Collectors.toSet());
        ResourceList.Builder b = null;
        for (AddressBookGroup g : book.groups()) {
            if (!ids.containsAll(g.contactIds())) {
                AddressBookGroup.Builder gb = g.toBuilder();
                g.contactIds().stream().filter(id -> !ids.contains(id)).forEach(gb::removeContact);
                b = b == null ? book.toBuilder() : b;
                b.replaceOrAdd(e -> e instanceof AddressBookGroup x && x.id().equals(g.id()), gb.build());
            }
        }
        return b == null ? book : b.build();
    }

    private static void putDerived(ResourceLists.Builder b, ResourceLists current, String name, Set<String> uris) {
        Optional<ResourceList> old = current.list(name);
        if (old.isPresent() && old.get().items().stream().allMatch(e -> e instanceof Entry)
                && new HashSet<>(old.get().allEntryUris()).equals(uris)
                && old.get().entries().size() == uris.size()) {
            return;
        }
        ResourceList.Builder lb = ResourceList.builder(name);
        uris.forEach(lb::entry);
        b.putList(lb.build());
    }

    /** The URI sets Blink derives for one event package. */
    public record Derived(Set<String> allowed, Set<String> blocked, Set<String> subscribed) {
    }

    public static Derived derive(ResourceList book, Function<AddressBookContact, EventHandling> contactHandling,
            Function<AddressBookPolicy, EventHandling> policyHandling) {
        Set<String> contactUris = new LinkedHashSet<>();
        Set<String> contactAllow = new LinkedHashSet<>();
        Set<String> contactBlock = new LinkedHashSet<>();
        Set<String> subscribed = new LinkedHashSet<>();
        for (AddressBookContact c : book.contacts()) {
            EventHandling h = contactHandling.apply(c);
            for (ContactUri u : c.uris()) {
                contactUris.add(u.uri());
                if (h.policy() == HandlingPolicy.ALLOW) {
                    contactAllow.add(u.uri());
                } else if (h.policy() == HandlingPolicy.BLOCK) {
                    contactBlock.add(u.uri());
                }
                if (h.subscribe()) {
                    subscribed.add(u.uri());
                }
            }
        }
        Set<String> policyAllow = new LinkedHashSet<>();
        Set<String> policyBlock = new LinkedHashSet<>();
        for (AddressBookPolicy p : book.policies()) {
            EventHandling h = policyHandling.apply(p);
            if (h.policy() == HandlingPolicy.ALLOW) {
                policyAllow.add(p.uri());
            } else if (h.policy() == HandlingPolicy.BLOCK) {
                policyBlock.add(p.uri());
            }
            if (h.subscribe() && !contactUris.contains(p.uri())) {
                subscribed.add(p.uri());
            }
        }
        Set<String> allowed = new LinkedHashSet<>(contactAllow);
        allowed.removeAll(contactBlock);
        Set<String> extraAllowed = new LinkedHashSet<>(policyAllow);
        extraAllowed.removeAll(policyBlock);
        extraAllowed.removeAll(contactUris);
        allowed.addAll(extraAllowed);
        Set<String> blocked = new LinkedHashSet<>(contactBlock);
        Set<String> extraBlocked = new LinkedHashSet<>(policyBlock);
        extraBlocked.removeAll(contactUris);
        blocked.addAll(extraBlocked);
        return new Derived(allowed, blocked, subscribed);
    }

    public static Derived presence(Optional<ResourceLists> lists) {
        return derive(lists.flatMap(l -> l.list(ADDRESSBOOK)).orElseGet(() -> ResourceList.builder(ADDRESSBOOK)
                .build()), AddressBookContact::presence, AddressBookPolicy::presence);
    }

    // ------------------------------------------------------------------ rls-services

    /**
     * The rls-services document with Blink's {@code sip:<user>+presence@<domain>} and
     * {@code sip:<user>+dialog@<domain>} services; other services are kept, equal ones untouched.
     */
    public static RlsServices rlsServices(Optional<RlsServices> current, String aor, String documentUri) {
        RlsServices services = current.orElseGet(() -> RlsServices.builder().build());
        RlsServices.Builder b = services.toBuilder();
        putService(b, services, serviceUri(aor, "presence"), listReference(documentUri, PRESENCE_RLS), "presence");
        putService(b, services, serviceUri(aor, "dialog"), listReference(documentUri, DIALOG_RLS), "dialog");
        return b.build();
    }

    private static void putService(RlsServices.Builder b, RlsServices current, String uri, String reference,
            String eventPackage) {
        Optional<Service> old = current.service(uri);
        if (old.isPresent() && old.get().resourceList().equals(Optional.of(reference))
                && old.get().packages().equals(List.of(eventPackage))) {
            return;
        }
        b.putService(Service.of(uri, reference, eventPackage));
    }

    /** {@code sip:<user>+<suffix>@<domain>} for AoR {@code sip:<user>@<domain>}. */
    public static String serviceUri(String aor, String suffix) {
        int at = aor.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("not a user@domain URI: " + aor);
        }
        return aor.substring(0, at) + "+" + suffix + aor.substring(at);
    }

    // ------------------------------------------------------------------ pres-rules

    /**
     * The pres-rules document: Blink's {@code wp_prs_*} rules with OMA {@code external-list}
     * conditions, each also carrying explicit {@code identity/one} conditions for its URIs so
     * that servers reading only {@code identity} (Kamailio) decide the same way. Kamailio takes
     * the first matching rule, so rules with an identity come first (block before allow), then
     * the rules of other clients in their order, then the default rule for unlisted watchers,
     * and last the rules a server may not evaluate (no identity: empty lists, anonymous).
     */
    public static Ruleset presRules(Optional<Ruleset> current, Derived sets, String aor, String documentUri,
            Optional<DefaultPolicy> newDefault) {
        DefaultPolicy def = newDefault.orElseGet(() -> defaultPolicy(current));
        Ruleset.Builder b = Ruleset.builder();
        current.ifPresent(c -> c.attributes().forEach(b::attribute));
        List<Rule> tail = new ArrayList<>();
        Rule blocked = listRule(RULE_BLOCKED, listReference(documentUri, BLOCKED), sets.blocked(), SubHandling.BLOCK);
        Rule granted = listRule(RULE_GRANTED, listReference(documentUri, GRANTED), sets.allowed(), SubHandling.ALLOW);
        if (sets.blocked().isEmpty()) {
            tail.add(blocked);
        } else {
            b.rule(blocked);
        }
        b.rule(Rule.builder(RULE_ALLOW_OWN).conditions(Identity.ofUris(aor)).subHandling(SubHandling.ALLOW).build());
        if (sets.allowed().isEmpty()) {
            tail.add(granted);
        } else {
            b.rule(granted);
        }
        for (ExtensionElement e : current.map(Ruleset::items).orElse(List.of())) {
            if (e instanceof Rule r) {
                if (!OWN_RULES.contains(r.id())) {
                    b.rule(r);
                }
            } else {
                b.item(e);
            }
        }
        Rule.Builder unlisted = Rule.builder(def == DefaultPolicy.ALLOW ? RULE_ALLOW_UNLISTED : RULE_UNLISTED)
                .conditions(OtherIdentity.INSTANCE, Identity.of(Many.any())).subHandling(def.subHandling());
        if (def == DefaultPolicy.POLITE_BLOCK) {
            // polite-block accepts the subscription; RFC 5025 then shows nothing, but Kamailio sends
            // the whole document unless a (here empty) transformations element says what to show.
            unlisted.transformations(Transformations.of());
        }
        b.rule(unlisted.build());
        tail.forEach(b::rule);
        b.rule(Rule.builder(RULE_BLOCK_ANONYMOUS).conditions(AnonymousRequest.INSTANCE).subHandling(SubHandling.BLOCK)
                .build());
        return b.build();
    }

    private static Rule listRule(String id, String anchor, Set<String> uris, SubHandling handling) {
        Conditions conditions = uris.isEmpty() ? Conditions.of(ExternalList.of(anchor))
                : Conditions.of(ExternalList.of(anchor), Identity.ofUris(uris.toArray(String[]::new)));
        return Rule.builder(id).conditions(conditions).subHandling(handling).build();
    }
}
