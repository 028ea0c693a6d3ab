package io.presencekit.xcap.resourcelists.internal;

import static io.presencekit.xcap.usage.XcapNamespaces.AGP_ADDRESSBOOK;

import io.presencekit.xcap.resourcelists.AddressBookContact;
import io.presencekit.xcap.resourcelists.AddressBookGroup;
import io.presencekit.xcap.resourcelists.AddressBookPolicy;
import io.presencekit.xcap.resourcelists.ContactUri;
import io.presencekit.xcap.resourcelists.EventHandling;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.usage.internal.Reading;
import io.presencekit.xcap.usage.internal.Reading.Wildcard;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import javax.xml.namespace.QName;

/**
 * The AG Projects address book elements (python-sipsimple {@code payloads/addressbook.py}, schema
 * {@code addressbook.xsd}): {@code contact}, {@code group} and {@code policy-element}. Children
 * are matched by name in any order (out of schema order is a slip) and written in schema order.
 * An element missing a required part, or with a part that cannot be read, is kept whole as a
 * generic element by a lenient reader. Immutable and thread-safe.
 */
final class AddressBookCodecs {
    static final QName NAME = ab("name");
    static final QName URIS = ab("uris");
    static final QName URI = ab("uri");
    static final QName PRESENCE = ab("presence");
    static final QName DIALOG = ab("dialog");
    static final QName POLICY = ab("policy");
    static final QName SUBSCRIBE = ab("subscribe");
    static final QName CONTACTS = ab("contacts");
    static final QName CONTACT_ID = ab("contact_id");

    private AddressBookCodecs() {
    }

    static List<ExtensionCodec<?>> codecs() {
        return List.of(new ContactCodec(), new GroupCodec(), new PolicyElementCodec());
    }

    private static QName ab(String local) {
        return new QName(AGP_ADDRESSBOOK, local, "addressbook");
    }

    /** Tracks which schema children were seen and in which order. */
    private static final class Parts {
        private final ElementReader in;
        private final String where;
        private final List<String> order;
        private final Set<String> seen = new HashSet<>();
        private int next;
        private boolean orderWarned;

        Parts(ElementReader in, String where, String... order) {
            this.in = in;
            this.where = where;
            this.order = List.of(order);
        }

        /** Records part {@code local}; a repeated part makes the element unreadable. */
        void see(String local) {
            if (!seen.add(local)) {
                throw in.invalid("second <" + local + "> in " + where);
            }
            int at = order.indexOf(local);
            if (at < next && !orderWarned) {
                orderWarned = true;
                in.schemaViolation("<" + local + "> out of schema order in " + where);
            }
            next = Math.max(next, at + 1);
        }

        void requireAll() {
            for (String part : order) {
                if (!seen.contains(part)) {
                    throw in.invalid(where + " without <" + part + ">");
                }
            }
        }
    }

    /**
     * Reads the children of a contact, group or policy element: {@code known} parts in the address
     * book namespace go to {@code part}, others are extensions (an unknown address book element is
     * a slip, kept generic).
     */
    private static void children(ElementReader in, Parts parts, Set<String> known, Consumer<String> part,
            Consumer<ExtensionElement> extension) {
        while (in.nextChild()) {
            if (AGP_ADDRESSBOOK.equals(in.namespaceUri()) && known.contains(in.localName())) {
                String local = in.localName();
                parts.see(local);
                part.accept(local);
            } else {
                extension.accept(Reading.foreign(in, AGP_ADDRESSBOOK, parts.where));
            }
        }
        parts.requireAll();
    }

    private static String text(ElementReader in, String where) {
        Reading.noOtherAttributes(in, false, where);
        return in.text();
    }

    static EventHandling handling(ElementReader in, String where) {
        Reading.noOtherAttributes(in, false, where);
        HandlingPolicy policy = null;
        Boolean subscribe = null;
        Parts parts = new Parts(in, where, "policy", "subscribe");
        while (in.nextChild()) {
            if (in.is(AGP_ADDRESSBOOK, "policy")) {
                parts.see("policy");
                String t = text(in, where + " policy");
                policy = HandlingPolicy.fromToken(t);
                if (policy == null) {
                    throw in.invalid(where + " policy '" + t + "' is not allow, block or default");
                }
            } else if (in.is(AGP_ADDRESSBOOK, "subscribe")) {
                parts.see("subscribe");
                subscribe = Reading.bool(in, text(in, where + " subscribe"), where + " subscribe");
            } else {
                throw in.invalid("unexpected <" + in.localName() + "> in " + where);
            }
        }
        parts.requireAll();
        return new EventHandling(policy, subscribe);
    }

    static void writeHandling(ElementWriter out, QName name, EventHandling h) {
        out.startElement(name);
        out.textElement(POLICY, h.policy().token());
        out.textElement(SUBSCRIBE, h.subscribe() ? "true" : "false");
        out.endElement();
    }

    static final class ContactCodec implements ExtensionCodec<AddressBookContact> {
        private static final Set<String> KNOWN = Set.of("name", "uris", "dialog", "presence");

        @Override
        public QName name() {
            return AddressBookContact.QNAME;
        }

        @Override
        public Class<AddressBookContact> type() {
            return AddressBookContact.class;
        }

        @Override
        public AddressBookContact read(ElementReader in) {
            String id = Reading.required(in, "id", "address book contact");
            String where = "address book contact '" + id + "'";
            AddressBookContact.Builder b = AddressBookContact.builder(id, "");
            Reading.otherAttributes(in, AGP_ADDRESSBOOK, Wildcard.NONE, where, "id").forEach(b::attribute);
            Parts parts = new Parts(in, where, "name", "uris", "dialog", "presence");
            children(in, parts, KNOWN, local -> {
                switch (local) {
                    case "name" -> b.name(text(in, where + " name"));
                    case "uris" -> uris(in, b, where);
                    case "dialog" -> b.dialog(handling(in, where + " dialog"));
                    default -> b.presence(handling(in, where + " presence"));
                }
            }, b::extension);
            return b.build();
        }

        private static void uris(ElementReader in, AddressBookContact.Builder b, String where) {
            b.defaultUriId(in.attribute("default"));
            Reading.otherAttributes(in, AGP_ADDRESSBOOK, Wildcard.NONE, where + " uris", "default")
                    .forEach(b::urisAttribute);
            Set<String> ids = new HashSet<>();
            while (in.nextChild()) {
                if (!in.is(AGP_ADDRESSBOOK, "uri")) {
                    throw in.invalid("unexpected <" + in.localName() + "> in " + where + " uris");
                }
                ContactUri u = contactUri(in, where);
                if (!ids.add(u.id())) {
                    in.schemaViolation("duplicate uri id '" + u.id() + "' in " + where + "; kept as is");
                }
                b.uri(u);
            }
        }

        private static ContactUri contactUri(ElementReader in, String where) {
            String id = Reading.required(in, "id", where + " uri");
            String uri = Reading.required(in, "uri", where + " uri");
            String type = in.attribute("type");
            Map<QName, String> attributes = Reading.otherAttributes(in, AGP_ADDRESSBOOK, Wildcard.NONE,
                    where + " uri", "id", "uri", "type");
            List<ExtensionElement> children = new ArrayList<>();
            while (in.nextChild()) {
                children.add(Reading.foreign(in, AGP_ADDRESSBOOK, where + " uri"));
            }
            return new ContactUri(id, uri, type, Extras.of(attributes, children));
        }

        @Override
        public void write(AddressBookContact value, ElementWriter out) {
            out.startElement(AddressBookContact.QNAME).attribute("id", value.id())
                    .attributes(value.extras().attributes());
            out.textElement(NAME, value.name());
            out.startElement(URIS).attribute("default", value.defaultUriId().orElse(null))
                    .attributes(value.urisAttributes());
            for (ContactUri u : value.uris()) {
                out.startElement(URI).attribute("id", u.id()).attribute("uri", u.uri()).attribute("type", u.type())
                        .attributes(u.extras().attributes());
                out.writeAll(u.extras());
                out.endElement();
            }
            out.endElement();
            writeHandling(out, DIALOG, value.dialog());
            writeHandling(out, PRESENCE, value.presence());
            out.writeAll(value.extras());
            out.endElement();
        }
    }

    static final class GroupCodec implements ExtensionCodec<AddressBookGroup> {
        private static final Set<String> KNOWN = Set.of("name", "contacts");

        @Override
        public QName name() {
            return AddressBookGroup.QNAME;
        }

        @Override
        public Class<AddressBookGroup> type() {
            return AddressBookGroup.class;
        }

        @Override
        public AddressBookGroup read(ElementReader in) {
            String id = Reading.required(in, "id", "address book group");
            String where = "address book group '" + id + "'";
            AddressBookGroup.Builder b = AddressBookGroup.builder(id, "");
            Reading.otherAttributes(in, AGP_ADDRESSBOOK, Wildcard.NONE, where, "id").forEach(b::attribute);
            Parts parts = new Parts(in, where, "name", "contacts");
            children(in, parts, KNOWN, local -> {
                if (local.equals("name")) {
                    b.name(text(in, where + " name"));
                } else {
                    Reading.noOtherAttributes(in, false, where + " contacts");
                    while (in.nextChild()) {
                        if (!in.is(AGP_ADDRESSBOOK, "contact_id")) {
                            throw in.invalid("unexpected <" + in.localName() + "> in " + where + " contacts");
                        }
                        b.appendContact(text(in, where + " contact_id"));
                    }
                }
            }, b::extension);
            return b.build();
        }

        @Override
        public void write(AddressBookGroup value, ElementWriter out) {
            out.startElement(AddressBookGroup.QNAME).attribute("id", value.id())
                    .attributes(value.extras().attributes());
            out.textElement(NAME, value.name());
            out.startElement(CONTACTS);
            for (String c : value.contactIds()) {
                out.textElement(CONTACT_ID, c);
            }
            out.endElement();
            out.writeAll(value.extras());
            out.endElement();
        }
    }

    static final class PolicyElementCodec implements ExtensionCodec<AddressBookPolicy> {
        private static final Set<String> KNOWN = Set.of("name", "dialog", "presence");

        @Override
        public QName name() {
            return AddressBookPolicy.QNAME;
        }

        @Override
        public Class<AddressBookPolicy> type() {
            return AddressBookPolicy.class;
        }

        @Override
        public AddressBookPolicy read(ElementReader in) {
            String id = Reading.required(in, "id", "address book policy-element");
            String uri = Reading.required(in, "uri", "address book policy-element");
            String where = "address book policy-element '" + id + "'";
            AddressBookPolicy.Builder b = AddressBookPolicy.builder(id, uri);
            Reading.otherAttributes(in, AGP_ADDRESSBOOK, Wildcard.NONE, where, "id", "uri").forEach(b::attribute);
            Parts parts = new Parts(in, where, "name", "dialog", "presence");
            children(in, parts, KNOWN, local -> {
                switch (local) {
                    case "name" -> b.name(text(in, where + " name"));
                    case "dialog" -> b.dialog(handling(in, where + " dialog"));
                    default -> b.presence(handling(in, where + " presence"));
                }
            }, b::extension);
            return b.build();
        }

        @Override
        public void write(AddressBookPolicy value, ElementWriter out) {
            out.startElement(AddressBookPolicy.QNAME).attribute("id", value.id()).attribute("uri", value.uri())
                    .attributes(value.extras().attributes());
            out.textElement(NAME, value.name());
            writeHandling(out, DIALOG, value.dialog());
            writeHandling(out, PRESENCE, value.presence());
            out.writeAll(value.extras());
            out.endElement();
        }
    }
}
