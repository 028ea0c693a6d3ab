package io.presencekit.xcap.xcapcaps;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ParseWarning;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An XCAP server capabilities document ({@code application/xcap-caps+xml}, RFC 4825, section 12;
 * application usage {@code xcap-caps}, document {@code xcap-caps/global/index}): the application
 * usages the server supports ({@code auids}), its extensions and the namespaces it understands.
 * Clients read it first to learn which documents they can use.
 *
 * <p>Unlike python-sipsimple, whose {@code Namespace} item is bound to the wrong tag, the
 * {@code namespaces} list is read. Elements from other namespaces after {@code namespaces} are
 * kept in {@link #extensionElements()}.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class XcapCaps {
    /** {@code xcap-caps}. */
    public static final QName QNAME = new QName(XcapNamespaces.XCAP_CAPS, "xcap-caps");

    private final List<String> auids;
    private final List<String> extensions;
    private final boolean hasExtensions;
    private final List<String> namespaces;
    private final List<ExtensionElement> extensionElements;
    private final List<ParseWarning> warnings;

    private XcapCaps(Builder b) {
        this.auids = List.copyOf(b.auids);
        this.extensions = List.copyOf(b.extensions);
        this.hasExtensions = b.hasExtensions || !b.extensions.isEmpty();
        this.namespaces = List.copyOf(b.namespaces);
        this.extensionElements = List.copyOf(b.extensionElements);
        this.warnings = List.copyOf(b.warnings);
    }

    /** An empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.auids.addAll(auids);
        b.extensions.addAll(extensions);
        b.hasExtensions = hasExtensions;
        b.namespaces.addAll(namespaces);
        b.extensionElements.addAll(extensionElements);
        return b;
    }

    /** The supported application usages, in order. */
    public List<String> auids() {
        return auids;
    }

    /** Whether the server supports application usage {@code auid}. */
    public boolean supports(String auid) {
        return auids.contains(auid);
    }

    /** The supported extensions, in order. */
    public List<String> extensions() {
        return extensions;
    }

    /** Whether the document has an {@code extensions} element (it is optional, and may be empty). */
    public boolean hasExtensions() {
        return hasExtensions;
    }

    /** The namespaces the server understands, in order. */
    public List<String> namespaces() {
        return namespaces;
    }

    /** Whether the server understands {@code namespace}. */
    public boolean understands(String namespace) {
        return namespaces.contains(namespace);
    }

    /** Elements from other namespaces (and what a lenient read kept), in order. */
    public List<ExtensionElement> extensionElements() {
        return extensionElements;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XcapCaps c && auids.equals(c.auids) && extensions.equals(c.extensions)
                && hasExtensions == c.hasExtensions && namespaces.equals(c.namespaces)
                && extensionElements.equals(c.extensionElements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(auids, extensions, hasExtensions, namespaces, extensionElements);
    }

    @Override
    public String toString() {
        return "XcapCaps[auids=" + auids + (hasExtensions ? ", extensions=" + extensions : "") + ", namespaces="
                + namespaces + (extensionElements.isEmpty() ? "" : ", extensionElements=" + extensionElements)
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /** Builds {@link XcapCaps}. Not thread-safe. */
    public static final class Builder {
        private final List<String> auids = new ArrayList<>();
        private final List<String> extensions = new ArrayList<>();
        private boolean hasExtensions;
        private final List<String> namespaces = new ArrayList<>();
        private final List<ExtensionElement> extensionElements = new ArrayList<>();
        private final List<ParseWarning> warnings = new ArrayList<>();

        private Builder() {
        }

        /** Adds supported application usages. */
        public Builder auid(String... auids) {
            for (String a : auids) {
                this.auids.add(Objects.requireNonNull(a, "auid"));
            }
            return this;
        }

        /** Adds supported extensions (the {@code extensions} element is then written). */
        public Builder extension(String... extensions) {
            for (String e : extensions) {
                this.extensions.add(Objects.requireNonNull(e, "extension"));
            }
            hasExtensions = true;
            return this;
        }

        /** Whether to write an {@code extensions} element even when it is empty. */
        public Builder hasExtensions(boolean hasExtensions) {
            this.hasExtensions = hasExtensions;
            if (!hasExtensions) {
                extensions.clear();
            }
            return this;
        }

        /** Adds understood namespaces. */
        public Builder namespace(String... namespaces) {
            for (String n : namespaces) {
                this.namespaces.add(Objects.requireNonNull(n, "namespace"));
            }
            return this;
        }

        /** Appends an element from another namespace. */
        public Builder extensionElement(ExtensionElement element) {
            extensionElements.add(Objects.requireNonNull(element, "element"));
            return this;
        }

        /** Records tolerated schema slips (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            this.warnings.addAll(warnings);
            return this;
        }

        public XcapCaps build() {
            return new XcapCaps(this);
        }
    }
}
