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

    // local name -> the codecs with that local name (nearly always one): a lookup from a StAX
    // reader is one hash probe on the parser's interned name and no QName allocation
    private final Map<String, ExtensionCodec<?>[]> byLocalName;
    private final Map<QName, ExtensionCodec<?>> byName;
    private final Map<String, String> prefixes;

    private ExtensionRegistry(Builder b) {
        this.byName = Collections.unmodifiableMap(new LinkedHashMap<>(b.byName));
        Map<String, ExtensionCodec<?>[]> local = new HashMap<>();
        for (Map.Entry<QName, ExtensionCodec<?>> e : b.byName.entrySet()) {
            ExtensionCodec<?>[] old = local.get(e.getKey().getLocalPart());
            ExtensionCodec<?>[] now = old == null ? new ExtensionCodec<?>[1] : java.util.Arrays.copyOf(old, old.length + 1);
            now[now.length - 1] = e.getValue();
            local.put(e.getKey().getLocalPart(), now);
        }
        this.byLocalName = local;
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
        ExtensionCodec<?>[] candidates = byLocalName.get(localName);
        if (candidates == null) {
            return null;
        }
        String ns = namespaceUri == null ? "" : namespaceUri;
        for (ExtensionCodec<?> c : candidates) {
            if (ns.equals(c.name().getNamespaceURI())) {
                return c;
            }
        }
        return null;
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
