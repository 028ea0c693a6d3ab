package io.presencekit.xcap.usage.internal;

import io.presencekit.error.PresenceKitException;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.SecureXmlParser;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;

/**
 * The machinery every XCAP document codec shares: the hardened parser with its registry, and the
 * error handling around the writer. Immutable and thread-safe.
 *
 * @param <T> the document model
 */
public final class CodecSupport<T> {
    /** Writes a document with a registry. */
    @FunctionalInterface
    public interface Writer<T> {
        byte[] write(T document, ExtensionRegistry registry);
    }

    private final String what;
    private final ExtensionRegistry registry;
    private final XmlLimits limits;
    private final boolean strict;
    private final SecureXmlParser parser;
    private final SecureXmlParser.RootHandler<T> reader;
    private final Writer<T> writer;

    /**
     * @param what     the kind of document, for error messages
     * @param registry the complete registry (core codecs included)
     */
    public CodecSupport(String what, ExtensionRegistry registry, XmlLimits limits, boolean strict,
            SecureXmlParser.RootHandler<T> reader, Writer<T> writer) {
        this.what = what;
        this.registry = registry;
        this.limits = limits;
        this.strict = strict;
        this.reader = reader;
        this.writer = writer;
        this.parser = SecureXmlParser.builder().limits(limits).registry(registry).strict(strict).build();
    }

    /**
     * The registry a codec builder produced, with {@code core} registered on top so that the
     * document's own elements are always read typed.
     */
    public static ExtensionRegistry registry(ExtensionRegistry user, Iterable<? extends ExtensionCodec<?>> core) {
        return user.toBuilder().registerAll(core).build();
    }

    public ExtensionRegistry registry() {
        return registry;
    }

    public XmlLimits limits() {
        return limits;
    }

    public boolean strict() {
        return strict;
    }

    public T read(byte[] input) {
        return parser.parse(input, reader);
    }

    public T read(byte[] input, int offset, int length) {
        return parser.parse(input, offset, length, reader);
    }

    public T read(InputStream in) {
        return parser.parse(in, reader);
    }

    public byte[] write(T document) {
        Objects.requireNonNull(document, "document");
        try {
            return writer.write(document, registry);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PresenceKitException("cannot write " + what + ": " + e.getMessage(), e);
        }
    }
}
