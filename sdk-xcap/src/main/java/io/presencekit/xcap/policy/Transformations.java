package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.List;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The {@code transformations} of a rule (RFC 4745, section 9): elements from other namespaces only,
 * such as the pres-rules permissions ({@link ProvideComponents}, {@link BooleanPermission},
 * {@link ProvideUserInput}, {@link ProvideUnknownAttribute}, {@link ProvideAllAttributes}) and
 * the OMA ones ({@link BooleanPermission} kinds in the OMA namespace, {@link ProvideGeopriv}).
 * Unknown transformations are kept as generic elements.
 *
 * <p>RFC 5025 gives a watcher nothing that no transformation grants; Kamailio instead delivers
 * the whole document when a rule has no {@code transformations} element.
 *
 * <p>Immutable and thread-safe.
 */
public final class Transformations extends RulePart {
    /** {@code cp:transformations}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "transformations", "cp");

    private Transformations(Builder b) {
        super(b);
    }

    /** The element holding {@code items}, in order. */
    public static Transformations of(ExtensionElement... items) {
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
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** A {@code provide-services}, {@code provide-devices} or {@code provide-persons} permission, if present. */
    public Optional<ProvideComponents> provide(ProvideComponents.Component component) {
        return items(ProvideComponents.class).stream().filter(p -> p.component() == component).findFirst();
    }

    /** The value of a boolean permission such as {@code provide-activities}, if present. */
    public Optional<Boolean> permission(BooleanPermission.Kind kind) {
        return items(BooleanPermission.class).stream().filter(p -> p.kind() == kind).map(BooleanPermission::allowed)
                .findFirst();
    }

    /** The {@code provide-user-input} permission, if present. */
    public Optional<ProvideUserInput> provideUserInput() {
        return item(ProvideUserInput.class);
    }

    /** The {@code provide-unknown-attribute} permissions, in order. */
    public List<ProvideUnknownAttribute> unknownAttributes() {
        return items(ProvideUnknownAttribute.class);
    }

    /** Whether {@code provide-all-attributes} is present. */
    public boolean providesAllAttributes() {
        return item(ProvideAllAttributes.class).isPresent();
    }

    /** Builds {@link Transformations}. Not thread-safe. */
    public static final class Builder extends PartBuilder<Transformations, Builder> {
        private Builder() {
        }

        private Builder(Transformations part) {
            super(part);
        }

        @Override
        public Transformations build() {
            return new Transformations(this);
        }
    }
}
