package io.presencekit.xml;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Gathers the namespaces a document's extension elements use, so that a writer can declare them
 * once on the root ({@link DocumentWriter#declareOnRoot}). Namespaces with a preferred prefix in
 * the registry come first, in registry order; the others follow in the order met, each with the
 * prefix it had when read, as a hint.
 *
 * <p>Not thread-safe: one collector per document written.
 */
public final class NamespaceCollector {
    private final ExtensionRegistry registry;
    private final Map<String, String> found = new LinkedHashMap<>();

    /** A collector asking {@code registry}'s codecs which namespaces their elements write. */
    public NamespaceCollector(ExtensionRegistry registry) {
        this.registry = registry;
    }

    /** Adds a namespace the document's own elements use. */
    public NamespaceCollector add(String namespaceUri) {
        found.putIfAbsent(namespaceUri, null);
        return this;
    }

    /** Adds the namespaces of {@code elements} and everything inside them. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public NamespaceCollector addAll(List<? extends ExtensionElement> elements) {
        Consumer<String> plain = this::add;
        for (ExtensionElement e : elements) {
            if (e instanceof GenericElement g) {
                DocumentWriter.collectNamespaces(g, (uri, prefix) -> {
                    if (found.get(uri) == null) {
                        found.put(uri, prefix == null || prefix.isEmpty() ? null : prefix);
                    }
                });
            } else {
                ExtensionCodec codec = registry.codec(e.qname());
                if (codec != null && codec.type().isInstance(e)) {
                    codec.collectNamespaces(e, plain);
                } else {
                    add(e.qname().getNamespaceURI());
                }
            }
        }
        return this;
    }

    /** Namespace URI to prefix hint (null for none), in declaration order; the empty namespace is left out. */
    public Map<String, String> result() {
        Map<String, String> ordered = new LinkedHashMap<>();
        for (String known : registry.preferredPrefixes().keySet()) {
            if (found.containsKey(known)) {
                ordered.put(known, null);
            }
        }
        found.forEach(ordered::putIfAbsent);
        ordered.remove("");
        return ordered;
    }
}
