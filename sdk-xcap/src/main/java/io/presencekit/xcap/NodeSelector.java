package io.presencekit.xcap;

import io.presencekit.xcap.internal.UriEncoding;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The part of an XCAP URI after {@code ~~} that picks a node inside a document (RFC 4825,
 * section 6.3): an element selector ({@link Step}s separated by {@code /}), optionally ended by an
 * attribute selector ({@code @name}) or the namespace selector ({@code namespace::*}), plus the
 * namespace bindings carried in the URI's query as {@code xmlns(prefix=namespace)} (RFC 4825,
 * section 6.4).
 *
 * <p>{@link #toString()} gives the selector as RFC 4825 writes it unencoded
 * ({@code resource-lists/list[@name="friends"]/entry}); {@link #encodedPath()} and
 * {@link #encodedQuery()} give it as it goes into the URI, percent-encoded as RFC 3986 requires
 * for a path ({@code resource-lists/list%5b@name=%22friends%22%5d/entry}). A {@code /} inside an
 * attribute value is encoded ({@code %2f}) so that it cannot be taken for a step separator.
 *
 * <p>Immutable and thread-safe.
 */
public final class NodeSelector {
    private static final String NAMESPACE_SELECTOR = "namespace::*";

    /** What a node selector selects; it decides the MIME type of the node (RFC 4825, section 7). */
    public enum Target {
        /** An element ({@code application/xcap-el+xml}). */
        ELEMENT,
        /** An attribute ({@code application/xcap-att+xml}). */
        ATTRIBUTE,
        /** The namespace bindings in scope at an element ({@code application/xcap-ns+xml}, GET only). */
        NAMESPACES
    }

    private final List<Step> steps;
    private final String attribute;
    private final boolean namespaces;
    private final Map<String, String> bindings;

    private NodeSelector(List<Step> steps, String attribute, boolean namespaces, Map<String, String> bindings) {
        this.steps = steps;
        this.attribute = attribute;
        this.namespaces = namespaces;
        this.bindings = bindings;
    }

    /** A builder with no steps. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses an unencoded node selector such as {@code resource-lists/list[@name="friends"]/@uri}.
     * {@code /} separates steps except inside a quoted attribute value.
     *
     * @throws IllegalArgumentException when it is empty or has an empty step
     */
    public static NodeSelector parse(String selector) {
        return parse(selector, Map.of());
    }

    /** As {@link #parse(String)}, with namespace bindings (prefix to namespace URI). */
    public static NodeSelector parse(String selector, Map<String, String> namespaceBindings) {
        Objects.requireNonNull(selector, "selector");
        Builder b = builder();
        namespaceBindings.forEach(b::bindNamespace);
        List<String> parts = split(selector);
        for (int i = 0; i < parts.size(); i++) {
            String p = parts.get(i);
            boolean last = i == parts.size() - 1;
            if (p.isEmpty()) {
                throw new IllegalArgumentException("empty step in node selector '" + selector + "'");
            }
            if (last && i > 0 && p.equals(NAMESPACE_SELECTOR)) {
                b.namespaceBindings();
            } else if (last && i > 0 && p.startsWith("@") && Step.isQName(p.substring(1))) {
                b.attribute(p.substring(1));
            } else {
                b.step(Step.parse(p));
            }
        }
        return b.build();
    }

    /**
     * Parses a node selector as it appears in a URI: {@code encodedPath} is the percent-encoded
     * text after {@code ~~/}, {@code encodedQuery} the URI's query (or null), a sequence of
     * {@code xmlns(prefix=namespace)} parts (XPointer {@code xmlns()} scheme, with {@code ^}
     * escaping {@code ^}, {@code (} and {@code )}).
     *
     * @throws IllegalArgumentException on bad percent-encoding, an empty step or a query that is
     *                                  not a sequence of {@code xmlns()} parts
     */
    public static NodeSelector fromUri(String encodedPath, String encodedQuery) {
        Objects.requireNonNull(encodedPath, "encodedPath");
        Map<String, String> ns = encodedQuery == null ? Map.of() : parseQuery(UriEncoding.decode(encodedQuery));
        return parse(UriEncoding.decode(encodedPath), ns);
    }

    private static List<String> split(String selector) {
        List<String> parts = new ArrayList<>();
        char quote = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if ((c == '"' || c == '\'') && i > 0 && selector.charAt(i - 1) == '=') {
                quote = c;
            } else if (c == '/') {
                parts.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(selector.substring(start));
        return parts;
    }

    private static Map<String, String> parseQuery(String q) {
        Map<String, String> ns = new LinkedHashMap<>();
        int i = 0;
        int n = q.length();
        while (true) {
            while (i < n && Character.isWhitespace(q.charAt(i))) {
                i++;
            }
            if (i == n) {
                return ns;
            }
            if (!q.startsWith("xmlns(", i)) {
                throw new IllegalArgumentException("the query of an XCAP URI holds only xmlns() parts: '" + q + "'");
            }
            i += "xmlns(".length();
            int eq = q.indexOf('=', i);
            if (eq < 0) {
                throw new IllegalArgumentException("xmlns() without '=' in '" + q + "'");
            }
            String prefix = q.substring(i, eq).strip();
            StringBuilder uri = new StringBuilder();
            i = eq + 1;
            boolean closed = false;
            for (; i < n; i++) {
                char c = q.charAt(i);
                if (c == '^') {
                    if (i + 1 >= n || "^()".indexOf(q.charAt(i + 1)) < 0) {
                        throw new IllegalArgumentException("bad '^' escape in '" + q + "'");
                    }
                    uri.append(q.charAt(++i));
                } else if (c == ')') {
                    closed = true;
                    i++;
                    break;
                } else {
                    uri.append(c);
                }
            }
            if (!closed) {
                throw new IllegalArgumentException("unclosed xmlns( in '" + q + "'");
            }
            if (!Values.isNcName(prefix)) {
                throw new IllegalArgumentException("not a namespace prefix: '" + prefix + "' in '" + q + "'");
            }
            ns.put(prefix, uri.toString().strip());
        }
    }

    /** The element selector's steps, from the document's root element down; never empty. */
    public List<Step> steps() {
        return steps;
    }

    /** The attribute named by a terminal attribute selector ({@code @name}), if any. */
    public Optional<String> attribute() {
        return Optional.ofNullable(attribute);
    }

    /** What this selector selects. */
    public Target target() {
        return attribute != null ? Target.ATTRIBUTE : namespaces ? Target.NAMESPACES : Target.ELEMENT;
    }

    /** Namespace bindings (prefix to namespace URI) for the prefixes in the selector, in order. */
    public Map<String, String> namespaceBindings() {
        return bindings;
    }

    /**
     * The selector of the element that holds the selected node: for an attribute or the namespace
     * selector, the element it belongs to; for an element, its parent element.
     *
     * @throws IllegalStateException for the root element, which has no parent element
     */
    public NodeSelector parent() {
        if (attribute != null || namespaces) {
            return new NodeSelector(steps, null, false, bindings);
        }
        if (steps.size() == 1) {
            throw new IllegalStateException("the root element has no parent element: " + this);
        }
        return new NodeSelector(steps.subList(0, steps.size() - 1), null, false, bindings);
    }

    /** A builder holding this selector. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.steps.addAll(steps);
        b.attribute = attribute;
        b.namespaces = namespaces;
        b.bindings.putAll(bindings);
        return b;
    }

    /** The selector percent-encoded for the URI path after {@code ~~/}. */
    public String encodedPath() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(UriEncoding.encodeSegment(s.toString()));
        }
        if (attribute != null) {
            sb.append("/@").append(UriEncoding.encodeSegment(attribute));
        } else if (namespaces) {
            sb.append('/').append(UriEncoding.encodeSegment(NAMESPACE_SELECTOR));
        }
        return sb.toString();
    }

    /** The namespace bindings as the percent-encoded URI query ({@code xmlns(p=urn:x)...}), if there are any. */
    public Optional<String> encodedQuery() {
        if (bindings.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder sb = new StringBuilder();
        bindings.forEach((prefix, uri) -> {
            sb.append("xmlns(").append(prefix).append('=');
            for (int i = 0; i < uri.length(); i++) {
                char c = uri.charAt(i);
                if (c == '^' || c == '(' || c == ')') {
                    sb.append('^');
                }
                sb.append(c);
            }
            sb.append(')');
        });
        return Optional.of(UriEncoding.encodeQuery(sb.toString()));
    }

    /** The unencoded selector, as RFC 4825 writes it (without the namespace bindings). */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (sb.length() > 0) {
                sb.append('/');
            }
            sb.append(s);
        }
        if (attribute != null) {
            sb.append("/@").append(attribute);
        } else if (namespaces) {
            sb.append('/').append(NAMESPACE_SELECTOR);
        }
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NodeSelector s && steps.equals(s.steps) && Objects.equals(attribute, s.attribute)
                && namespaces == s.namespaces && bindings.equals(s.bindings);
    }

    @Override
    public int hashCode() {
        return Objects.hash(steps, attribute, namespaces, bindings);
    }

    /** Builds a {@link NodeSelector}. Not thread-safe. */
    public static final class Builder {
        private final List<Step> steps = new ArrayList<>();
        private String attribute;
        private boolean namespaces;
        private final Map<String, String> bindings = new LinkedHashMap<>();

        private Builder() {
        }

        /** Appends a step. */
        public Builder step(Step step) {
            steps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Appends {@code name} (see {@link Step#element(String)}). */
        public Builder element(String name) {
            return step(Step.element(name));
        }

        /** Appends {@code *}: any child element. */
        public Builder anyElement() {
            return step(Step.anyElement());
        }

        /** Appends {@code name[position]} (see {@link Step#element(String, int)}). */
        public Builder element(String name, int position) {
            return step(Step.element(name, position));
        }

        /** Appends {@code name[@attribute="value"]} (see {@link Step#element(String, String, String)}). */
        public Builder element(String name, String attribute, String value) {
            return step(Step.element(name, attribute, value));
        }

        /** Appends {@code name[position][@attribute="value"]}. */
        public Builder element(String name, int position, String attribute, String value) {
            return step(Step.element(name, position, attribute, value));
        }

        /** Ends the selector with the attribute selector {@code @name}: the selector then names that attribute. */
        public Builder attribute(String name) {
            if (!Step.isQName(name)) {
                throw new IllegalArgumentException("not a qualified attribute name: " + name);
            }
            this.attribute = name;
            this.namespaces = false;
            return this;
        }

        /** Ends the selector with {@code namespace::*}: the selector then names the element's namespace bindings. */
        public Builder namespaceBindings() {
            this.namespaces = true;
            this.attribute = null;
            return this;
        }

        /**
         * Binds {@code prefix} to {@code namespaceUri} for the names in this selector; written in the
         * URI's query as {@code xmlns(prefix=namespaceUri)} (RFC 4825, section 6.4).
         */
        public Builder bindNamespace(String prefix, String namespaceUri) {
            if (!Values.isNcName(prefix)) {
                throw new IllegalArgumentException("not a namespace prefix: " + prefix);
            }
            Objects.requireNonNull(namespaceUri, "namespaceUri");
            if (namespaceUri.isBlank()) {
                throw new IllegalArgumentException("empty namespace for prefix " + prefix);
            }
            bindings.put(prefix, namespaceUri);
            return this;
        }

        /**
         * The selector.
         *
         * @throws IllegalStateException without any step
         */
        public NodeSelector build() {
            if (steps.isEmpty()) {
                throw new IllegalStateException("a node selector starts with the root element's step");
            }
            return new NodeSelector(List.copyOf(steps), attribute, namespaces,
                    Collections.unmodifiableMap(new LinkedHashMap<>(bindings)));
        }
    }
}
