package io.presencekit.pidf.rpid;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * Which kinds of communication third parties near the person are unlikely to overhear or read:
 * {@code rpid:privacy} (RFC 4480, section 3.7). Either {@code unknown}, or any of audio, text and
 * video, plus media from other namespaces.
 *
 * <p>The schema lists audio, text and video in that order, but the RFC's own example gives text
 * first; the media form a set, so the reader accepts any order and the writer uses the schema's.
 *
 * <p>Immutable and thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class Privacy extends RpidNotedElement {
    /** {@code rpid:privacy}. */
    public static final QName QNAME = Rpid.name("privacy");

    /** A medium that is private where the person is. */
    public enum Medium {
        /** Nobody nearby can overhear a call ({@code rpid:audio}). */
        AUDIO("audio"),
        /** Nobody nearby can read messages ({@code rpid:text}). */
        TEXT("text"),
        /** Nobody nearby can see video ({@code rpid:video}). */
        VIDEO("video");

        private final String token;

        Medium(String token) {
            this.token = token;
        }

        /** The element name in RFC 4480. */
        public String token() {
            return token;
        }

        /** The value for {@code token}, if it is one. */
        public static Optional<Medium> fromToken(String token) {
            return Optional.ofNullable(Values.byToken(values(), Medium::token, token));
        }
    }

    private final boolean unknown;
    private final Set<Medium> media;
    private final List<ExtensionElement> elements;

    private Privacy(Builder b) {
        super(b);
        this.unknown = b.unknown;
        this.media = Collections.unmodifiableSet(EnumSet.copyOf(b.media));
        this.elements = Values.copy(b.elements);
        if (unknown && !(media.isEmpty() && elements.isEmpty())) {
            throw new IllegalArgumentException("privacy 'unknown' cannot be combined with media: " + media + elements);
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Privacy for the given media. */
    public static Privacy of(Medium... media) {
        Builder b = builder();
        for (Medium m : media) {
            b.medium(m);
        }
        return b.build();
    }

    /** Privacy explicitly {@code unknown}. */
    public static Privacy unknownPrivacy() {
        return builder().unknown(true).build();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** Whether privacy is explicitly {@code unknown}. */
    public boolean isUnknown() {
        return unknown;
    }

    /** The private media, in schema order (audio, text, video). */
    public Set<Medium> media() {
        return media;
    }

    /** Whether {@code medium} is private. */
    public boolean isPrivate(Medium medium) {
        return media.contains(medium);
    }

    /** Private media from other namespaces, in document order. */
    public List<ExtensionElement> elements() {
        return elements;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Privacy p && sameShared(p) && unknown == p.unknown && media.equals(p.media)
                && elements.equals(p.elements);
    }

    @Override
    public int hashCode() {
        return hashWith(unknown, media, elements);
    }

    @Override
    public String toString() {
        return "Privacy[" + (unknown ? "unknown" : "media=" + media)
                + Rpid.field("elements", elements.isEmpty() ? null : elements) + sharedFields() + "]";
    }

    /** Builds {@link Privacy}. Not thread-safe. */
    public static final class Builder extends RpidNotedElement.Builder<Builder> {
        private boolean unknown;
        private final EnumSet<Medium> media = EnumSet.noneOf(Medium.class);
        private List<ExtensionElement> elements;

        private Builder() {
        }

        private Builder(Privacy p) {
            super(p);
            unknown = p.unknown;
            media.addAll(p.media);
            elements = p.elements;
        }

        /** Marks privacy as explicitly {@code unknown} (true) or not. */
        public Builder unknown(boolean unknown) {
            this.unknown = unknown;
            return this;
        }

        /** Adds a private medium. */
        public Builder medium(Medium medium) {
            media.add(Objects.requireNonNull(medium, "medium"));
            return this;
        }

        /** Appends a private medium from another namespace. */
        public Builder element(ExtensionElement element) {
            elements = Values.add(elements, Rpid.requireForeign(element, "privacy element"));
            return this;
        }

        /** Removes every medium, RFC and foreign. */
        public Builder clearMedia() {
            media.clear();
            elements = null;
            return this;
        }

        /**
         * Builds the element.
         *
         * @throws IllegalArgumentException if {@code unknown} is combined with a medium
         */
        public Privacy build() {
            return new Privacy(this);
        }
    }
}
