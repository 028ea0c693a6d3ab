package io.presencekit.pidf.xmpp;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.xmpp.internal.XmppPresenceReader;
import io.presencekit.pidf.xmpp.internal.XmppPresenceWriter;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.XmlLimits;
import java.util.Objects;

/**
 * Reads and writes XMPP {@code <presence/>} stanzas (RFC 6121, section 4.7) as standalone XML, on
 * the same hardened parser as the PIDF codec ({@link io.presencekit.xml.SecureXmlParser}): no DTD,
 * no entities, {@link XmlLimits limits} on size, depth, attributes and text, and every failure a
 * {@link DocumentParseException} with line and column.
 *
 * <p>The root must be {@code presence} in {@code jabber:client}, {@code jabber:server} or
 * {@code jabber:component:accept} (a stanza cut from a stream must carry its namespace). Children
 * other than {@code show}, {@code status} and {@code priority} are kept (typed when a codec is
 * {@linkplain Builder#register registered} for them, else as generic elements) and written back
 * in order; unknown attributes are kept too. {@link #write(XmppPresence)} uses the codec's
 * {@linkplain Builder#namespace namespace} ({@code jabber:client} by default);
 * {@link #write(XmppPresence, StanzaNamespace)} takes it per call. Reading and writing again
 * gives an equal stanza.
 *
 * <p>{@link #standard()} tolerates a bad {@code show} or {@code priority} (kept as an unknown
 * child, with a warning in {@link XmppPresence#warnings()}); {@link #strict()} refuses them. An
 * unknown {@code type} or a {@code from}/{@code to} that is no JID is refused in both.
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class XmppPresenceCodec extends DocumentCodec<XmppPresence> {
    private static final XmppPresenceCodec STANDARD = builder().build();
    private static final XmppPresenceCodec STRICT = builder().strict(true).build();

    private final StanzaNamespace namespace;

    private XmppPresenceCodec(Builder b) {
        super(new Format<>("XMPP presence", XmppPresenceReader::read,
                (p, registry) -> XmppPresenceWriter.write(p, b.namespace, registry), null), b);
        this.namespace = b.namespace;
    }

    /** The lenient codec, writing {@code jabber:client}, with default limits. */
    public static XmppPresenceCodec standard() {
        return STANDARD;
    }

    /** The codec that refuses a bad {@code show} or {@code priority}, writing {@code jabber:client}. */
    public static XmppPresenceCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this codec's settings and registry. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** The namespace {@link #write(XmppPresence)} writes. */
    public StanzaNamespace namespace() {
        return namespace;
    }

    /**
     * Serializes {@code presence} in {@code ns}.
     *
     * @throws PresenceKitException if the stanza cannot be written (a character XML cannot carry)
     */
    public byte[] write(XmppPresence presence, StanzaNamespace ns) {
        Objects.requireNonNull(presence, "presence");
        Objects.requireNonNull(ns, "ns");
        try {
            return XmppPresenceWriter.write(presence, ns, registry());
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PresenceKitException("cannot write XMPP presence: " + e.getMessage(), e);
        }
    }

    /** Builds an {@link XmppPresenceCodec}: lenient, default limits, {@code jabber:client}. Not thread-safe. */
    public static final class Builder extends DocumentCodec.Builder<XmppPresenceCodec, Builder> {
        private StanzaNamespace namespace = StanzaNamespace.CLIENT;

        private Builder() {
            super(ExtensionRegistry.empty());
        }

        private Builder(XmppPresenceCodec codec) {
            super(codec);
            this.namespace = codec.namespace;
        }

        /** The namespace {@link XmppPresenceCodec#write(XmppPresence)} writes. */
        public Builder namespace(StanzaNamespace namespace) {
            this.namespace = Objects.requireNonNull(namespace, "namespace");
            return this;
        }

        @Override
        public XmppPresenceCodec build() {
            return new XmppPresenceCodec(this);
        }
    }
}
