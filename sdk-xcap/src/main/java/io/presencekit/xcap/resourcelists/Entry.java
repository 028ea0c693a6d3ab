package io.presencekit.xcap.resourcelists;

import io.presencekit.xcap.usage.XcapNamespaces;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An {@code entry}: one resource, named by its URI (RFC 4826, section 3.2). A presence list member is an entry with a SIP URI. Content from other namespaces ({@code agp-rl:attributes}, for example) is kept in {@link #extras()}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Entry extends ListMember {
    /** {@code rl:entry}. */
    public static final QName QNAME = new QName(XcapNamespaces.RESOURCE_LISTS, "entry", "rl");

    private final String uri;

    private Entry(Builder b) {
        super(b);
        this.uri = Objects.requireNonNull(b.uri, "uri");
    }

    /** An entry for {@code uri} without a display name. */
    public static Entry of(String uri) {
        return builder(uri).build();
    }

    /** An entry for {@code uri} named {@code displayName}. */
    public static Entry of(String uri, String displayName) {
        return builder(uri).displayName(displayName).build();
    }

    /** A builder for an entry of {@code uri}. */
    public static Builder builder(String uri) {
        return new Builder().uri(uri);
    }

    /** A builder holding this entry. */
    public Builder toBuilder() {
        Builder b = new Builder(this);
        b.uri = uri;
        return b;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The URI of the resource ({@code uri} attribute). */
    public String uri() {
        return uri;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Entry e && Objects.equals(uri, e.uri) && Objects.equals(displayName, e.displayName)
                && extras.equals(e.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, displayName, extras);
    }

    @Override
    public String toString() {
        return "Entry[uri=" + uri + (displayName == null ? "" : ", displayName=" + displayName.text())
                + (extras.isEmpty() ? "" : ", extras=" + extras) + "]";
    }

    /** Builds {@link Entry}. Not thread-safe. */
    public static final class Builder extends MemberBuilder<Entry, Builder> {
        private String uri;

        private Builder() {
        }

        private Builder(Entry member) {
            super(member);
        }

        /** Sets the {@code uri} attribute. */
        public Builder uri(String uri) {
            this.uri = Objects.requireNonNull(uri, "uri");
            return this;
        }

        @Override
        public Entry build() {
            return new Entry(this);
        }
    }
}
