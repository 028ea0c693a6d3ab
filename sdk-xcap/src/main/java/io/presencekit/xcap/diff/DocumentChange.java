package io.presencekit.xcap.diff;

import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * An xcap-diff {@code document} (RFC 5874, section 4): a document that exists, was created,
 * changed or removed, named by its selector relative to the XCAP root, with its new and previous
 * ETags, and either {@code body-not-changed} or the patch operations that turn the previous
 * version into the new one. Immutable.
 *
 * @param sel            the document selector ({@code sel}), for example
 *                       {@code resource-lists/users/sip:joe@example.com/index}
 * @param newEtag        {@code new-etag}, or null when the document was removed
 * @param previousEtag   {@code previous-etag}, or null when the document is new or simply listed
 * @param bodyNotChanged whether {@code body-not-changed} is present
 * @param items          the patch operations ({@link PatchOperation}) and other elements, in order
 * @param attributes     other attributes (any namespace), in order
 */
public record DocumentChange(String sel, String newEtag, String previousEtag, boolean bodyNotChanged,
        List<ExtensionElement> items, Map<QName, String> attributes) implements ExtensionElement {
    /** {@code document}. */
    public static final QName QNAME = new QName(XcapNamespaces.XCAP_DIFF, "document");

    public DocumentChange {
        Objects.requireNonNull(sel, "sel");
        items = Values.list(items, "items");
        attributes = Values.orderedMap(attributes, "attributes");
        if (bodyNotChanged && !items.isEmpty()) {
            throw new IllegalArgumentException("body-not-changed excludes patch operations");
        }
    }

    /** A document with {@code sel} and {@code newEtag} and nothing else, as Kamailio's emulation sends. */
    public static DocumentChange of(String sel, String newEtag) {
        return new DocumentChange(sel, newEtag, null, false, List.of(), Map.of());
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The application usage: the first step of the selector. */
    public String auid() {
        String s = sel.startsWith("/") ? sel.substring(1) : sel;
        int slash = s.indexOf('/');
        return slash < 0 ? s : s.substring(0, slash);
    }

    /** The new ETag, if the document exists. */
    public Optional<String> newEtagValue() {
        return Optional.ofNullable(newEtag);
    }

    /** The previous ETag, if given. */
    public Optional<String> previousEtagValue() {
        return Optional.ofNullable(previousEtag);
    }

    /** Whether the document was removed: a previous ETag and no new one (RFC 5874, section 4.1). */
    public boolean isRemoved() {
        return newEtag == null && previousEtag != null;
    }

    /** Whether the document is new: a new ETag and no previous one. */
    public boolean isCreated() {
        return newEtag != null && previousEtag == null;
    }

    /** The patch operations, in order. */
    public List<PatchOperation> patchOperations() {
        return Values.ofType(items, PatchOperation.class);
    }
}
