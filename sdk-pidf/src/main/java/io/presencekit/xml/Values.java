package io.presencekit.xml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Small helpers for immutable value objects across the SDK's models: defensive copies that keep
 * insertion order (so writers are deterministic) and reject nulls. Not an API for applications.
 */
public final class Values {
    private Values() {
    }

    /** An unmodifiable copy of {@code map} in its iteration order; empty maps are shared. */
    public static <K, V> Map<K, V> orderedMap(Map<K, V> map, String what) {
        Objects.requireNonNull(map, what);
        if (map.isEmpty()) {
            return Map.of();
        }
        if (map.size() == 1) {
            Map.Entry<K, V> e = map.entrySet().iterator().next();
            return Map.of(Objects.requireNonNull(e.getKey(), what), Objects.requireNonNull(e.getValue(), what));
        }
        LinkedHashMap<K, V> copy = new LinkedHashMap<>(map.size() * 2);
        for (Map.Entry<K, V> e : map.entrySet()) {
            copy.put(Objects.requireNonNull(e.getKey(), what), Objects.requireNonNull(e.getValue(), what));
        }
        return Collections.unmodifiableMap(copy);
    }

    /** An unmodifiable copy of {@code list}; rejects null elements. */
    public static <T> List<T> list(List<? extends T> list, String what) {
        Objects.requireNonNull(list, what);
        return List.copyOf(list);
    }

    /** The elements of {@code items} that are instances of {@code type}, in order. */
    public static <T> List<T> ofType(List<?> items, Class<T> type) {
        List<T> out = null;
        for (Object o : items) {
            if (type.isInstance(o)) {
                if (out == null) {
                    out = new ArrayList<>(2);
                }
                out.add(type.cast(o));
            }
        }
        return out == null ? List.of() : Collections.unmodifiableList(out);
    }

    /** Maps every element, keeping order. */
    public static <A, B> List<B> map(List<A> items, Function<? super A, ? extends B> f) {
        List<B> out = new ArrayList<>(items.size());
        for (A a : items) {
            out.add(f.apply(a));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The constant among {@code values} whose token ({@code tokenOf}) equals {@code token}, or
     * null: the lookup of the enumerations that stand for XML tokens.
     */
    public static <E> E byToken(E[] values, Function<? super E, String> tokenOf, String token) {
        for (E v : values) {
            if (tokenOf.apply(v).equals(token)) {
                return v;
            }
        }
        return null;
    }

    /**
     * Whether {@code s} is an XML NCName, the lexical space of {@code xs:ID}: a letter or
     * underscore, then letters, digits, {@code _ - .} or middle dot.
     */
    public static boolean isNcName(String s) {
        if (s == null || s.isEmpty()) {
            return false;
        }
        char c = s.charAt(0);
        if (!(Character.isLetter(c) || c == '_')) {
            return false;
        }
        for (int i = 1; i < s.length(); i++) {
            c = s.charAt(i);
            if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '\u00B7')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends {@code item} to a builder's {@code list} and returns the list to keep: builders
     * start with no collection at all, hold a single element as an immutable one-element list
     * (which {@link #copy(List)} then shares instead of copying) and switch to an
     * {@link ArrayList} at the second element. Most presence elements have one note, one
     * extension or none.
     */
    public static <T> List<T> add(List<T> list, T item) {
        if (list == null || list.isEmpty()) {
            return List.of(item);
        }
        if (list instanceof ArrayList<T> a) {
            a.add(item);
            return a;
        }
        ArrayList<T> a = new ArrayList<>(Math.max(4, list.size() + 1));
        a.addAll(list);
        a.add(item);
        return a;
    }

    /** A builder's list in a form that can be changed in place (null stays null). */
    public static <T> List<T> mutable(List<T> list) {
        return list == null || list instanceof ArrayList ? list : new ArrayList<>(list);
    }

    /** An immutable copy of a builder's list that may never have been created. */
    public static <T> List<T> copy(List<T> list) {
        return list == null ? List.of() : List.copyOf(list);
    }

    /** Puts an entry into a builder's ordered map, creating it on first use. */
    public static <K, V> Map<K, V> put(Map<K, V> map, K key, V value) {
        Map<K, V> m = map == null ? new LinkedHashMap<>(4) : map;
        m.put(key, value);
        return m;
    }

    /** An immutable ordered copy of a builder's map that may never have been created. */
    public static <K, V> Map<K, V> copy(Map<K, V> map, String what) {
        return map == null ? Map.of() : orderedMap(map, what);
    }
}
