package io.presencekit.pidf;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Values;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * What a tuple (service), person and device have in common in the RFC 4479 data model: an id,
 * extension elements, notes and a timestamp. Immutable; equality compares timestamps as instants.
 */
public abstract sealed class PresenceComponent implements Extensible permits Tuple, Person, Device {
    private final String id;
    private final List<ExtensionElement> extensions;
    private final List<Note> notes;
    private final OffsetDateTime timestamp;
    private final Map<QName, String> attributes;

    PresenceComponent(Builder<?> b) {
        this.id = b.id;
        this.extensions = Values.copy(b.extensions);
        this.notes = Values.copy(b.notes);
        this.timestamp = b.timestamp;
        this.attributes = Values.copy(b.attributes, "attributes");
    }

    /** The {@code id} attribute; null only in a document read leniently without one. */
    public String id() {
        return id;
    }

    @Override
    public List<ExtensionElement> extensions() {
        return extensions;
    }

    /** The notes, in document order. */
    public List<Note> notes() {
        return notes;
    }

    /** The timestamp, if any. */
    public Optional<OffsetDateTime> timestamp() {
        return Optional.ofNullable(timestamp);
    }

    /** Attributes other than {@code id}, kept for the round trip. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    boolean sameBase(PresenceComponent o) {
        return Objects.equals(id, o.id) && extensions.equals(o.extensions) && notes.equals(o.notes)
                && sameInstant(timestamp, o.timestamp) && attributes.equals(o.attributes);
    }

    int baseHash() {
        return Objects.hash(id, extensions, notes, instant(timestamp), attributes);
    }

    static boolean sameInstant(OffsetDateTime a, OffsetDateTime b) {
        return a == null ? b == null : b != null && a.isEqual(b);
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    String baseToString() {
        return "id=" + id + ", extensions=" + extensions + ", notes=" + notes + ", timestamp=" + timestamp
                + (attributes.isEmpty() ? "" : ", attributes=" + attributes);
    }

    /**
     * Common builder part. Not thread-safe.
     *
     * @param <B> the concrete builder
     */
    public abstract static sealed class Builder<B extends Builder<B>> permits Tuple.Builder, Person.Builder,
            Device.Builder {
        String id;
        List<ExtensionElement> extensions;
        List<Note> notes;
        OffsetDateTime timestamp;
        Map<QName, String> attributes;

        Builder(String id) {
            this.id = id;
        }

        Builder(PresenceComponent c) {
            this.id = c.id;
            this.extensions = new ArrayList<>(c.extensions);
            this.notes = new ArrayList<>(c.notes);
            this.timestamp = c.timestamp;
            this.attributes = new LinkedHashMap<>(c.attributes);
        }

        @SuppressWarnings("unchecked")
        private B self() {
            return (B) this;
        }

        /** Sets the id (an XML ID: letters, digits, {@code _ - .}, not starting with a digit). */
        public B id(String id) {
            this.id = Objects.requireNonNull(id, "id");
            return self();
        }

        /** Appends an extension element. */
        public B extension(ExtensionElement extension) {
            extensions = Values.add(extensions, Objects.requireNonNull(extension, "extension"));
            return self();
        }

        /** Appends extension elements. */
        public B extensions(List<? extends ExtensionElement> extensions) {
            for (ExtensionElement e : extensions) {
                extension(e);
            }
            return self();
        }

        /** Removes every extension of {@code type}. */
        public B removeExtensions(Class<? extends ExtensionElement> type) {
            extensions = Values.mutable(extensions);
            if (extensions != null) {
                extensions.removeIf(type::isInstance);
            }
            return self();
        }

        /** Replaces the extensions of {@code extension}'s class with {@code extension}. */
        public B replaceExtension(ExtensionElement extension) {
            removeExtensions(extension.getClass());
            return extension(extension);
        }

        /** Appends a note. */
        public B note(Note note) {
            notes = Values.add(notes, Objects.requireNonNull(note, "note"));
            return self();
        }

        /** Appends a note without language. */
        public B note(String text) {
            return note(Note.of(text));
        }

        /** Removes all notes. */
        public B clearNotes() {
            notes = null;
            return self();
        }

        /** Sets the timestamp; null removes it. */
        public B timestamp(OffsetDateTime timestamp) {
            this.timestamp = timestamp;
            return self();
        }

        /** Sets the timestamp, written in UTC; null removes it. */
        public B timestamp(Instant timestamp) {
            this.timestamp = timestamp == null ? null : timestamp.atOffset(java.time.ZoneOffset.UTC);
            return self();
        }

        /** Adds an extra attribute. */
        public B attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return self();
        }

        /** Adds extra attributes. */
        public B attributes(Map<QName, String> attributes) {
            attributes.forEach(this::attribute);
            return self();
        }
    }
}
