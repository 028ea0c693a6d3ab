package io.presencekit.gateway.xmpp;

import java.util.Objects;
import java.util.Optional;

/**
 * A stanza as received (RFC 6120, section 8): its element name ({@code message}, {@code iq} or
 * {@code presence}), the common attributes, and the whole stanza as a standalone XML string whose
 * root declares the stream's default namespace ({@code jabber:component:accept}) and every prefix
 * it uses. Immutable.
 *
 * @param name the element's local name
 * @param from the {@code from} attribute, or null
 * @param to   the {@code to} attribute, or null
 * @param id   the {@code id} attribute, or null
 * @param type the {@code type} attribute, or null
 * @param xml  the stanza serialized
 */
public record RawStanza(String name, String from, String to, String id, String type, String xml) {
    public RawStanza {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(xml, "xml");
    }

    /** The {@code type} attribute, if present. */
    public Optional<String> typeAttribute() {
        return Optional.ofNullable(type);
    }

    /** Whether this is an {@code iq} of type {@code get} or {@code set}, which needs an answer (RFC 6120, 8.2.3). */
    public boolean isIqRequest() {
        return "iq".equals(name) && ("get".equals(type) || "set".equals(type));
    }
}
