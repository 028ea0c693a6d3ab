package io.presencekit.xcap.diff;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An XCAP diff document ({@code application/xcap-diff+xml}, RFC 5874): what changed under an XCAP
 * root, as {@link DocumentChange}s, {@link ElementChange}s and {@link AttributeChange}s. It is the
 * body of {@code xcap-diff} NOTIFYs (RFC 5875); Kamailio's emulation sends one document with its
 * new ETag per change.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class XcapDiff {
    /** {@code xcap-diff}. */
    public static final QName QNAME = new QName(XcapNamespaces.XCAP_DIFF, "xcap-diff");

    private final String xcapRoot;
    private final List<ExtensionElement> items;
    private final Map<QName, String> attributes;
    private final List<ParseWarning> warnings;

    private XcapDiff(Builder b) {
        this.xcapRoot = b.xcapRoot;
        this.items = List.copyOf(b.items);
        this.attributes = Values.orderedMap(b.attributes, "attributes");
        this.warnings = List.copyOf(b.warnings);
    }

    /** A builder for changes under {@code xcapRoot}. */
    public static Builder builder(String xcapRoot) {
        return new Builder().xcapRoot(Objects.requireNonNull(xcapRoot, "xcapRoot"));
    }

    /** A builder without an XCAP root (readers use it for a document that lacks one). */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.xcapRoot = xcapRoot;
        b.items.addAll(items);
        b.attributes.putAll(attributes);
        return b;
    }

    /** The XCAP root the selectors are relative to ({@code xcap-root}); null only in a lenient read without one. */
    public String xcapRoot() {
        return xcapRoot;
    }

    /** Every change and other element, in document order. */
    public List<ExtensionElement> items() {
        return items;
    }

    /** The document changes, in order. */
    public List<DocumentChange> documentChanges() {
        return Values.ofType(items, DocumentChange.class);
    }

    /** The element changes, in order. */
    public List<ElementChange> elementChanges() {
        return Values.ofType(items, ElementChange.class);
    }

    /** The attribute changes, in order. */
    public List<AttributeChange> attributeChanges() {
        return Values.ofType(items, AttributeChange.class);
    }

    /** The last change of the document at {@code sel}, if any. */
    public Optional<DocumentChange> documentChange(String sel) {
        DocumentChange last = null;
        for (DocumentChange d : documentChanges()) {
            if (d.sel().equals(sel)) {
                last = d;
            }
        }
        return Optional.ofNullable(last);
    }

    /** Attributes other than {@code xcap-root} (any namespace), kept as read. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XcapDiff d && Objects.equals(xcapRoot, d.xcapRoot) && items.equals(d.items)
                && attributes.equals(d.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(xcapRoot, items, attributes);
    }

    @Override
    public String toString() {
        return "XcapDiff[xcapRoot=" + xcapRoot + ", items=" + items
                + (attributes.isEmpty() ? "" : ", attributes=" + attributes)
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /** Builds an {@link XcapDiff}. Not thread-safe. */
    public static final class Builder {
        private String xcapRoot;
        private final List<ExtensionElement> items = new ArrayList<>();
        private final Map<QName, String> attributes = new LinkedHashMap<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Sets the XCAP root; null removes it. */
        public Builder xcapRoot(String xcapRoot) {
            this.xcapRoot = xcapRoot;
            return this;
        }

        /** Appends a change or another element. */
        public Builder item(ExtensionElement item) {
            items.add(Objects.requireNonNull(item, "item"));
            return this;
        }

        /** Adds an attribute to the root element. */
        public Builder attribute(QName name, String value) {
            attributes.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Records tolerated schema slips (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            this.warnings.addAll(warnings);
            return this;
        }

        public XcapDiff build() {
            return new XcapDiff(this);
        }
    }
}
