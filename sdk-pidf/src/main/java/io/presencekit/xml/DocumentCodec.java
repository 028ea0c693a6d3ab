package io.presencekit.xml;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.PresenceKitException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import javax.xml.namespace.QName;

/**
 * What every XML document codec shares, whatever its document type: an
 * {@link ExtensionRegistry}, {@link XmlLimits} and a lenient or strict mode, fixed when the codec
 * is built; parsing from bytes or a stream through a {@link SecureXmlParser} made from them; and
 * writing with the registry. A subclass such as {@code PidfCodec}, {@code WatcherInfoCodec} or
 * an sdk-xcap document codec describes its document once, as a {@link Format}, and adds its own
 * shared instances and builder.
 *
 * <p>Reading refuses input that is not well-formed, carries a DOCTYPE or entity, breaks a limit
 * or has the wrong root element ({@link DocumentParseException}, with line, column and reason).
 * In lenient mode schema slips inside the document are left to the format's reader to record as
 * warnings; in strict mode each one is a {@link DocumentParseException}.
 *
 * <p>Immutable and thread-safe; share instances. Each instance has its own registry.
 *
 * @param <D> the document type
 */
public abstract class DocumentCodec<D> {
    private final Format<D> format;
    // what the builder held, without the format's own codecs: what toBuilder() starts from, so
    // that a codec rebuilt from it has its extensions in the same order as the original
    private final ExtensionRegistry source;
    private final ExtensionRegistry registry;
    private final XmlLimits limits;
    private final boolean strict;
    private final SecureXmlParser parser;

    /** A codec for {@code format} with the settings and registry of {@code b}. */
    protected DocumentCodec(Format<D> format, Builder<?, ?> b) {
        this.format = Objects.requireNonNull(format, "format");
        this.source = b.registry.build();
        this.registry = format.ownCodecs().isEmpty() ? source
                : source.toBuilder().registerAll(format.ownCodecs()).build();
        this.limits = b.limits;
        this.strict = b.strict;
        this.parser = SecureXmlParser.builder().limits(limits).registry(registry).strict(strict)
                .mustUnderstandAttribute(format.mustUnderstand()).build();
    }

    /** Whether this codec enforces the schema. */
    public boolean isStrict() {
        return strict;
    }

    /** The limits on input. */
    public XmlLimits limits() {
        return limits;
    }

    /** The extension registry, the format's {@linkplain Format#ownCodecs own codecs} included. */
    public ExtensionRegistry registry() {
        return registry;
    }

    /**
     * Parses a document.
     *
     * @throws DocumentParseException when the input cannot be used (see the class description)
     */
    public D read(byte[] input) {
        return parser.parse(input, format.reader());
    }

    /** As {@link #read(byte[])} for {@code input[offset, offset + length)}. */
    public D read(byte[] input, int offset, int length) {
        return parser.parse(input, offset, length, format.reader());
    }

    /**
     * Reads {@code in} to its end (at most {@link XmlLimits#maxDocumentBytes()} bytes) and parses
     * it. The stream is not closed.
     */
    public D read(InputStream in) {
        return parser.parse(in, format.reader());
    }

    /**
     * Serializes {@code document} as UTF-8 XML.
     *
     * @throws PresenceKitException if the document cannot be written, for example because an
     *                              extension's codec refuses its value
     */
    public byte[] write(D document) {
        Objects.requireNonNull(document, "document");
        try {
            return format.writer().write(document, registry);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PresenceKitException("cannot write " + format.name() + " document: " + e.getMessage(), e);
        }
    }

    /**
     * Serializes {@code document} to {@code out} (not closed).
     *
     * @throws UncheckedIOException if {@code out} fails
     */
    public void write(D document, OutputStream out) {
        try {
            out.write(write(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What a codec's document type is: the name used in messages ({@code PIDF}), how to read a
     * document from its root element, how to write one, the attribute (if any) that marks an
     * element as mandatory to understand, and the codecs of the document's own elements, if they
     * are read through the registry. Immutable.
     *
     * @param <D>            the document type
     * @param name           the document's name in messages, as in "cannot write PIDF document"
     * @param reader         reads a document from its root start tag to its root end tag
     * @param writer         writes a document
     * @param mustUnderstand see {@link SecureXmlParser.Builder#mustUnderstandAttribute}; null for none
     * @param ownCodecs      the codecs of the document's own elements, registered over the
     *                       builder's registry when the codec is built, so that a builder can
     *                       neither replace nor remove them (XCAP documents read their elements
     *                       this way); empty for none
     */
    public record Format<D>(String name, SecureXmlParser.RootHandler<D> reader, Writer<D> writer,
            QName mustUnderstand, List<ExtensionCodec<?>> ownCodecs) {
        public Format {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(reader, "reader");
            Objects.requireNonNull(writer, "writer");
            ownCodecs = List.copyOf(ownCodecs);
        }

        /** A format whose document has no {@linkplain #ownCodecs own codecs}. */
        public Format(String name, SecureXmlParser.RootHandler<D> reader, Writer<D> writer, QName mustUnderstand) {
            this(name, reader, writer, mustUnderstand, List.of());
        }
    }

    /** Writes one document. */
    @FunctionalInterface
    public interface Writer<D> {
        /**
         * The document as UTF-8 XML, with typed extension elements written by {@code registry}'s
         * codecs.
         *
         * @throws IllegalArgumentException or {@link IllegalStateException} if the document cannot
         *                                  be written
         */
        byte[] write(D document, ExtensionRegistry registry);
    }

    /**
     * The settings every codec builder has: mode, limits and the extension registry. {@code C}
     * is the codec it builds and {@code B} the concrete builder, so that chained calls keep its
     * own methods in reach. Not thread-safe.
     *
     * @param <C> the codec type
     * @param <B> the concrete builder type
     */
    public abstract static class Builder<C extends DocumentCodec<?>, B extends Builder<C, B>> {
        private ExtensionRegistry.Builder registry;
        private XmlLimits limits = XmlLimits.DEFAULT;
        private boolean strict;

        /** A lenient builder with default limits and the codecs and prefixes of {@code registry}. */
        protected Builder(ExtensionRegistry registry) {
            this.registry = registry.toBuilder();
        }

        /** A builder holding {@code codec}'s settings and registry. */
        protected Builder(DocumentCodec<?> codec) {
            this.registry = codec.source.toBuilder();
            this.limits = codec.limits;
            this.strict = codec.strict;
        }

        /** This builder, as its concrete type. */
        @SuppressWarnings("unchecked")
        protected final B self() {
            return (B) this;
        }

        /** Enforce the schema (true) or tolerate slips with warnings (false, the default). */
        public B strict(boolean strict) {
            this.strict = strict;
            return self();
        }

        /** Limits on input size, depth, attributes and text. */
        public B limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return self();
        }

        /** Adds or replaces the codec for one extension element. */
        public B register(ExtensionCodec<?> codec) {
            registry.register(codec);
            return self();
        }

        /** Removes the codec for {@code name}: that element is then kept as a generic element. */
        public B unregister(QName name) {
            registry.unregister(name);
            return self();
        }

        /** Sets the prefix written for {@code namespaceUri}. */
        public B prefix(String namespaceUri, String prefix) {
            registry.prefix(namespaceUri, prefix);
            return self();
        }

        /** Builds the codec. */
        public abstract C build();
    }
}
