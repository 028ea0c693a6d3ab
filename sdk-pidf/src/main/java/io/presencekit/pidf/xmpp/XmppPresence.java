package io.presencekit.pidf.xmpp;

import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.Extras;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.Values;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.XMLConstants;
import javax.xml.namespace.QName;

/**
 * An XMPP {@code <presence/>} stanza (RFC 6121, section 4.7): addresses, id, type, and the
 * availability children {@code show}, {@code status} (one per {@code xml:lang}) and
 * {@code priority}. Child elements and attributes the model does not name (an {@code <error/>}, a
 * XEP-0115 {@code <c/>}, a XEP-0203 {@code <delay/>}...) are kept in {@link #extras()}, in order,
 * and written back. The stanza namespace ({@code jabber:client}, {@code jabber:server} or
 * {@code jabber:component:accept}) is not part of the model: the codec reads any of them and
 * writes the one it is asked for.
 *
 * <p>Immutable and thread-safe. {@link #warnings()} is not part of equality.
 */
public final class XmppPresence {
    /** The lowest priority (RFC 6121, section 4.7.2.3). */
    public static final int MIN_PRIORITY = -128;
    /** The highest priority (RFC 6121, section 4.7.2.3). */
    public static final int MAX_PRIORITY = 127;

    private final Jid from;
    private final Jid to;
    private final String id;
    private final Type type;
    private final Show show;
    private final String lang;
    private final List<StatusText> statuses;
    private final Integer priority;
    private final Extras extras;
    private final List<ParseWarning> warnings;

    private XmppPresence(Builder b) {
        this.from = b.from;
        this.to = b.to;
        this.id = b.id;
        this.type = b.type;
        this.show = b.show;
        this.lang = b.lang;
        this.statuses = List.copyOf(b.statuses.values());
        this.priority = b.priority;
        this.extras = Extras.of(b.attributes, b.children);
        this.warnings = Values.copy(b.warnings);
    }

    /** A builder for an available presence with nothing set. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this stanza (warnings not carried over). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.from = from;
        b.to = to;
        b.id = id;
        b.type = type;
        b.show = show;
        b.lang = lang;
        statuses.forEach(b::status);
        b.priority = priority;
        b.attributes = extras.attributes().isEmpty() ? null : new LinkedHashMap<>(extras.attributes());
        b.children = extras.children().isEmpty() ? null : new ArrayList<>(extras.children());
        return b;
    }

    /** The sender ({@code from}), if any. */
    public Optional<Jid> from() {
        return Optional.ofNullable(from);
    }

    /** The recipient ({@code to}), if any. */
    public Optional<Jid> to() {
        return Optional.ofNullable(to);
    }

    /** The stanza {@code id}, if any. */
    public Optional<String> id() {
        return Optional.ofNullable(id);
    }

    /** The type; {@link Type#AVAILABLE} when the stanza has no {@code type} attribute. */
    public Type type() {
        return type;
    }

    /** Whether this stanza carries availability ({@link Type#AVAILABLE} or {@link Type#UNAVAILABLE}). */
    public boolean isAvailability() {
        return type == Type.AVAILABLE || type == Type.UNAVAILABLE;
    }

    /** The {@code show} value; {@link Show#NONE} when absent. */
    public Show show() {
        return show;
    }

    /** The stanza's default language ({@code xml:lang} on {@code presence}, RFC 6120, section 8.1.5), if any. */
    public Optional<String> lang() {
        return Optional.ofNullable(lang);
    }

    /** The {@code status} texts, at most one per language, in document order. */
    public List<StatusText> statuses() {
        return statuses;
    }

    /** The status text in language {@code lang} (null: the one without {@code xml:lang}), if any. */
    public Optional<String> status(String lang) {
        return statuses.stream().filter(s -> Objects.equals(lang, s.lang())).map(StatusText::text).findFirst();
    }

    /** The {@code priority}, if present (absent means 0, RFC 6121, section 4.7.2.3). */
    public OptionalInt priority() {
        return priority == null ? OptionalInt.empty() : OptionalInt.of(priority);
    }

    /**
     * Attributes other than {@code from}, {@code to}, {@code id}, {@code type} and {@code xml:lang},
     * and child elements other than {@code show}, {@code status} and {@code priority}, in document
     * order.
     */
    public Extras extras() {
        return extras;
    }

    /** Slips a lenient read tolerated (always empty for built stanzas). */
    public List<ParseWarning> warnings() {
        return warnings;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof XmppPresence p && Objects.equals(from, p.from) && Objects.equals(to, p.to)
                && Objects.equals(id, p.id) && type == p.type && show == p.show && Objects.equals(lang, p.lang)
                && statuses.equals(p.statuses) && Objects.equals(priority, p.priority) && extras.equals(p.extras);
    }

    @Override
    public int hashCode() {
        return Objects.hash(from, to, id, type, show, lang, statuses, priority, extras);
    }

    @Override
    public String toString() {
        return "XmppPresence[from=" + from + ", to=" + to + ", id=" + id + ", type=" + type + ", show=" + show
                + (lang == null ? "" : ", lang=" + lang) + ", statuses=" + statuses + ", priority=" + priority
                + (extras.isEmpty() ? "" : ", extras=" + extras) + (warnings.isEmpty() ? "" : ", warnings=" + warnings)
                + "]";
    }

    /** The presence {@code type} attribute (RFC 6121, section 4.7.1.7). */
    public enum Type {
        /** No {@code type} attribute: the sender is available. */
        AVAILABLE(null),
        UNAVAILABLE("unavailable"),
        SUBSCRIBE("subscribe"),
        SUBSCRIBED("subscribed"),
        UNSUBSCRIBE("unsubscribe"),
        UNSUBSCRIBED("unsubscribed"),
        PROBE("probe"),
        ERROR("error");

        private final String token;

        Type(String token) {
            this.token = token;
        }

        /** The attribute value, or null for {@link #AVAILABLE} (written without attribute). */
        public String token() {
            return token;
        }

        /** The constant for an attribute value (exact), or null; {@code available} is not a value. */
        public static Type fromToken(String token) {
            for (Type t : values()) {
                if (t.token != null && t.token.equals(token)) {
                    return t;
                }
            }
            return null;
        }
    }

    /** The {@code show} element (RFC 6121, section 4.7.2.1). */
    public enum Show {
        /** No {@code show}: plain available. */
        NONE(null),
        CHAT("chat"),
        AWAY("away"),
        XA("xa"),
        DND("dnd");

        private final String token;

        Show(String token) {
            this.token = token;
        }

        /** The element text, or null for {@link #NONE} (not written). */
        public String token() {
            return token;
        }

        /** The constant for an element text (surrounding whitespace ignored), or null. */
        public static Show fromToken(String token) {
            String t = token.strip();
            for (Show s : values()) {
                if (s.token != null && s.token.equals(t)) {
                    return s;
                }
            }
            return null;
        }
    }

    /**
     * One {@code status} element (RFC 6121, section 4.7.2.2). Immutable.
     *
     * @param text       the human-readable text
     * @param lang       its {@code xml:lang}, or null
     * @param attributes other attributes, kept for the round trip
     */
    public record StatusText(String text, String lang, Map<QName, String> attributes) {
        public StatusText {
            Objects.requireNonNull(text, "text");
            attributes = Values.orderedMap(attributes, "attributes");
        }

        /** A status text in {@code lang} (null for none). */
        public static StatusText of(String text, String lang) {
            return new StatusText(text, lang, Map.of());
        }
    }

    /** Builds an {@link XmppPresence}. Not thread-safe. */
    public static final class Builder {
        private Jid from;
        private Jid to;
        private String id;
        private Type type = Type.AVAILABLE;
        private Show show = Show.NONE;
        private String lang;
        private final Map<String, StatusText> statuses = new LinkedHashMap<>();
        private Integer priority;
        private Map<QName, String> attributes;
        private List<ExtensionElement> children;
        private List<ParseWarning> warnings;

        private Builder() {
        }

        /** Sets the sender; null removes it. */
        public Builder from(Jid from) {
            this.from = from;
            return this;
        }

        /** Sets the recipient; null removes it. */
        public Builder to(Jid to) {
            this.to = to;
            return this;
        }

        /** Sets the stanza id; null removes it. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** Sets the type ({@link Type#AVAILABLE} by default). */
        public Builder type(Type type) {
            this.type = Objects.requireNonNull(type, "type");
            return this;
        }

        /** Sets the show value ({@link Show#NONE} by default). */
        public Builder show(Show show) {
            this.show = Objects.requireNonNull(show, "show");
            return this;
        }

        /** Sets the stanza's default language; null removes it. */
        public Builder lang(String lang) {
            this.lang = lang;
            return this;
        }

        /** Sets the status text in {@code lang} (null for none), replacing one in the same language. */
        public Builder status(String text, String lang) {
            return status(StatusText.of(text, lang));
        }

        /** Sets a status text, replacing one in the same language (RFC 6121 allows one per language). */
        public Builder status(StatusText status) {
            Objects.requireNonNull(status, "status");
            statuses.put(status.lang(), status);
            return this;
        }

        /** Removes every status text. */
        public Builder clearStatuses() {
            statuses.clear();
            return this;
        }

        /**
         * Sets the priority; null removes it.
         *
         * @throws IllegalArgumentException outside {@value #MIN_PRIORITY}..{@value #MAX_PRIORITY}
         */
        public Builder priority(Integer priority) {
            if (priority != null && (priority < MIN_PRIORITY || priority > MAX_PRIORITY)) {
                throw new IllegalArgumentException("priority must be between -128 and 127: " + priority);
            }
            this.priority = priority;
            return this;
        }

        /** Adds an attribute the model does not name (not {@code from, to, id, type} or {@code xml:lang}). */
        public Builder attribute(QName name, String value) {
            Objects.requireNonNull(name, "name");
            if (name.getNamespaceURI().isEmpty()
                    && List.of("from", "to", "id", "type").contains(name.getLocalPart())) {
                throw new IllegalArgumentException("set " + name.getLocalPart() + " with its own method");
            }
            if (XMLConstants.XML_NS_URI.equals(name.getNamespaceURI()) && "lang".equals(name.getLocalPart())) {
                throw new IllegalArgumentException("set xml:lang with lang(String)");
            }
            attributes = Values.put(attributes, name, Objects.requireNonNull(value, "value"));
            return this;
        }

        /** Appends a child element the model does not name. */
        public Builder extra(ExtensionElement child) {
            children = Values.add(children, Objects.requireNonNull(child, "child"));
            return this;
        }

        /** Removes every extra child element. */
        public Builder clearExtras() {
            children = null;
            return this;
        }

        /** Records a tolerated slip (used by readers). */
        public Builder warnings(List<ParseWarning> warnings) {
            for (ParseWarning w : warnings) {
                this.warnings = Values.add(this.warnings, Objects.requireNonNull(w, "warning"));
            }
            return this;
        }

        public XmppPresence build() {
            return new XmppPresence(this);
        }
    }
}
