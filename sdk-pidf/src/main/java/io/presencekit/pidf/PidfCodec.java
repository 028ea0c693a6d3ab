package io.presencekit.pidf;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.internal.PidfReader;
import io.presencekit.pidf.internal.PidfWriter;
import io.presencekit.pidf.internal.StandardExtensions;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.SecureXmlParser;
import io.presencekit.xml.XmlLimits;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Reads and writes PIDF documents ({@code application/pidf+xml}, RFC 3863) with the RFC 4479 data
 * model and every registered extension (RFC 4480 RPID, RFC 4482 CIPID, RFC 5196 caps, RFC 4481
 * timed status, the AG Projects extensions).
 *
 * <p>Two modes:
 * <ul>
 * <li>{@link #standard()}, used for NOTIFY bodies: refuses what is not well-formed, not PIDF
 * (root element and namespace exact), carries a DOCTYPE or entity, breaks a limit, or has an
 * element marked {@code mustUnderstand} that no codec claims (RFC 3863, section 4.3.3). Schema
 * slips inside the document (a bad extension value, an element out of order, a missing id) are
 * tolerated and recorded in {@link PresenceDocument#warnings()}; a broken extension is kept as a
 * {@link io.presencekit.xml.GenericElement}, so nothing is lost.</li>
 * <li>{@link #strict()}: additionally enforces the schema (required elements and attributes,
 * enumerations, unique ids, element order); every slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Elements nobody claims are kept and written back unchanged (same names, namespaces,
 * attributes, text and order). Output is deterministic UTF-8 with stable prefixes.
 *
 * <p>Immutable and thread-safe; share instances. Each instance has its own extension registry.
 */
public final class PidfCodec {
    /** The MIME type of PIDF documents. */
    public static final String CONTENT_TYPE = "application/pidf+xml";

    /** {@code {urn:ietf:params:xml:ns:pidf}mustUnderstand}. */
    public static final QName MUST_UNDERSTAND = new QName(Namespaces.PIDF, "mustUnderstand");

    private static final PidfCodec STANDARD = builder().build();
    private static final PidfCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry registry;
    private final XmlLimits limits;
    private final boolean strict;
    private final SecureXmlParser parser;

    private PidfCodec(Builder b) {
        this.registry = b.registry.build();
        this.limits = b.limits;
        this.strict = b.strict;
        this.parser = SecureXmlParser.builder().limits(limits).registry(registry).strict(strict)
                .mustUnderstandAttribute(MUST_UNDERSTAND).build();
    }

    /** The lenient codec with every standard extension and default limits; the one for NOTIFY bodies. */
    public static PidfCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with every standard extension and default limits. */
    public static PidfCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this codec's settings and registry. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.registry = registry.toBuilder();
        b.limits = limits;
        b.strict = strict;
        return b;
    }

    /** Whether this codec enforces the schema. */
    public boolean isStrict() {
        return strict;
    }

    /** The limits on input. */
    public XmlLimits limits() {
        return limits;
    }

    /** The extension registry. */
    public ExtensionRegistry registry() {
        return registry;
    }

    /**
     * Parses a PIDF document.
     *
     * @throws DocumentParseException when the input cannot be used (see the class description)
     */
    public PresenceDocument read(byte[] input) {
        return parser.parse(input, PidfReader::read);
    }

    /** As {@link #read(byte[])} for {@code input[offset, offset + length)}. */
    public PresenceDocument read(byte[] input, int offset, int length) {
        return parser.parse(input, offset, length, PidfReader::read);
    }

    /**
     * Reads {@code in} to its end (at most {@link XmlLimits#maxDocumentBytes()} bytes) and parses
     * it. The stream is not closed.
     */
    public PresenceDocument read(InputStream in) {
        return parser.parse(in, PidfReader::read);
    }

    /** Serializes {@code document} as UTF-8 XML. */
    public byte[] write(PresenceDocument document) {
        Objects.requireNonNull(document, "document");
        try {
            return PidfWriter.write(document, registry);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PresenceKitException("cannot write PIDF document: " + e.getMessage(), e);
        }
    }

    /** Serializes {@code document} to {@code out} (not closed). */
    public void write(PresenceDocument document, OutputStream out) {
        try {
            out.write(write(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a {@link PidfCodec}. Not thread-safe. */
    public static final class Builder {
        private ExtensionRegistry.Builder registry = StandardExtensions.registry().toBuilder();
        private XmlLimits limits = XmlLimits.DEFAULT;
        private boolean strict;

        private Builder() {
        }

        /** Enforce the schema (true) or tolerate slips with warnings (false, the default). */
        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /** Limits on input size, depth, attributes and text. */
        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        /** Adds or replaces the codec for one extension element. */
        public Builder register(ExtensionCodec<?> codec) {
            registry.register(codec);
            return this;
        }

        /** Removes the codec for {@code name}: that element is then kept as a generic element. */
        public Builder unregister(QName name) {
            registry.unregister(name);
            return this;
        }

        /** Sets the prefix written for {@code namespaceUri}. */
        public Builder prefix(String namespaceUri, String prefix) {
            registry.prefix(namespaceUri, prefix);
            return this;
        }

        public PidfCodec build() {
            return new PidfCodec(this);
        }
    }
}
