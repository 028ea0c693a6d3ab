package io.presencekit.xcap.usage.internal;

import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.GenericElement;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * The namespaces a document uses, gathered so that the writer declares each once on the root:
 * namespaces with a preferred prefix first (registry order), then the others in the order met,
 * each with the prefix it was read with as a hint. Not thread-safe: one per document written.
 */
public final class NamespaceSet {
    private final ExtensionRegistry registry;
    private final Map<String, String> found = new LinkedHashMap<>();

    public NamespaceSet(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /** Adds a namespace without a prefix hint. */
    public NamespaceSet add(String uri) {
        return add(uri, null);
    }

    /** Adds a namespace with the prefix it had when read (null or empty for none). */
    public NamespaceSet add(String uri, String hint) {
        if (uri == null || uri.isEmpty() || XMLConstants.XML_NS_URI.equals(uri)) {
            return this;
        }
        String h = hint == null || hint.isEmpty() ? null : hint;
        if (!found.containsKey(uri) || found.get(uri) == null && h != null) {
            found.put(uri, h);
        }
        return this;
    }

    /** Adds the namespaces of qualified attribute names. */
    public NamespaceSet attributes(Map<QName, String> attributes) {
        for (QName a : attributes.keySet()) {
            add(a.getNamespaceURI(), a.getPrefix());
        }
        return this;
    }

    /**
     * Adds the namespaces of an element the caller's model does not know: a generic tree
     * (everything in it, with prefix hints) or a typed extension (what its codec reports).
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public NamespaceSet other(ExtensionElement e) {
        if (e instanceof GenericElement g) {
            DocumentWriter.collectNamespaces(g, this::add);
            return this;
        }
        ExtensionCodec codec = registry.codec(e.qname());
        if (codec != null && codec.type().isInstance(e)) {
            codec.collectNamespaces(e, uri -> add((String) uri));
        } else {
            add(e.qname().getNamespaceURI(), e.qname().getPrefix());
        }
        return this;
    }

    /** Namespace URI to prefix hint (null for none), in declaration order. */
    public Map<String, String> result() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String known : registry.preferredPrefixes().keySet()) {
            if (found.containsKey(known)) {
                ordered.put(known, found.get(known));
            }
        }
        found.forEach(ordered::putIfAbsent);
        return ordered;
    }
}
