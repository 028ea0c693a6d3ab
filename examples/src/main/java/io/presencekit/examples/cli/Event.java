package io.presencekit.examples.cli;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One thing a command reports: a line for people and, with {@code --json}, one JSON object with
 * at least {@code event} (its type: {@code contacts}, {@code xcap}, {@code error}, and for the
 * SIP commands {@code presence}, {@code watcher}, {@code state}) and {@code uri} (what it is
 * about; JSON {@code null} when nothing is), then the fields in the order they were added.
 *
 * <p>Immutable once built; build with {@link #of(String, String, String)} and {@link #with}.
 */
final class Event {
    private final String type;
    private final String uri;
    private final String text;
    private final Map<String, Object> fields;

    private Event(String type, String uri, String text, Map<String, Object> fields) {
        this.type = type;
        this.uri = uri;
        this.text = text;
        this.fields = fields;
    }

    /**
     * An event of type {@code type} about {@code uri} (null for none), shown to people as
     * {@code text}.
     */
    static Event of(String type, String uri, String text) {
        return new Event(Objects.requireNonNull(type, "type"), uri, Objects.requireNonNull(text, "text"),
                Map.of());
    }

    /** This event with one more JSON field ({@code event} and {@code uri} are reserved); null values are kept. */
    Event with(String name, Object value) {
        if (name.equals("event") || name.equals("uri") || fields.containsKey(name)) {
            throw new IllegalArgumentException("field " + name + " is already set");
        }
        Map<String, Object> f = new LinkedHashMap<>(fields);
        f.put(name, value);
        return new Event(type, uri, text, Collections.unmodifiableMap(f));
    }

    String type() {
        return type;
    }

    String uri() {
        return uri;
    }

    /** The line for people. */
    String text() {
        return text;
    }

    /** The fields after {@code event} and {@code uri}. */
    Map<String, Object> fields() {
        return fields;
    }

    /** The JSON object: {@code event}, {@code uri}, then the fields. */
    String toJson() {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("event", type);
        all.put("uri", uri);
        all.putAll(fields);
        return Json.write(all);
    }
}
