package io.presencekit.pidf.rpid;

import io.presencekit.xml.Values;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * An {@link RpidElement} whose content is one text value: status-icon and time-offset. What it
 * does not model can only be attributes, kept as a map.
 *
 * <p>{@link UserInput} has the same kind of content but no {@code from} or {@code until}, so it
 * cannot sit below {@link RpidElement} and keeps its own map.
 */
abstract class RpidSimpleElement extends RpidElement {
    private final Map<QName, String> attributes;

    RpidSimpleElement(Builder<?> b) {
        super(b);
        this.attributes = Values.copy(b.attributes, "attributes");
    }

    /** Attributes outside the schema, kept for the round trip. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Whether {@code o} has the same id, times and attributes. */
    final boolean sameShared(RpidSimpleElement o) {
        return sameTimes(o) && attributes.equals(o.attributes);
    }

    /**
     * {@code Objects.hash(values..., id, from, until, attributes)}, with the times as instants:
     * the element's own values come first, as they always have.
     */
    final int hashWith(Object... values) {
        return 31 * hashTimes(Rpid.hash(1, values)) + attributes.hashCode();
    }

    /** {@code Name[<values>, id=..., from=..., until=..., attributes=...]}, leaving out what is not set. */
    final String toString(String values) {
        return getClass().getSimpleName() + "[" + values + timesFields()
                + Rpid.field("attributes", attributes.isEmpty() ? null : attributes) + "]";
    }

    /** The setters for the attributes. Not thread-safe. */
    abstract static class Builder<B extends Builder<B>> extends RpidElement.Builder<B> {
        // created on first use (see Values.put): attributes outside the schema are rare
        private Map<QName, String> attributes;

        Builder() {
        }

        Builder(RpidSimpleElement e) {
            super(e);
            attributes = e.attributes.isEmpty() ? null : new LinkedHashMap<>(e.attributes);
        }

        /** Adds an attribute outside the schema. */
        public B attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"),
                    Objects.requireNonNull(value, "value"));
            return self();
        }

        /** Adds attributes outside the schema. */
        public B attributes(Map<QName, String> attributes) {
            attributes.forEach(this::attribute);
            return self();
        }
    }
}
