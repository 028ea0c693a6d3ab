package io.presencekit.examples.cli;

import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.AddressBookManager;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.addressbook.Group;
import io.presencekit.xcap.resourcelists.ContactUri;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code presencekit contacts list|add|remove}: the account's address book on the XCAP server,
 * stored as Blink stores it (resource-lists with the AG Projects address book elements, with the
 * rls-services list and pres-rules derived from it), through {@link AddressBookManager}.
 *
 * <p>Each contact is reported as a {@code contacts} event: {@code uri} (its default URI),
 * {@code action} ({@code list}, {@code add}, {@code update}, {@code remove}), {@code id},
 * {@code name}, {@code uris}, {@code groups} (names), {@code subscribe} and {@code policy}
 * ({@code allow}, {@code block} or {@code default}).
 */
@Command(name = "contacts", sortOptions = false, description = "List, add or remove contacts of the address book (XCAP).",
        subcommands = {ContactsCommand.ListContacts.class, ContactsCommand.Add.class, ContactsCommand.Remove.class})
final class ContactsCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    /** Without list, add or remove: the usage on standard error. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return PresenceKitCli.EXIT_USAGE;
    }

    /** An address book operation: opens the client and the manager, runs, closes. */
    abstract static class BookCommand extends CliCommand {
        @Override
        protected final int run() {
            String account = account();
            try (XcapClient client = XcapAccess.open(this, account)) {
                return run(AddressBookManager.builder(client, account).build());
            }
        }

        abstract int run(AddressBookManager book);

        void report(String action, Contact c, AddressBook book) {
            String uri = c.defaultUri().or(() -> c.uris().stream().findFirst()).map(ContactUri::uri).orElse(null);
            List<String> groups = new ArrayList<>();
            for (String id : c.groupIds()) {
                groups.add(book.group(id).map(Group::name).orElse(id));
            }
            List<String> uris = c.uris().stream().map(ContactUri::uri).toList();
            StringBuilder text = new StringBuilder();
            if (!action.equals("list")) {
                text.append(action.equals("add") ? "added " : action.equals("update") ? "updated " : "removed ");
            }
            text.append(c.name().isEmpty() ? "" : c.name() + " ").append('<').append(String.join(", ", uris))
                    .append('>');
            if (!groups.isEmpty()) {
                text.append(" [").append(String.join(", ", groups)).append(']');
            }
            text.append(" subscribe=").append(c.subscribe() ? "yes" : "no").append(" policy=")
                    .append(c.policy().token());
            output().emit(Event.of("contacts", uri, text.toString()).with("action", action).with("id", c.id())
                    .with("name", c.name()).with("uris", uris).with("groups", groups)
                    .with("subscribe", c.subscribe()).with("policy", c.policy().token()));
        }

        String contactUri(String value) {
            try {
                return Options.sipAddress(value);
            } catch (IllegalArgumentException e) {
                throw usage(e.getMessage());
            }
        }
    }

    @Command(name = "list", description = "Print every contact, one per line.")
    static final class ListContacts extends BookCommand {
        @Override
        int run(AddressBookManager manager) {
            AddressBook book = manager.load().join();
            output().detail(book.contacts().size() + " contact(s) in " + manager.resourceListsUri());
            for (Contact c : book.contacts()) {
                report("list", c, book);
            }
            return PresenceKitCli.EXIT_OK;
        }
    }

    @Command(name = "add", sortOptions = false,
            description = "Add a contact, or change the contact that already has this URI.")
    static final class Add extends BookCommand {
        @Parameters(index = "0", paramLabel = "<uri>", description = "The contact's SIP URI (sip: may be left out).")
        String uri;

        @Option(names = "--name", paramLabel = "<display name>", description = "The name to show.")
        String name;

        @Option(names = "--group", paramLabel = "<name>",
                description = "Put the contact in this group, created when missing (repeatable).")
        List<String> groups = new ArrayList<>();

        @Option(names = "--subscribe", negatable = true,
                description = "Watch the contact's presence (through the presence list); default for a new contact: yes.")
        Boolean subscribe;

        @Option(names = "--policy", paramLabel = "allow|block|default", converter = PolicyConverter.class,
                description = "Whether the contact may watch the account's presence; default for a new contact: allow.")
        HandlingPolicy policy;

        @Override
        int run(AddressBookManager manager) {
            String address = contactUri(uri);
            AddressBook book = manager.load().join();
            List<String> groupIds = new ArrayList<>();
            for (String g : groups) {
                Optional<Group> existing = book.groupByName(g);
                if (existing.isEmpty()) {
                    Group created = Group.builder(g).build();
                    book = manager.addGroup(created).join();
                    output().detail("created group " + g);
                    groupIds.add(created.id());
                } else {
                    groupIds.add(existing.get().id());
                }
            }
            Optional<Contact> old = book.contactByUri(address);
            Contact.Builder b = old.map(Contact::toBuilder)
                    .orElseGet(() -> Contact.builder("").uri(address).subscribe(true).policy(HandlingPolicy.ALLOW));
            if (name != null) {
                b.name(name);
            }
            if (subscribe != null) {
                b.subscribe(subscribe);
            }
            if (policy != null) {
                b.policy(policy);
            }
            groupIds.forEach(b::group);
            Contact contact = b.build();
            AddressBook after = manager.addContact(contact).join();
            report(old.isPresent() ? "update" : "add", after.contact(contact.id()).orElse(contact), after);
            return PresenceKitCli.EXIT_OK;
        }
    }

    @Command(name = "remove", description = "Remove the contact(s) having this URI.")
    static final class Remove extends BookCommand {
        @Parameters(index = "0", paramLabel = "<uri>", description = "The contact's SIP URI (sip: may be left out).")
        String uri;

        @Override
        int run(AddressBookManager manager) {
            String address = contactUri(uri);
            AddressBook book = manager.load().join();
            List<Contact> matching = book.contacts().stream()
                    .filter(c -> c.uris().stream().anyMatch(u -> u.uri().equals(address))).toList();
            if (matching.isEmpty()) {
                throw new CliFailure("no contact with URI " + address, address);
            }
            for (Contact c : matching) {
                manager.removeContact(c.id()).join();
                report("remove", c, book);
            }
            return PresenceKitCli.EXIT_OK;
        }
    }

    /** {@code allow}, {@code block} or {@code default}, in any case. */
    static final class PolicyConverter implements ITypeConverter<HandlingPolicy> {
        @Override
        public HandlingPolicy convert(String value) {
            HandlingPolicy p = HandlingPolicy.fromToken(value.toLowerCase(java.util.Locale.ROOT));
            if (p == null) {
                throw new TypeConversionException("expected allow, block or default, not '" + value + "'");
            }
            return p;
        }
    }
}
