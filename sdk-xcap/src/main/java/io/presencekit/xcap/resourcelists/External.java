package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An {@code external}: the members of a list elsewhere, named by the absolute HTTP URI of that list (RFC 4826, section 3.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class External extends ListMember {
    /** {@code rl:external}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "external", "rl");

    private final String anchor;

    private External(Builder b) {
        super(b);
        this.anchor = b.anchor;
    }

    /** An external for {@code anchor} without a display name. */
    public static External of(String anchor) {
        return builder().anchor(anchor).build();
    }

    /** A builder for an external without attributes. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this external. */
    public Builder toBuilder() {
        Builder b = new Builder(this);
        b.anchor = anchor;
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The absolute HTTP URI of the referenced list ({@code anchor} attribute), if any. */
    public Optional<String> anchor() {
        return Optional.ofNullable(anchor);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof External e && Objects.equals(anchor, e.anchor) && Objects.equals(displayName, e.displayName)
                && extras.equals(e.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(anchor, displayName, extras);
    }

    @Override
    public String toString() {
        return "External[anchor=" + anchor + (displayName == null ? "" : ", displayName=" + displayName.text())
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds {@link External}. Not thread-safe. */
    public static final class Builder extends MemberBuilder<External, Builder> {
        private String anchor;

        private Builder() {
        }

        private Builder(External member) {
            super(member);
        }

        /** Sets the {@code anchor} attribute; null removes it. */
        public Builder anchor(String anchor) {
            this.anchor = anchor;
            return this;
        }

        @Override
        public External build() {
            return new External(this);
        }
    }
}
