package io.presencekit.pidf.caps;

import io.presencekit.pidf.Namespaces;
import io.presencekit.xml.Values;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import javax.xml.namespace.QName;

/**
 * {@code caps:servcaps} inside a tuple: what the service can do (RFC 5196, section 3.2.1). It holds
 * <ul>
 * <li>the boolean capabilities ({@link Capability}): the RFC's {@code audio}, {@code application},
 * {@code data}, {@code control}, {@code video}, {@code text}, {@code message}, {@code automata},
 * {@code isfocus}, and the AG Projects {@code file-transfer}, {@code screen-sharing-server},
 * {@code screen-sharing-client} that Blink and SylkServer put in the same element;</li>
 * <li>the structured ones, each a {@link Support} pair: {@code actor}, {@code class},
 * {@code duplex}, {@code event-packages}, {@code extensions}, {@code methods}, {@code languages},
 * {@code priority}, {@code schemes};</li>
 * <li>{@code type} (MIME types) and localized {@code description}s;</li>
 * <li>attributes and elements of other namespaces, kept in order for the round trip.</li>
 * </ul>
 *
 * <p>A capability is "unknown" unless the document says true or false: {@link #capability(String)}
 * is then empty.
 *
 * <p>Immutable; build with {@link #builder()}. The builder refuses names the schema does not allow,
 * because python-sipsimple validates the caps namespace and drops a whole document that breaks it.
 */
public final class ServiceCapabilities implements ExtensionElement {
    /** {@code caps:servcaps}. */
    public static final QName QNAME = new QName(Namespaces.CAPS, "servcaps", "caps");

    private static final Set<String> NAMES;

    static {
        Set<String> names = new LinkedHashSet<>();
        for (Capability c : Capability.values()) {
            names.add(c.token());
        }
        NAMES = Collections.unmodifiableSet(names);
    }

    private final Map<Capability, Boolean> capabilities;
    private final Support<String> actor;
    private final Support<String> communicationClass;
    private final Support<String> duplex;
    private final Support<String> eventPackages;
    private final Support<String> sipExtensions;
    private final Support<String> methods;
    private final Support<String> languages;
    private final Support<PriorityCondition> priority;
    private final Support<String> schemes;
    private final List<Description> descriptions;
    private final Set<String> types;
    private final Extras extras;

    private ServiceCapabilities(Builder b) {
        // the builder hands its map over and copies it if it is changed again (see Builder.own())
        this.capabilities = Collections.unmodifiableMap(b.capabilities);
        b.shared = true;
        this.actor = b.actor;
        this.communicationClass = b.communicationClass;
        this.duplex = b.duplex;
        this.eventPackages = b.eventPackages;
        this.sipExtensions = b.sipExtensions;
        this.methods = b.methods;
        this.languages = b.languages;
        this.priority = b.priority;
        this.schemes = b.schemes;
        this.descriptions = List.copyOf(b.descriptions);
        this.types = Collections.unmodifiableSet(new LinkedHashSet<>(b.types));
        this.extras = Extras.of(b.attributes == null ? Map.of() : b.attributes, b.children);
    }

    /** A new, empty builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these capabilities. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.own().putAll(capabilities);
        b.actor = actor;
        b.communicationClass = communicationClass;
        b.duplex = duplex;
        b.eventPackages = eventPackages;
        b.sipExtensions = sipExtensions;
        b.methods = methods;
        b.languages = languages;
        b.priority = priority;
        b.schemes = schemes;
        b.descriptions.addAll(descriptions);
        b.types.addAll(types);
        b.attributes = extras.attributes().isEmpty() ? null : new LinkedHashMap<>(extras.attributes());
        b.children = new ArrayList<>(extras.children());
        return b;
    }

    /** The names {@link #capability(String)} knows: the tokens of every {@link Capability}. */
    public static Set<String> capabilityNames() {
        return NAMES;
    }

    @Override
    public QName qname() {
        return QNAME;
    }

    /**
     * The names of the boolean capabilities that are true ({@code audio}, {@code message},
     * {@code file-transfer}...), in {@link Capability} order.
     */
    public Set<String> supported() {
        return names(Boolean.TRUE);
    }

    /** The names of the boolean capabilities that are explicitly false. */
    public Set<String> notSupported() {
        return names(Boolean.FALSE);
    }

    private Set<String> names(Boolean value) {
        Set<String> out = new LinkedHashSet<>();
        capabilities.forEach((c, v) -> {
            if (v.equals(value)) {
                out.add(c.token());
            }
        });
        return Collections.unmodifiableSet(out);
    }

    /**
     * The value of the boolean capability {@code name} ({@code audio}, {@code file-transfer}...), or
     * empty when the document does not say.
     *
     * @throws IllegalArgumentException when {@code name} is none of {@link #capabilityNames()}
     */
    public Optional<Boolean> capability(String name) {
        return capability(require(name));
    }

    /** The value of {@code capability}, or empty when the document does not say. */
    public Optional<Boolean> capability(Capability capability) {
        return Optional.ofNullable(capabilities.get(Objects.requireNonNull(capability, "capability")));
    }

    /** Every boolean capability the document states, in {@link Capability} order. */
    public Map<Capability, Boolean> capabilities() {
        return capabilities;
    }

    /** {@code caps:actor}: principal, attendant, msg-taker, information. */
    public Optional<Support<String>> actor() {
        return Optional.ofNullable(actor);
    }

    /** {@code caps:class}: business, personal. */
    public Optional<Support<String>> communicationClass() {
        return Optional.ofNullable(communicationClass);
    }

    /** {@code caps:duplex}: full, half, receive-only, send-only. */
    public Optional<Support<String>> duplex() {
        return Optional.ofNullable(duplex);
    }

    /** {@code caps:event-packages}: presence, dialog, reg, winfo... */
    public Optional<Support<String>> eventPackages() {
        return Optional.ofNullable(eventPackages);
    }

    /** {@code caps:extensions}: SIP option tags such as gruu, timer, replaces. */
    public Optional<Support<String>> sipExtensions() {
        return Optional.ofNullable(sipExtensions);
    }

    /** {@code caps:methods}: SIP methods such as INVITE, MESSAGE. */
    public Optional<Support<String>> methods() {
        return Optional.ofNullable(methods);
    }

    /** {@code caps:languages}: the {@code l} language tags. */
    public Optional<Support<String>> languages() {
        return Optional.ofNullable(languages);
    }

    /** {@code caps:priority}: which request priorities are handled. */
    public Optional<Support<PriorityCondition>> priority() {
        return Optional.ofNullable(priority);
    }

    /** {@code caps:schemes}: the {@code s} URI schemes, such as sip, tel. */
    public Optional<Support<String>> schemes() {
        return Optional.ofNullable(schemes);
    }

    /** The localized descriptions, in document order. */
    public List<Description> descriptions() {
        return descriptions;
    }

    /** The {@code caps:type} MIME types. */
    public Set<String> types() {
        return types;
    }

    /** Attributes, and child elements of other namespaces (or unreadable ones), kept for the round trip. */
    public Extras extras() {
        return extras;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ServiceCapabilities s && capabilities.equals(s.capabilities)
                && Objects.equals(actor, s.actor) && Objects.equals(communicationClass, s.communicationClass)
                && Objects.equals(duplex, s.duplex) && Objects.equals(eventPackages, s.eventPackages)
                && Objects.equals(sipExtensions, s.sipExtensions) && Objects.equals(methods, s.methods)
                && Objects.equals(languages, s.languages) && Objects.equals(priority, s.priority)
                && Objects.equals(schemes, s.schemes) && descriptions.equals(s.descriptions)
                && types.equals(s.types) && extras.equals(s.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(capabilities, actor, communicationClass, duplex, eventPackages, sipExtensions, methods,
                languages, priority, schemes, descriptions, types, extras);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ServiceCapabilities[").append(capabilities);
        append(sb, "actor", actor);
        append(sb, "class", communicationClass);
        append(sb, "duplex", duplex);
        append(sb, "eventPackages", eventPackages);
        append(sb, "extensions", sipExtensions);
        append(sb, "methods", methods);
        append(sb, "languages", languages);
        append(sb, "priority", priority);
        append(sb, "schemes", schemes);
        if (!descriptions.isEmpty()) {
            sb.append(", descriptions=").append(descriptions);
        }
        if (!types.isEmpty()) {
            sb.append(", types=").append(types);
        }
        if (!extras.isEmpty()) {
            sb.append(", extras=").append(extras);
        }
        return sb.append(']').toString();
    }

    private static void append(StringBuilder sb, String name, Support<?> s) {
        if (s != null) {
            sb.append(", ").append(name).append('=').append(s.supported()).append('/').append(s.notSupported());
        }
    }

    static Capability require(String name) {
        Capability c = Capability.fromToken(Objects.requireNonNull(name, "name"));
        if (c == null) {
            throw new IllegalArgumentException("unknown capability '" + name + "'; known: " + NAMES);
        }
        return c;
    }

    /** Builds {@link ServiceCapabilities}. Not thread-safe. */
    public static final class Builder {
        private Map<Capability, Boolean> capabilities = new EnumMap<>(Capability.class);
        private boolean shared;

        /** The capability map, copied first if a built value holds it. */
        private Map<Capability, Boolean> own() {
            if (shared) {
                capabilities = new EnumMap<>(capabilities);
                shared = false;
            }
            return capabilities;
        }
        private Support<String> actor;
        private Support<String> communicationClass;
        private Support<String> duplex;
        private Support<String> eventPackages;
        private Support<String> sipExtensions;
        private Support<String> methods;
        private Support<String> languages;
        private Support<PriorityCondition> priority;
        private Support<String> schemes;
        private final List<Description> descriptions = new ArrayList<>();
        private final Set<String> types = new LinkedHashSet<>();
        private Map<QName, String> attributes;
        private List<ExtensionElement> children;

        private Builder() {
        }

        /**
         * Sets the boolean capability {@code name} ({@code audio}, {@code file-transfer}...).
         *
         * @throws IllegalArgumentException when {@code name} is none of {@link #capabilityNames()}
         */
        public Builder capability(String name, boolean value) {
            return capability(require(name), value);
        }

        /** Sets a boolean capability. */
        public Builder capability(Capability capability, boolean value) {
            own().put(Objects.requireNonNull(capability, "capability"), value);
            return this;
        }

        /** Makes {@code capability} unknown again (not written). */
        public Builder clearCapability(Capability capability) {
            own().remove(Objects.requireNonNull(capability, "capability"));
            return this;
        }

        /** Makes the capability called {@code name} unknown again (not written). */
        public Builder clearCapability(String name) {
            return clearCapability(require(name));
        }

        public Builder audio(boolean value) {
            return capability(Capability.AUDIO, value);
        }

        public Builder application(boolean value) {
            return capability(Capability.APPLICATION, value);
        }

        public Builder data(boolean value) {
            return capability(Capability.DATA, value);
        }

        public Builder control(boolean value) {
            return capability(Capability.CONTROL, value);
        }

        public Builder video(boolean value) {
            return capability(Capability.VIDEO, value);
        }

        public Builder text(boolean value) {
            return capability(Capability.TEXT, value);
        }

        public Builder message(boolean value) {
            return capability(Capability.MESSAGE, value);
        }

        public Builder automata(boolean value) {
            return capability(Capability.AUTOMATA, value);
        }

        public Builder isFocus(boolean value) {
            return capability(Capability.ISFOCUS, value);
        }

        /** Sets the AG Projects {@code file-transfer} flag. */
        public Builder fileTransfer(boolean value) {
            return capability(Capability.FILE_TRANSFER, value);
        }

        /** Sets the AG Projects {@code screen-sharing-server} flag. */
        public Builder screenSharingServer(boolean value) {
            return capability(Capability.SCREEN_SHARING_SERVER, value);
        }

        /** Sets the AG Projects {@code screen-sharing-client} flag. */
        public Builder screenSharingClient(boolean value) {
            return capability(Capability.SCREEN_SHARING_CLIENT, value);
        }

        /** Sets {@code caps:actor} (names: attendant, information, msg-taker, principal); null removes it. */
        public Builder actor(Support<String> actor) {
            this.actor = checked(Vocabulary.ACTOR, actor);
            return this;
        }

        /** Sets {@code caps:class} (names: business, personal); null removes it. */
        public Builder communicationClass(Support<String> communicationClass) {
            this.communicationClass = checked(Vocabulary.CLASS, communicationClass);
            return this;
        }

        /** Sets {@code caps:duplex} (names: full, half, receive-only, send-only); null removes it. */
        public Builder duplex(Support<String> duplex) {
            this.duplex = checked(Vocabulary.DUPLEX, duplex);
            return this;
        }

        /** Sets {@code caps:event-packages} (names as in the RFC 5196 schema, such as presence); null removes it. */
        public Builder eventPackages(Support<String> eventPackages) {
            this.eventPackages = checked(Vocabulary.EVENT_PACKAGES, eventPackages);
            return this;
        }

        /** Sets {@code caps:extensions} (names as in the RFC 5196 schema, such as gruu); null removes it. */
        public Builder sipExtensions(Support<String> sipExtensions) {
            this.sipExtensions = checked(Vocabulary.EXTENSIONS, sipExtensions);
            return this;
        }

        /** Sets {@code caps:methods} (ACK ... UPDATE, upper case); null removes it. */
        public Builder methods(Support<String> methods) {
            this.methods = checked(Vocabulary.METHODS, methods);
            return this;
        }

        /** Sets {@code caps:languages} (language tags; no extras); null removes it. */
        public Builder languages(Support<String> languages) {
            this.languages = values("languages", languages);
            return this;
        }

        /** Sets {@code caps:priority}; null removes it. */
        public Builder priority(Support<PriorityCondition> priority) {
            this.priority = priority;
            return this;
        }

        /** Sets {@code caps:schemes} (URI schemes; no extras); null removes it. */
        public Builder schemes(Support<String> schemes) {
            this.schemes = values("schemes", schemes);
            return this;
        }

        /** Appends a description. */
        public Builder description(Description description) {
            descriptions.add(Objects.requireNonNull(description, "description"));
            return this;
        }

        /** Appends a description in language {@code lang} (null for none). */
        public Builder description(String text, String lang) {
            return description(new Description(text, lang));
        }

        /** Removes every description. */
        public Builder clearDescriptions() {
            descriptions.clear();
            return this;
        }

        /** Adds a {@code caps:type} MIME type such as {@code text/plain}. */
        public Builder type(String mimeType) {
            Objects.requireNonNull(mimeType, "mimeType");
            if (mimeType.isBlank()) {
                throw new IllegalArgumentException("blank MIME type");
            }
            types.add(mimeType);
            return this;
        }

        /** Removes every type. */
        public Builder clearTypes() {
            types.clear();
            return this;
        }

        /** Adds an attribute to {@code servcaps} (the schema allows any). */
        public Builder attribute(QName name, String value) {
            attributes = Values.put(attributes, Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends a child element of another namespace, written after the capabilities. */
        public Builder extra(ExtensionElement child) {
            children = Values.add(children, Objects.requireNonNull(child, "child"));
            return this;
        }

        public ServiceCapabilities build() {
            return new ServiceCapabilities(this);
        }

        private static Support<String> checked(Vocabulary vocabulary, Support<String> support) {
            if (support != null) {
                vocabulary.check(support);
            }
            return support;
        }

        private static Support<String> values(String element, Support<String> support) {
            if (support == null) {
                return null;
            }
            if (!support.supportedExtras().isEmpty() || !support.notSupportedExtras().isEmpty()) {
                throw new IllegalArgumentException("caps:" + element + " allows no elements of other namespaces");
            }
            for (String v : support.supported()) {
                nonBlank(element, v);
            }
            for (String v : support.notSupported()) {
                nonBlank(element, v);
            }
            return support;
        }

        private static void nonBlank(String element, String value) {
            if (value.isBlank()) {
                throw new IllegalArgumentException("blank item in caps:" + element);
            }
        }
    }
}
