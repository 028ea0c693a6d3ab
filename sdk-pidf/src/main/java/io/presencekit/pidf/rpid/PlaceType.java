package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.GenericElement;
import java.time.OffsetDateTime;
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
public final class PlaceType implements ExtensionElement {
    /** {@code rpid:place-type}. */
    public static final QName QNAME = Rpid.name("place-type");

    private final String id;
    private final OffsetDateTime from;
    private final OffsetDateTime until;
    private final List<Note> notes;
    private final Note other;
    private final List<ExtensionElement> types;
    private final Extras extras;

    private PlaceType(Builder b) {
        this.id = b.id;
        this.from = b.from;
        this.until = b.until;
        this.notes = List.copyOf(b.notes);
        this.other = b.other;
        this.types = List.copyOf(b.types);
        this.extras = b.extras;
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

    /** The {@code id} attribute. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** Start of the period this information describes ({@code from}). */
    public Optional<OffsetDateTime> from() {
        return Optional.ofNullable(from);
    }

    /** End of the period this information describes ({@code until}). */
    public Optional<OffsetDateTime> until() {
        return Optional.ofNullable(until);
    }

    /** The {@code rpid:note}s, in document order. */
    public List<Note> notes() {
        return notes;
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

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PlaceType p && Objects.equals(id, p.id) && Rpid.sameInstant(from, p.from)
                && Rpid.sameInstant(until, p.until) && notes.equals(p.notes) && Objects.equals(other, p.other)
                && types.equals(p.types) && extras.equals(p.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, Rpid.instant(from), Rpid.instant(until), notes, other, types, extras);
    }

    @Override
    public String toString() {
        return "PlaceType[" + (other != null ? "other=" + other : "types=" + types) + Rpid.field("id", id)
                + Rpid.field("from", from) + Rpid.field("until", until)
                + Rpid.field("notes", notes.isEmpty() ? null : notes)
                + Rpid.field("extras", extras.isEmpty() ? null : extras) + "]";
    }

    /** Builds {@link PlaceType}. Not thread-safe. */
    public static final class Builder {
        private String id;
        private OffsetDateTime from;
        private OffsetDateTime until;
        private final List<Note> notes = new ArrayList<>();
        private Note other;
        private final List<ExtensionElement> types = new ArrayList<>();
        private Extras extras = Extras.NONE;

        private Builder() {
        }

        private Builder(PlaceType p) {
            id = p.id;
            from = p.from;
            until = p.until;
            notes.addAll(p.notes);
            other = p.other;
            types.addAll(p.types);
            extras = p.extras;
        }

        /** Sets the {@code id} attribute; null removes it. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets {@code from}; null removes it. */
        public Builder from(OffsetDateTime from) {
            this.from = from;
            return this;
        }

        /** Sets {@code until}; null removes it. */
        public Builder until(OffsetDateTime until) {
            this.until = until;
            return this;
        }

        /** Appends an {@code rpid:note}. */
        public Builder note(Note note) {
            notes.add(Rpid.note(note, "note"));
            return this;
        }

        /** Appends an {@code rpid:note} without language. */
        public Builder note(String text) {
            return note(Note.of(text));
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
            types.add(Rpid.requireForeign(type, "place type element"));
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
            types.clear();
            return this;
        }

        /** Sets the attributes and child elements outside the schema. */
        public Builder extras(Extras extras) {
            this.extras = Objects.requireNonNull(extras, "extras");
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
