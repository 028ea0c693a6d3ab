package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An {@code entry-ref}: a reference to an entry elsewhere in the user's resource-lists documents, as a relative XCAP URI (RFC 4826, section 3.2).
 *
 * <p>Immutable and thread-safe.
 */
public final class EntryRef extends ListMember {
    /** {@code rl:entry-ref}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "entry-ref", "rl");

    private final String ref;

    private EntryRef(Builder b) {
        super(b);
        this.ref = Objects.requireNonNull(b.ref, "ref");
    }

    /** An entry-ref for {@code ref} without a display name. */
    public static EntryRef of(String ref) {
        return builder(ref).build();
    }

    /** An entry-ref for {@code ref} named {@code displayName}. */
    public static EntryRef of(String ref, String displayName) {
        return builder(ref).displayName(displayName).build();
    }

    /** A builder for an entry-ref of {@code ref}. */
    public static Builder builder(String ref) {
        return new Builder().ref(ref);
    }

    /** A builder holding this entry-ref. */
    public Builder toBuilder() {
        Builder b = new Builder(this);
        b.ref = ref;
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The relative XCAP URI of the referenced entry ({@code ref} attribute). */
    public String ref() {
        return ref;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntryRef e && Objects.equals(ref, e.ref) && Objects.equals(displayName, e.displayName)
                && extras.equals(e.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(ref, displayName, extras);
    }

    @Override
    public String toString() {
        return "EntryRef[ref=" + ref + (displayName == null ? "" : ", displayName=" + displayName.text())
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds {@link EntryRef}. Not thread-safe. */
    public static final class Builder extends MemberBuilder<EntryRef, Builder> {
        private String ref;

        private Builder() {
        }

        private Builder(EntryRef member) {
            super(member);
        }

        /** Sets the {@code ref} attribute. */
        public Builder ref(String ref) {
            this.ref = Objects.requireNonNull(ref, "ref");
            return this;
        }

        @Override
        public EntryRef build() {
            return new EntryRef(this);
        }
    }
}
