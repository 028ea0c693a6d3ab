package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The shape {@link Activities} and {@link Mood} share (RFC 4480, sections 3.2 and 3.4): after the
 * notes, a list of values, each one of the RFC's tokens, a free-text {@code rpid:other} or an
 * element from another namespace; {@code unknown} stands alone. The two differ only in their
 * vocabulary, their wording and whether a value is required, which {@link Kind} carries.
 */
abstract class RpidTokenList extends RpidNotedElement {
    /**
     * What tells one token list from the other.
     *
     * @param singular what one value is called in messages ({@code activity})
     * @param plural   what several are called ({@code activities})
     * @param tokens   the RFC's tokens, {@code unknown} included and {@code other} not
     */
    record Kind(String singular, String plural, Set<String> tokens) {
    }

    private final List<String> tokens;
    private final List<Note> others;
    private final List<ExtensionElement> elements;

    RpidTokenList(Builder<?> b) {
        super(b);
        this.tokens = Values.copy(b.tokens);
        this.others = Values.copy(b.others);
        this.elements = Values.copy(b.elements);
        if (tokens.contains("unknown") && tokens.size() + others.size() + elements.size() > 1) {
            Kind k = b.kind;
            throw new IllegalArgumentException(k.singular() + " 'unknown' cannot be combined with other "
                    + k.plural() + ": " + tokens + Rpid.texts(others) + elements);
        }
    }

    /** The RFC token of each known value in document order, for example {@code on-the-phone} or {@code happy}. */
    public List<String> tokens() {
        return tokens;
    }

    /** Whether {@code token} is among {@link #tokens()}. */
    public boolean has(String token) {
        return tokens.contains(token);
    }

    /** Whether the value is explicitly {@code unknown}. */
    public boolean isUnknown() {
        return tokens.contains("unknown");
    }

    /** The {@code rpid:other} values (free text with an optional language), in document order. */
    public List<Note> others() {
        return others;
    }

    /** The text of each {@code rpid:other}, in document order. */
    public List<String> otherTexts() {
        return Rpid.texts(others);
    }

    /** Values from other namespaces, in document order. */
    public List<ExtensionElement> elements() {
        return elements;
    }

    /** Whether there is no value at all (neither a token, nor {@code other}, nor a foreign element). */
    final boolean hasNoValue() {
        return tokens.isEmpty() && others.isEmpty() && elements.isEmpty();
    }

    // Activities and Mood are never equal to each other, hence the class test.
    @Override
    public boolean equals(Object o) {
        return o instanceof RpidTokenList t && t.getClass() == getClass() && sameShared(t)
                && tokens.equals(t.tokens) && others.equals(t.others) && elements.equals(t.elements);
    }

    @Override
    public int hashCode() {
        return hashWith(tokens, others, elements);
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[tokens=" + tokens
                + Rpid.field("others", others.isEmpty() ? null : others)
                + Rpid.field("elements", elements.isEmpty() ? null : elements) + sharedFields() + "]";
    }

    /**
     * The setters for the values; the concrete builder names the token setter for its vocabulary
     * ({@code activity}, {@code mood}). Not thread-safe.
     */
    abstract static class Builder<B extends Builder<B>> extends RpidNotedElement.Builder<B> {
        private final Kind kind;
        // created on first use (see Values.add): a list usually holds one token and nothing else
        private List<String> tokens;
        private List<Note> others;
        private List<ExtensionElement> elements;

        Builder(Kind kind) {
            this.kind = kind;
        }

        Builder(Kind kind, RpidTokenList t) {
            super(t);
            this.kind = kind;
            tokens = t.tokens;
            others = t.others;
            elements = t.elements;
        }

        /** Appends a known token; the concrete builder's public setter calls this. */
        final B token(String token) {
            Objects.requireNonNull(token, "token");
            if (!kind.tokens().contains(token)) {
                throw new IllegalArgumentException("not an RFC 4480 " + kind.singular() + ": '" + token + "'"
                        + ("other".equals(token) ? " (use other(text))" : ""));
            }
            tokens = Values.add(tokens, token);
            return self();
        }

        /** Appends an {@code rpid:other} value described by {@code text}. */
        public B other(String text) {
            return other(Note.of(text));
        }

        /** Appends an {@code rpid:other} value with a language. */
        public B other(Note other) {
            others = Values.add(others, Rpid.note(other, "other"));
            return self();
        }

        /** Appends a value element from another namespace. */
        public B element(ExtensionElement element) {
            elements = Values.add(elements, Rpid.requireForeign(element, kind.singular() + " element"));
            return self();
        }

        /** Removes every value (tokens, others and foreign elements); notes stay. */
        final B clearValues() {
            tokens = null;
            others = null;
            elements = null;
            return self();
        }
    }
}
