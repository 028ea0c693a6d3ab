package io.presencekit.pidf;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.xml.namespace.QName;

/**
 * A PIDF document (RFC 3863, section 4.1) with the RFC 4479 data model: the presentity URI, its
 * tuples (services), persons and devices, top-level notes and any other top-level extension
 * elements.
 *
 * <p>Immutable and thread-safe. Two documents are equal when their models are equal, unknown
 * elements included and timestamps compared as instants; {@link #warnings()} is not part of
 * equality.
 */
public final class PresenceDocument implements Extensible {
    private final String entity;
    private final List<Tuple> tuples;
    private final List<Note> notes;
    private final List<Person> persons;
    private final List<Device> devices;
    private final List<ExtensionElement> extensions;
    private final Map<QName, String> attributes;
    private final List<ParseWarning> warnings;

    private PresenceDocument(Builder b) {
        this.entity = b.entity;
        this.tuples = Values.copy(b.tuples);
        this.notes = Values.copy(b.notes);
        this.persons = Values.copy(b.persons);
        this.devices = Values.copy(b.devices);
        this.extensions = Values.copy(b.extensions);
        this.attributes = Values.copy(b.attributes, "attributes");
        this.warnings = Values.copy(b.warnings);
    }

    /** A builder for the presence of {@code entity} (a {@code sip:}, {@code pres:} or other URI). */
    public static Builder builder(String entity) {
        return new Builder(entity);
    }

    /** A builder holding this document (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder(entity);
        b.tuples = new ArrayList<>(tuples);
        b.notes = new ArrayList<>(notes);
        b.persons = new ArrayList<>(persons);
        b.devices = new ArrayList<>(devices);
        b.extensions = new ArrayList<>(extensions);
        b.attributes = new LinkedHashMap<>(attributes);
        return b;
    }

    /** The presentity URI ({@code entity} attribute); null only in a document read leniently without one. */
    public String entity() {
        return entity;
    }

    /** The tuples (services), in document order. */
    public List<Tuple> tuples() {
        return tuples;
    }

    /** The tuple with {@code id}, if any. */
    public Optional<Tuple> tuple(String id) {
        return tuples.stream().filter(t -> Objects.equals(id, t.id())).findFirst();
    }

    /** Top-level notes. */
    public List<Note> notes() {
        return notes;
    }

    /** The {@code dm:person} elements (normally one). */
    public List<Person> persons() {
        return persons;
    }

    /** The {@code dm:device} elements. */
    public List<Device> devices() {
        return devices;
    }

    /** The first person, if any. */
    public Optional<Person> person() {
        return persons.isEmpty() ? Optional.empty() : Optional.of(persons.get(0));
    }

    /** Top-level extension elements other than persons and devices. */
    @Override
    public List<ExtensionElement> extensions() {
        return extensions;
    }

    /** Attributes of {@code presence} other than {@code entity}, kept for the round trip. */
    public Map<QName, String> attributes() {
        return attributes;
    }

    /** Schema slips tolerated while reading this document (always empty for built documents). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PresenceDocument d && Objects.equals(entity, d.entity) && tuples.equals(d.tuples)
                && notes.equals(d.notes) && persons.equals(d.persons) && devices.equals(d.devices)
                && extensions.equals(d.extensions) && attributes.equals(d.attributes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(entity, tuples, notes, persons, devices, extensions, attributes);
    }

    @Override
    public String toString() {
        return "PresenceDocument[entity=" + entity + ", tuples=" + tuples + ", notes=" + notes + ", persons=" + persons
                + ", devices=" + devices + ", extensions=" + extensions
                + (warnings.isEmpty() ? "" : ", warnings=" + warnings) + "]";
    }

    /** Builds a {@link PresenceDocument}. Not thread-safe. */
    public static final class Builder {
        private String entity;
        private List<Tuple> tuples;
        private List<Note> notes;
        private List<Person> persons;
        private List<Device> devices;
        private List<ExtensionElement> extensions;
        private Map<QName, String> attributes;
        private List<ParseWarning> warnings;

        private Builder(String entity) {
            this.entity = entity;
        }

        /** Sets the presentity URI. */
        public Builder entity(String entity) {
            this.entity = entity;
            return this;
        }

        public Builder tuple(Tuple tuple) {
            tuples = Values.add(tuples, Objects.requireNonNull(tuple, "tuple"));
            return this;
        }

        /** Replaces the tuple with the same id, or appends. */
        public Builder putTuple(Tuple tuple) {
            tuples = Values.mutable(tuples);
            for (int i = 0; tuples != null && i < tuples.size(); i++) {
                if (Objects.equals(tuples.get(i).id(), tuple.id())) {
                    tuples.set(i, tuple);
                    return this;
                }
            }
            return tuple(tuple);
        }

        public Builder clearTuples() {
            tuples = null;
            return this;
        }

        public Builder note(Note note) {
            notes = Values.add(notes, Objects.requireNonNull(note, "note"));
            return this;
        }

        public Builder person(Person person) {
            persons = Values.add(persons, Objects.requireNonNull(person, "person"));
            return this;
        }

        public Builder clearPersons() {
            persons = null;
            return this;
        }

        public Builder device(Device device) {
            devices = Values.add(devices, Objects.requireNonNull(device, "device"));
            return this;
        }

        public Builder clearDevices() {
            devices = null;
            return this;
        }

        /** Appends a top-level extension element. */
        public Builder extension(ExtensionElement extension) {
            extensions = Values.add(extensions, Objects.requireNonNull(extension, "extension"));
            return this;
        }

        /** Adds an extra attribute on {@code presence}. */
        public Builder attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Records a tolerated schema slip (used by readers). */
        public Builder warning(ParseWarning warning) {
            warnings = Values.add(warnings, Objects.requireNonNull(warning, "warning"));
            return this;
        }

        /** Records tolerated schema slips (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            warnings.forEach(this::warning);
            return this;
        }

        public PresenceDocument build() {
            return new PresenceDocument(this);
        }
    }
}
