package io.presencekit.pidf.caps;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code supported} / {@code notsupported} pair that RFC 5196 uses for every structured
 * capability: methods, event packages, SIP extensions, duplex modes, classes, actors, schemes,
 * languages, priorities (section 3.2) and mobility (section 3.3).
 *
 * <p>For the name lists (methods, event packages, extensions, duplex, class, actor, mobility) the
 * items are the element names the schema defines, such as {@code INVITE} or {@code full}; for
 * schemes and languages they are the text of the {@code s} and {@code l} elements; for priority
 * they are {@link PriorityCondition}s. Items are sets: order carries no meaning and writers use the
 * schema's order. Elements from other namespaces inside either list are kept, in order, in the
 * {@code *Extras} lists.
 *
 * <p>Immutable. Equality ignores the order of items.
 *
 * @param <T>                  the item type
 * @param supported            what is supported
 * @param notSupported         what is explicitly not supported
 * @param supportedExtras      other-namespace elements inside {@code supported}
 * @param notSupportedExtras   other-namespace elements inside {@code notsupported}
 */
public record Support<T>(Set<T> supported, Set<T> notSupported, List<ExtensionElement> supportedExtras,
        List<ExtensionElement> notSupportedExtras) {
    public Support {
        supported = copy(supported, "supported");
        notSupported = copy(notSupported, "notSupported");
        supportedExtras = Values.list(supportedExtras, "supportedExtras");
        notSupportedExtras = Values.list(notSupportedExtras, "notSupportedExtras");
    }

    /** A pair of lists without extras. */
    public static <T> Support<T> of(Collection<? extends T> supported, Collection<? extends T> notSupported) {
        return new Support<>(new LinkedHashSet<>(supported), new LinkedHashSet<>(notSupported), List.of(), List.of());
    }

    /** Supports {@code items}, says nothing about the rest. */
    @SafeVarargs
    public static <T> Support<T> supporting(T... items) {
        Set<T> set = new LinkedHashSet<>();
        for (T item : items) {
            set.add(item);
        }
        return new Support<>(set, Set.of(), List.of(), List.of());
    }

    /** Says that {@code items} are not supported, and nothing else. */
    @SafeVarargs
    public static <T> Support<T> notSupporting(T... items) {
        Set<T> set = new LinkedHashSet<>();
        for (T item : items) {
            set.add(item);
        }
        return new Support<>(Set.of(), set, List.of(), List.of());
    }

    /** True when {@code item} is listed as supported, false when listed as not supported, else empty. */
    public Optional<Boolean> support(T item) {
        if (supported.contains(item)) {
            return Optional.of(Boolean.TRUE);
        }
        return notSupported.contains(item) ? Optional.of(Boolean.FALSE) : Optional.empty();
    }

    /** Whether {@code item} is listed as supported. */
    public boolean supports(T item) {
        return supported.contains(item);
    }

    /** Whether both lists and both extras are empty. */
    public boolean isEmpty() {
        return supported.isEmpty() && notSupported.isEmpty() && supportedExtras.isEmpty()
                && notSupportedExtras.isEmpty();
    }

    private static <T> Set<T> copy(Set<T> items, String what) {
        Objects.requireNonNull(items, what);
        if (items.isEmpty()) {
            return Set.of();
        }
        LinkedHashSet<T> copy = new LinkedHashSet<>(items.size() * 2);
        for (T item : items) {
            copy.add(Objects.requireNonNull(item, what));
        }
        return Collections.unmodifiableSet(copy);
    }
}
