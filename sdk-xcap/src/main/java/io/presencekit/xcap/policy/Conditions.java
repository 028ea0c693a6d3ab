package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;
import javax.xml.namespace.QName;

/**
 * The {@code conditions} of a rule (RFC 4745, section 7): all must match for the rule to apply.
 * The children, in document order: {@link Identity}, {@link Sphere}, {@link Validity}, and
 * conditions from other namespaces such as the OMA {@link ExternalList}, {@link OtherIdentity} and
 * {@link AnonymousRequest} or the AG Projects {@link FalseCondition}. A condition nobody
 * understands is kept as a {@link io.presencekit.xml.GenericElement}; under RFC 4745 it never
 * matches, so the rule does not apply.
 *
 * <p>Immutable and thread-safe.
 */
public final class Conditions implements ExtensionElement {
    /** {@code cp:conditions}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "conditions", "cp");

    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;

    private Conditions(Builder b) {
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
    }

    /** The element holding {@code items}, in order. */
    public static Conditions of(ExtensionElement... items) {
        Builder b = builder();
        for (ExtensionElement e : items) {
            b.add(e);
        }
        return b.build();
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these items. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.items.addAll(items);
        b.attributes.putAll(attributes);
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** Every child element, in document order. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** The children of type {@code type}, in order. */
    public <T extends ExtensionElement> List<T> items(Class<T> type) {
        return Values.ofType(items, type);
    }

    /** The first child of type {@code type}, if any. */
    public <T extends ExtensionElement> Optional<T> item(Class<T> type) {
        return items(type).stream().findFirst();
    }

    /** Whether there are no children. */
    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Attributes (none are defined), kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** The first {@code identity} condition, if any. */
    public Optional<Identity> identity() {
        return item(Identity.class);
    }

    /** The {@code sphere} condition, if any. */
    public Optional<Sphere> sphere() {
        return item(Sphere.class);
    }

    /** The {@code validity} condition, if any. */
    public Optional<Validity> validity() {
        return item(Validity.class);
    }

    /** The OMA {@code external-list} condition, if any. */
    public Optional<ExternalList> externalList() {
        return item(ExternalList.class);
    }

    /** Whether the OMA {@code other-identity} condition is present. */
    public boolean hasOtherIdentity() {
        return item(OtherIdentity.class).isPresent();
    }

    /** Whether the OMA {@code anonymous-request} condition is present. */
    public boolean hasAnonymousRequest() {
        return item(AnonymousRequest.class).isPresent();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Conditions c && items.equals(c.items) && attributes.equals(c.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, attributes);
    }

    @Override
    public String toString() {
        return "Conditions" + items + (attributes.isEmpty() ? "" : attributes);
    }

    /** Builds {@link Conditions}. Not thread-safe. */
    public static final class Builder {
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Appends a child. */
        public Builder add(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Inserts a child at {@code index}. */
        public Builder add(int index, ExtensionElement item) {
            items.add(index, Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Replaces the first child with the same qualified name in place, or appends {@code item}. */
        public Builder put(ExtensionElement item) {
            for (int i = 0; i < items.size(); i++) {
                if (items.get(i).qname().equals(item.qname())) {
                    items.set(i, item);
                    return this;
                }
            }
            return add(item);
        }

        /** Removes the children matching {@code match}. */
        public Builder removeIf(Predicate<? super ExtensionElement> match) {
            items.removeIf(match);
            return this;
        }

        /** Adds an attribute. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        public Conditions build() {
            return new Conditions(this);
        }
    }
}
