package io.presencekit.xml;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Maps qualified names to {@link ExtensionCodec}s, and namespaces to the prefixes a writer
 * prefers for them. Each codec instance owns its own registry (nothing global), so an application
 * can plug its own extensions into one codec without affecting another.
 *
 * <p>Immutable and thread-safe; build with {@link #builder()} or extend with {@link #toBuilder()}.
 */
public final class ExtensionRegistry {
    private static final ExtensionRegistry EMPTY = builder().build();

    // namespace URI -> local name -> codec: lookups from a StAX reader need no QName allocation
    private final Map<String, Map<String, ExtensionCodec<?>>> byNamespace;
    private final Map<QName, ExtensionCodec<?>> byName;
    private final Map<String, String> prefixes;

    private ExtensionRegistry(Builder b) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(b.byName));
        Map<String, Map<String, ExtensionCodec<?>>> ns = new HashMap<>();
        for (Map.Entry<QName, ExtensionCodec<?>> e : b.byName.entrySet()) {
            ns.computeIfAbsent(e.getKey().getNamespaceURI(), k -> new HashMap<>()).put(e.getKey().getLocalPart(),
                    e.getValue());
        }
        this.byNamespace = ns;
        this.prefixes = Collections.unmodifiableMap(new LinkedHashMap<>(b.prefixes));
    }

    /** A registry with no codecs and no prefixes. */
    public static ExtensionRegistry empty() {
        return EMPTY;
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this registry's entries. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.byName.putAll(byName);
        b.prefixes.putAll(prefixes);
        return b;
    }

    /** The codec for the element, or null. */
    public ExtensionCodec<?> codec(String namespaceUri, String localName) {
        Map<String, ExtensionCodec<?>> m = byNamespace.get(namespaceUri == null ? "" : namespaceUri);
        return m == null ? null : m.get(localName);
    }

    /** The codec for the element, or null. */
    public ExtensionCodec<?> codec(QName name) {
        return byName.get(name);
    }

    /** Every registered codec. */
    public Collection<ExtensionCodec<?>> codecs() {
        return byName.values();
    }

    /** The prefix writers prefer for {@code namespaceUri}, or null. */
    public String preferredPrefix(String namespaceUri) {
        return prefixes.get(namespaceUri);
    }

    /** Namespace URI to preferred prefix, in registration order. */
    public Map<String, String> preferredPrefixes() {
        return prefixes;
    }

    /** Builds an {@link ExtensionRegistry}. Not thread-safe. */
    public static final class Builder {
        private final Map<QName, ExtensionCodec<?>> byName = new LinkedHashMap<>();
        private final Map<String, String> prefixes = new LinkedHashMap<>();

        private Builder() {
        }

        /** Registers {@code codec}, replacing any codec for the same element. */
        public Builder register(ExtensionCodec<?> codec) {
            Objects.requireNonNull(codec, "codec");
            byName.put(Objects.requireNonNull(codec.name(), "codec.name()"), codec);
            return this;
        }

        /** Registers every codec in {@code codecs}. */
        public Builder registerAll(Iterable<? extends ExtensionCodec<?>> codecs) {
            for (ExtensionCodec<?> c : codecs) {
                register(c);
            }
            return this;
        }

        /** Removes the codec for {@code name}, so that element is kept as a {@link GenericElement}. */
        public Builder unregister(QName name) {
            byName.remove(name);
            return this;
        }

        /** Sets the prefix writers use for {@code namespaceUri}. */
        public Builder prefix(String namespaceUri, String prefix) {
            prefixes.put(Objects.requireNonNull(namespaceUri, "namespaceUri"), Objects.requireNonNull(prefix, "prefix"));
            return this;
        }

        public ExtensionRegistry build() {
            return new ExtensionRegistry(this);
        }
    }
}
