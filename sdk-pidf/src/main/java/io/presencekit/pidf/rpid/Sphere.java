package io.presencekit.pidf.rpid;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * The role the person currently plays: {@code rpid:sphere} (RFC 4480, section 3.10). One of
 * {@code home}, {@code work} and {@code unknown} ({@link Type}), free text naming another sphere
 * (the RFC's example is {@code <rpid:sphere>bowling league</rpid:sphere>}), or elements from
 * another namespace; or nothing at all.
 *
 * <p>The RFC schema declares no mixed content for this element, but the RFC's text and example
 * use free text, so text is accepted in every mode. Foreign elements in it are always kept as
 * {@link io.presencekit.xml.GenericElement}s.
 *
 * <p>Immutable and thread-safe. Equality compares {@code from} and {@code until} as instants.
 */
public final class Sphere extends RpidElement {
    /** {@code rpid:sphere}. */
    public static final QName QNAME = Rpid.name("sphere");

    /** The spheres RFC 4480 names. */
    public enum Type {
        /** At home, in private life. */
        HOME("home"),
        /** At work. */
        WORK("work"),
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
            return Optional.ofNullable(Values.byToken(values(), Type::token, token));
        }
    }

    private final Type type;
    private final String text;
    private final List<ExtensionElement> elements;
    private final Extras extras;

    private Sphere(Builder b) {
        super(b);
        this.type = b.type;
        this.text = b.text;
        this.elements = Values.copy(b.elements);
        this.extras = b.extras;
        int forms = (type == null ? 0 : 1) + (text == null ? 0 : 1) + (elements.isEmpty() ? 0 : 1);
        if (forms > 1) {
            throw new IllegalArgumentException("sphere has one value: a type, text or foreign elements; got " + type
                    + ", " + text + ", " + elements);
        }
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The sphere {@code type}. */
    public static Sphere of(Type type) {
        return builder().type(type).build();
    }

    /** A sphere named by free text, for example {@code ofText("bowling league")}. */
    public static Sphere ofText(String text) {
        return builder().text(text).build();
    }

    /** A builder holding this element's content. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /** The RFC sphere, if that is the form used. */
    public Optional<Type> type() {
        return Optional.ofNullable(type);
    }

    /** The free-text sphere (leading and trailing whitespace removed), if that is the form used. */
    public Optional<String> text() {
        return Optional.ofNullable(text);
    }

    /** Sphere elements from other namespaces, in document order. */
    public List<ExtensionElement> elements() {
        return elements;
    }

    /** Attributes and child elements outside the schema, kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Sphere s && sameTimes(s) && type == s.type && Objects.equals(text, s.text)
                && elements.equals(s.elements) && extras.equals(s.extras);
    }

    @Override
    public int hashCode() {
        return Rpid.hash(hashTimes(1), type, text, elements, extras);
    }

    @Override
    public String toString() {
        return "Sphere[type=" + type + Rpid.field("text", text)
                + Rpid.field("elements", elements.isEmpty() ? null : elements) + timesFields()
                + Rpid.field("extras", extras.isEmpty() ? null : extras) + "]";
    }

    /** Builds a {@link Sphere}. Not thread-safe. */
    public static final class Builder extends RpidElement.Builder<Builder> {
        private Type type;
        private String text;
        private List<ExtensionElement> elements;
        private Extras extras = Extras.NONE;

        private Builder() {
        }

        private Builder(Sphere s) {
            super(s);
            type = s.type;
            text = s.text;
            elements = s.elements;
            extras = s.extras;
        }

        /** Sets the RFC sphere; null removes it. */
        public Builder type(Type type) {
            this.type = type;
            return this;
        }

        /**
         * Sets the free-text sphere, stripped of leading and trailing whitespace; null removes it.
         *
         * @throws IllegalArgumentException if {@code text} is blank
         */
        public Builder text(String text) {
            if (text != null) {
                text = text.strip();
                if (text.isEmpty()) {
                    throw new IllegalArgumentException("blank sphere text");
                }
            }
            this.text = text;
            return this;
        }

        /** Appends a sphere element from another namespace. */
        public Builder element(ExtensionElement element) {
            elements = Values.add(elements, Rpid.requireForeign(element, "sphere element"));
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
         * @throws IllegalArgumentException if more than one form of value is given
         */
        public Sphere build() {
            return new Sphere(this);
        }
    }
}
