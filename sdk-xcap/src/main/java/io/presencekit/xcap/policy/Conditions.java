package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.Optional;
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
public final class Conditions extends RulePart {
    /** {@code cp:conditions}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "conditions", "cp");

    private Conditions(Builder b) {
        super(b);
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
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
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

    /** Builds {@link Conditions}. Not thread-safe. */
    public static final class Builder extends PartBuilder<Conditions, Builder> {
        private Builder() {
        }

        private Builder(Conditions part) {
            super(part);
        }

        @Override
        public Conditions build() {
            return new Conditions(this);
        }
    }
}
