package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An AG Projects address book policy element ({@code addressbook:policy-element}): the watcher
 * policy for a URI that is not a contact (a blocked stranger, for example), with presence and
 * dialog handling. Elements from other namespaces are kept in {@link #extras()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class AddressBookPolicy implements ExtensionElement {
    /** {@code addressbook:policy-element}. */
    public static final QName QNAME = new QName(XcapNamespaces.AGP_ADDRESSBOOK, "policy-element", "addressbook");

    private final String id;
    private final String uri;
    private final String name;
    private final EventHandling presence;
    private final EventHandling dialog;
    private final Extras extras;

    private AddressBookPolicy(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.uri = Objects.requireNonNull(b.uri, "uri");
        this.name = Objects.requireNonNull(b.name, "name");
        this.presence = b.presence;
        this.dialog = b.dialog;
        this.extras = Extras.of(b.attributes, b.children);
    }

    /** A builder for policy {@code id} on {@code uri}, with an empty name and default handling. */
    public static Builder builder(String id, String uri) {
        return new Builder(id, uri);
    }

    /** A builder holding this policy element. */
    public Builder toBuilder() {
        Builder b = new Builder(id, uri);
        b.name = name;
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

    /** The {@code id} attribute. */
    public String id() {
        return id;
    }

    /** The URI the policy applies to ({@code uri} attribute). */
    public String uri() {
        return uri;
    }

    /** The name (may be empty). */
    public String name() {
        return name;
    }

    /** Presence handling for {@link #uri()}. */
    public EventHandling presence() {
        return presence;
    }

    /** Dialog handling for {@link #uri()}. */
    public EventHandling dialog() {
        return dialog;
    }

    /** Attributes other than {@code id} and {@code uri}, and elements from other namespaces, kept as read. */
    public Extras extras() {
        return extras;
    }

    /** The application attributes in {@code namespace}, if any. */
    public Optional<SharedAttributes> sharedAttributes(String namespace) {
        return SharedAttributes.in(extras, namespace);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AddressBookPolicy p && id.equals(p.id) && uri.equals(p.uri) && name.equals(p.name)
                && presence.equals(p.presence) && dialog.equals(p.dialog) && extras.equals(p.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, uri, name, presence, dialog, extras);
    }

    @Override
    public String toString() {
        return "AddressBookPolicy[id=" + id + ", uri=" + uri + ", name=" + name + ", presence=" + presence
                + ", dialog=" + dialog + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds an {@link AddressBookPolicy}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private String uri;
        private String name = "";
        private EventHandling presence = EventHandling.DEFAULT;
        private EventHandling dialog = EventHandling.DEFAULT;
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ExtensionElement> children = new ArrayList<>();

        private Builder(String id, String uri) {
            id(id);
            uri(uri);
        }

        public Builder id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder uri(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
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

        /** Adds an attribute to the policy element. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends an element from another namespace. */
        public Builder extension(ExtensionElement element) {
            children.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        public AddressBookPolicy build() {
            return new AddressBookPolicy(this);
        }
    }
}
