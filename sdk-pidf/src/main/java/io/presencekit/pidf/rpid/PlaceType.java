package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The type of place the person is in: {@code rpid:place-type} (RFC 4480, section 3.6). RPID
 * defines no values of its own: the place is either free text ({@code rpid:other}) or one or more
 * elements from another namespace, usually the RFC 4589 location types ({@code lt:residence},
 * {@code lt:street}, ...), kept as {@link GenericElement}s unless a codec for them is registered.
 * The schema requires exactly one of the two forms.
 *
 * <p>Immutable and thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class PlaceType extends RpidNotedElement {
    /** {@code rpid:place-type}. */
    public static final QName QNAME = Rpid.name("place-type");

    private final Note other;
    private final List<ExtensionElement> types;

    private PlaceType(Builder b) {
        super(b);
        this.other = b.other;
        this.types = Values.copy(b.types);
        if ((other == null) == types.isEmpty()) {
            throw new IllegalArgumentException(other == null
                    ? "place-type needs a place type: other text or an element such as an RFC 4589 location type"
                    : "place-type has either other text or place type elements, not both");
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A place type made of RFC 4589 location types, for example {@code ofLocationTypes("residence")}. */
    public static PlaceType ofLocationTypes(String... locationTypes) {
        Builder b = builder();
        for (String t : locationTypes) {
            b.locationType(t);
        }
        return b.build();
    }

    /** A place type described by free text ({@code rpid:other}). */
    public static PlaceType ofOther(String text) {
        return builder().other(text).build();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The free-text place type ({@code rpid:other}), if that is the form used. */
    public Optional<Note> other() {
        return Optional.ofNullable(other);
    }

    /** The place type elements from other namespaces, in document order; empty when {@link #other()} is used. */
    public List<ExtensionElement> types() {
        return types;
    }

    /** The local names of the RFC 4589 location types among {@link #types()}, for example {@code residence}. */
    public List<String> locationTypes() {
        List<String> out = new ArrayList<>(types.size());
        for (ExtensionElement e : types) {
            if (Namespaces.LOCATION_TYPE.equals(e.qname().getNamespaceURI())) {
                out.add(e.qname().getLocalPart());
            }
        }
        return List.copyOf(out);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaceType p && sameShared(p) && Objects.equals(other, p.other) && types.equals(p.types);
    }

    @Override
    public int hashCode() {
        return hashWith(other, types);
    }

    @Override
    public String toString() {
        return "PlaceType[" + (other != null ? "other=" + other : "types=" + types) + sharedFields() + "]";
    }

    /** Builds {@link PlaceType}. Not thread-safe. */
    public static final class Builder extends RpidNotedElement.Builder<Builder> {
        private Note other;
        private List<ExtensionElement> types;

        private Builder() {
        }

        private Builder(PlaceType p) {
            super(p);
            other = p.other;
            types = p.types;
        }

        /** Sets the free-text place type ({@code rpid:other}); null removes it. */
        public Builder other(Note other) {
            this.other = other;
            return this;
        }

        /** Sets the free-text place type ({@code rpid:other}) without language. */
        public Builder other(String text) {
            return other(Note.of(text));
        }

        /** Appends a place type element from another namespace. */
        public Builder type(ExtensionElement type) {
            types = Values.add(types, Rpid.requireForeign(type, "place type element"));
            return this;
        }

        /** Appends the RFC 4589 location type {@code name} ({@code lt:name}, an empty element). */
        public Builder locationType(String name) {
            Objects.requireNonNull(name, "name");
            if (name.isBlank()) {
                throw new IllegalArgumentException("blank location type");
            }
            return type(GenericElement.builder(new QName(Namespaces.LOCATION_TYPE, name, "lt")).build());
        }

        /** Removes every place type element. */
        public Builder clearTypes() {
            types = null;
            return this;
        }

        /**
         * Builds the element.
         *
         * @throws IllegalArgumentException unless exactly one of other text and place type elements is given
         */
        public PlaceType build() {
            return new PlaceType(this);
        }
    }
}
