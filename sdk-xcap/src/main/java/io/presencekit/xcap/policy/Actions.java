package io.presencekit.xcap.policy;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The {@code actions} of a rule (RFC 4745, section 8): elements from other namespaces only, such as
 * the pres-rules {@link SubHandling}. Unknown actions are kept as generic elements.
 *
 * <p>Immutable and thread-safe.
 */
public final class Actions extends RulePart {
    /** {@code cp:actions}. */
    public static final QName QNAME = new QName(XcapNamespaces.COMMON_POLICY, "actions", "cp");

    private Actions(Builder b) {
        super(b);
    }

    /** The element holding {@code items}, in order. */
    public static Actions of(ExtensionElement... items) {
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

    /** The pres-rules {@code sub-handling} action, if any. */
    public Optional<SubHandling> subHandling() {
        return item(SubHandling.class);
    }

    /** Builds {@link Actions}. Not thread-safe. */
    public static final class Builder extends PartBuilder<Actions, Builder> {
        private Builder() {
        }

        private Builder(Actions part) {
            super(part);
        }

        @Override
        public Actions build() {
            return new Actions(this);
        }
    }
}
