package io.presencekit.pidf.rpid;

import io.presencekit.pidf.Note;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The kind of service a tuple offers: {@code rpid:service-class} (RFC 4480, section 3.9), for
 * example {@code electronic} for calls and messages or {@code postal} for a postal address given
 * as contact. Holds exactly one value: an RFC {@link Type} or elements from another namespace.
 *
 * <p>The schema gives this element no attributes; any found are kept in {@link #extras()} (with a
 * warning, or an error in strict mode).
 *
 * <p>Immutable and thread-safe.
 */
public final class ServiceClass implements ExtensionElement {
    /** {@code rpid:service-class}. */
    public static final QName QNAME = Rpid.name("service-class");

    /** The classes of service RFC 4480 names. */
    public enum Type {
        /** Delivered by courier. */
        COURIER("courier"),
        /** Electronic communication: calls, messages, e-mail. */
        ELECTRONIC("electronic"),
        /** Freight delivery. */
        FREIGHT("freight"),
        /** Meeting in person. */
        IN_PERSON("in-person"),
        /** Postal mail. */
        POSTAL("postal"),
        /** Not known. */
        UNKNOWN("unknown");

        private final String token;

        Type(String token) {
            this.token = token;
        }

        /** The element name in RFC 4480. */
        public String token() {
            return token;
        }

        /** The value for {@code token}, if it is one. */
        public static Optional<Type> fromToken(String token) {
            for (Type v : values()) {
                if (v.token.equals(token)) {
                    return Optional.of(v);
                }
            }
            return Optional.empty();
        }
    }

    private final List<Note> notes;
    private final Type type;
    private final List<ExtensionElement> elements;
    private final Extras extras;

    private ServiceClass(Builder b) {
        this.notes = List.copyOf(b.notes);
        this.type = b.type;
        this.elements = List.copyOf(b.elements);
        this.extras = b.extras;
        if ((type == null) == elements.isEmpty()) {
            throw new IllegalArgumentException("service-class has exactly one value: a type or foreign elements;"
                    + " got " + type + ", " + elements);
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A service class of {@code type}. */
    public static ServiceClass of(Type type) {
        return builder().type(type).build();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The {@code rpid:note}s, in document order. */
    public List<Note> notes() {
        return notes;
    }

    /** The RFC service class, if that is the form used. */
    public Optional<Type> type() {
        return Optional.ofNullable(type);
    }

    /** Service class elements from other namespaces, in document order. */
    public List<ExtensionElement> elements() {
        return elements;
    }

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceClass r && notes.equals(r.notes) && type == r.type && elements.equals(r.elements) && extras.equals(r.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(notes, type, elements, extras);
    }

    @Override
    public String toString() {
        return "ServiceClass[type=" + type
                + Rpid.field("elements", elements.isEmpty() ? null : elements)
                + Rpid.field("notes", notes.isEmpty() ? null : notes)
                + Rpid.field("extras", extras.isEmpty() ? null : extras) + "]";
    }

    /** Builds a {@link ServiceClass}. Not thread-safe. */
    public static final class Builder {
        private final List<Note> notes = new ArrayList<>();
        private Type type;
        private final List<ExtensionElement> elements = new ArrayList<>();
        private Extras extras = Extras.NONE;

        private Builder() {
        }

        private Builder(ServiceClass r) {
            notes.addAll(r.notes);
            type = r.type;
            elements.addAll(r.elements);
            extras = r.extras;
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

        /** Sets the RFC service class; null removes it. */
        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        /** Appends a service class element from another namespace. */
        public Builder element(ExtensionElement element) {
            elements.add(Rpid.requireForeign(element, "service class element"));
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
         * @throws IllegalArgumentException unless exactly one of a type and foreign elements is given
         */
        public ServiceClass build() {
            return new ServiceClass(this);
        }
    }
}
