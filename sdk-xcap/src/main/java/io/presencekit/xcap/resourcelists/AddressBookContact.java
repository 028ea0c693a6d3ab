package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An AG Projects address book contact ({@code addressbook:contact}, schema {@code addressbook.xsd}
 * of python-sipsimple), stored inside the {@code sipsimple_addressbook} list of the user's
 * resource-lists document: an id, a name, the contact's URIs with an optional default, and the
 * presence and dialog handling (policy and subscribe flag). Elements from other namespaces, such
 * as Blink's {@code blink:attributes}, are kept in {@link #extras()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressBookContact implements ExtensionElement {
    /** {@code addressbook:contact}. */
    public static final QName QNAME = new QName(XcapNamespaces.AGP_ADDRESSBOOK, "contact", "addressbook");

    private final String id;
    private final String name;
    private final List<ContactUri> uris;
    private final String defaultUri;
    private final Map<QName, String> urisAttributes;
    private final EventHandling presence;
    private final EventHandling dialog;
    private final Extras extras;

    private AddressBookContact(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.name = Objects.requireNonNull(b.name, "name");
        this.uris = List.copyOf(b.uris);
        this.defaultUri = b.defaultUri;
        this.urisAttributes = Values.orderedMap(b.urisAttributes, "uris attributes");
        this.presence = b.presence;
        this.dialog = b.dialog;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for contact {@code id} called {@code name}, with default handling and no URIs. */
    public static Builder builder(String id, String name) {
        return new Builder(id, name);
    }

    /** A builder holding this contact. */
    public Builder toBuilder() {
        Builder b = new Builder(id, name);
        b.uris.addAll(uris);
        b.defaultUri = defaultUri;
        b.urisAttributes.putAll(urisAttributes);
        b.presence = presence;
        b.dialog = dialog;
        b.attributes.putAll(extras.attributes());
        b.children.addAll(extras.children());
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The {@code id} attribute (an {@code xs:ID}, unique in the document). */
    public String id() {
        return id;
    }

    /** The contact's name. */
    public String name() {
        return name;
    }

    /** The contact's URIs, in order. */
    public List<ContactUri> uris() {
        return uris;
    }

    /** The {@code default} attribute of {@code uris}: the id of the preferred URI, if any. */
    public Optional<String> defaultUriId() {
        return Optional.ofNullable(defaultUri);
    }

    /** The default URI, or else the first one, if any. */
    public Optional<ContactUri> preferredUri() {
        if (defaultUri != null) {
            for (ContactUri u : uris) {
                if (u.id().equals(defaultUri)) {
                    return Optional.of(u);
                }
            }
        }
        return uris.stream().findFirst();
    }

    /** Attributes of the {@code uris} element other than {@code default}, kept as read. */
    public Map<QName, String> urisAttributes() {
        return urisAttributes;
    }

    /** Presence handling: the policy for watchers from this contact, and whether to subscribe to it. */
    public EventHandling presence() {
        return presence;
    }

    /** Dialog handling: as {@link #presence()} for the dialog event package. */
    public EventHandling dialog() {
        return dialog;
    }

    /** Attributes other than {@code id}, and elements after the schema's children, kept as read. */
    public Extras extras() {
        return extras;
    }

    /** The application attributes in {@code namespace} (see {@link SharedAttributes}), if any. */
    public Optional<SharedAttributes> sharedAttributes(String namespace) {
        return SharedAttributes.in(extras, namespace);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressBookContact c && id.equals(c.id) && name.equals(c.name) && uris.equals(c.uris)
                && Objects.equals(defaultUri, c.defaultUri) && urisAttributes.equals(c.urisAttributes)
                && presence.equals(c.presence) && dialog.equals(c.dialog) && extras.equals(c.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, uris, defaultUri, urisAttributes, presence, dialog, extras);
    }

    @Override
    public String toString() {
        return "AddressBookContact[id=" + id + ", name=" + name + ", uris=" + uris + ", default=" + defaultUri
                + ", presence=" + presence + ", dialog=" + dialog + (extras.isEmpty() ? "" : ", extras=" + extras)
                + "]";
    }

    /** Builds an {@link AddressBookContact}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String name;
        private final List<ContactUri> uris = new ArrayList<>();
        private String defaultUri;
        private final Map<QName, String> urisAttributes = new LinkedHashMap<>();
        private EventHandling presence = EventHandling.DEFAULT;
        private EventHandling dialog = EventHandling.DEFAULT;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(String id, String name) {
            id(id);
            name(name);
        }

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Appends a URI. */
        public Builder uri(ContactUri uri) {
            uris.add(Objects.requireNonNull(uri, "uri"));
            return this;
        }

        /** Replaces the URI with the same id in place, or appends. */
        public Builder putUri(ContactUri uri) {
            for (int i = 0; i < uris.size(); i++) {
                if (uris.get(i).id().equals(uri.id())) {
                    uris.set(i, uri);
                    return this;
                }
            }
            return uri(uri);
        }

        /** Removes the URI with id {@code id}. */
        public Builder removeUri(String id) {
            uris.removeIf(u -> u.id().equals(id));
            return this;
        }

        public Builder clearUris() {
            uris.clear();
            return this;
        }

        /** Sets the id of the default URI; null removes it. */
        public Builder defaultUriId(String id) {
            this.defaultUri = id;
            return this;
        }

        /** Adds an attribute to the {@code uris} element. */
        public Builder urisAttribute(QName name, String value) {
            urisAttributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Builder presence(EventHandling presence) {
            this.presence = Objects.requireNonNull(presence, "presence");
            return this;
        }

        public Builder dialog(EventHandling dialog) {
            this.dialog = Objects.requireNonNull(dialog, "dialog");
            return this;
        }

        /** Adds an attribute to the contact element. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends an element from another namespace. */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        /** Replaces the first element of the same qualified name, or appends. */
        public Builder putExtension(ExtensionElement element) {
            for (int i = 0; i < children.size(); i++) {
                if (children.get(i).qname().equals(element.qname())) {
                    children.set(i, element);
                    return this;
                }
            }
            return extension(element);
        }

        public AddressBookContact build() {
            return new AddressBookContact(this);
        }
    }
}
