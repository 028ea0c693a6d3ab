package io.presencekit.pidf.rpid;

import io.presencekit.xml.Values;
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
public final class ServiceClass extends RpidTypedElement<ServiceClass.Type> {
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
            return Optional.ofNullable(Values.byToken(values(), Type::token, token));
        }
    }

    private ServiceClass(Builder b) {
        super(b);
        if (forms() != 1) {
            throw new IllegalArgumentException("service-class has exactly one value: a type or foreign elements;"
                    + " got " + type().orElse(null) + ", " + elements());
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

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceClass s && sameShared(s);
    }

    @Override
    public int hashCode() {
        return hashWith();
    }

    @Override
    public String toString() {
        return toString("");
    }

    /** Builds a {@link ServiceClass}. Not thread-safe. */
    public static final class Builder extends RpidTypedElement.Builder<Type, Builder> {
        private static final String WHAT = "service class element";

        private Builder() {
            super(WHAT);
        }

        private Builder(ServiceClass s) {
            super(WHAT, s);
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
