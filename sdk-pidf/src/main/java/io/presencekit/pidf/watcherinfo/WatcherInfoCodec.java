package io.presencekit.pidf.watcherinfo;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.watcherinfo.internal.WatcherInfoReader;
import io.presencekit.pidf.watcherinfo.internal.WatcherInfoWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.SecureXmlParser;
import io.presencekit.xml.XmlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * Reads and writes watcher information documents ({@code application/watcherinfo+xml}, RFC 3858),
 * the bodies of {@code presence.winfo} NOTIFYs (RFC 3857).
 *
 * <p>Two modes:
 * <ul>
 * <li>{@link #standard()}, used for NOTIFY bodies: refuses what is not well-formed, not watcherinfo
 * (root element and namespace exact), carries a DOCTYPE or entity, or breaks a limit. Schema slips
 * inside the document (a missing or unknown {@code status}, a {@code version} that is not a
 * number, elements out of order) are tolerated and recorded in {@link WatcherInfo#warnings()};
 * a typed attribute that cannot be used is kept as a raw attribute, so nothing is lost.</li>
 * <li>{@link #strict()}: every schema slip is a {@link DocumentParseException}.</li>
 * </ul>
 *
 * <p>Elements from other namespaces are kept (typed if a codec is {@linkplain Builder#register
 * registered} for them, else as generic elements) and written back unchanged. Output is
 * deterministic UTF-8 with {@code urn:ietf:params:xml:ns:watcherinfo} as the default namespace.
 *
 * <p>Immutable and thread-safe; share instances. Each instance has its own extension registry.
 */
public final class WatcherInfoCodec {
    /** The MIME type of watcherinfo documents. */
    public static final String CONTENT_TYPE = "application/watcherinfo+xml";

    private static final WatcherInfoCodec STANDARD = builder().build();
    private static final WatcherInfoCodec STRICT = builder().strict(true).build();

    private final ExtensionRegistry registry;
    private final XmlLimits limits;
    private final boolean strict;
    private final SecureXmlParser parser;

    private WatcherInfoCodec(Builder b) {
        this.registry = b.registry.build();
        this.limits = b.limits;
        this.strict = b.strict;
        this.parser = SecureXmlParser.builder().limits(limits).registry(registry).strict(strict).build();
    }

    /** The lenient codec with default limits; the one for NOTIFY bodies. */
    public static WatcherInfoCodec standard() {
        return STANDARD;
    }

    /** The schema-enforcing codec with default limits. */
    public static WatcherInfoCodec strict() {
        return STRICT;
    }

    /** A builder starting from {@link #standard()}'s settings: lenient, default limits, no extension codecs. */
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
     * Parses a watcherinfo document.
     *
     * @throws DocumentParseException when the input cannot be used (see the class description)
     */
    public WatcherInfo read(byte[] input) {
        return parser.parse(input, WatcherInfoReader::read);
    }

    /** As {@link #read(byte[])} for {@code input[offset, offset + length)}. */
    public WatcherInfo read(byte[] input, int offset, int length) {
        return parser.parse(input, offset, length, WatcherInfoReader::read);
    }

    /**
     * Reads {@code in} to its end (at most {@link XmlLimits#maxDocumentBytes()} bytes) and parses
     * it. The stream is not closed.
     */
    public WatcherInfo read(InputStream in) {
        return parser.parse(in, WatcherInfoReader::read);
    }

    /** Serializes {@code document} as UTF-8 XML. */
    public byte[] write(WatcherInfo document) {
        Objects.requireNonNull(document, "document");
        try {
            return WatcherInfoWriter.write(document, registry);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PresenceKitException("cannot write watcherinfo document: " + e.getMessage(), e);
        }
    }

    /** Serializes {@code document} to {@code out} (not closed). */
    public void write(WatcherInfo document, OutputStream out) {
        try {
            out.write(write(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Builds a {@link WatcherInfoCodec}. Not thread-safe. */
    public static final class Builder {
        private ExtensionRegistry.Builder registry = ExtensionRegistry.builder();
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

        /** Adds or replaces the codec for one element at the schema's {@code ##other} extension points. */
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

        public WatcherInfoCodec build() {
            return new WatcherInfoCodec(this);
        }
    }
}
