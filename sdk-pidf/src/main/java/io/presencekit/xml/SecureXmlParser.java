package io.presencekit.xml;

import com.ctc.wstx.api.WstxInputProperties;
import com.ctc.wstx.stax.WstxInputFactory;
import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.internal.StaxElementReader;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import javax.xml.namespace.QName;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLResolver;
import javax.xml.stream.XMLStreamException;
import org.codehaus.stax2.XMLInputFactory2;

/**
 * Parses untrusted XML safely: Woodstox configured with no DTD processing, no entity expansion,
 * no external access and the {@link XmlLimits}; a DOCTYPE anywhere is refused outright. Every
 * failure becomes a {@link DocumentParseException} with line, column and reason.
 *
 * <p>In lenient (non-strict) mode, an extension that its codec cannot read is kept as a
 * {@link GenericElement} with a warning: the parse restarts with that element marked, which costs
 * nothing on well-formed input and loses nothing on bad input.
 *
 * <p>Immutable and thread-safe; share one instance.
 */
public final class SecureXmlParser {
    private static final int MAX_GENERIC_RETRIES = 32;

    private final XmlLimits limits;
    private final ExtensionRegistry registry;
    private final boolean strict;
    private final QName mustUnderstand;
    private final XMLInputFactory factory;

    private SecureXmlParser(Builder b) {
        this.limits = b.limits;
        this.registry = b.registry;
        this.strict = b.strict;
        this.mustUnderstand = b.mustUnderstand;
        this.factory = newInputFactory(limits);
    }

    /** A builder with default limits, no extensions, lenient mode. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A hardened Woodstox factory: namespace-aware, coalescing, no DTD support, no external
     * entities, a resolver that refuses everything, and the given limits. Thread-safe once built.
     */
    public static XMLInputFactory newInputFactory(XmlLimits limits) {
        XMLResolver refuse = (publicId, systemId, baseUri, namespace) -> {
            throw new XMLStreamException("external resource refused: " + systemId);
        };
        WstxInputFactory f = new WstxInputFactory();
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        f.setProperty(XMLInputFactory.IS_VALIDATING, false);
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, true);
        f.setProperty(XMLInputFactory.IS_COALESCING, true);
        // Eager parsing: with lazy parsing Woodstox reports errors in text (bad characters, limits,
        // truncation) from getText() and isWhiteSpace() as an unchecked WstxLazyException, which
        // escapes every accessor; eager, they all surface from next() as XMLStreamException.
        f.setProperty(XMLInputFactory2.P_LAZY_PARSING, false);
        f.setProperty(XMLInputFactory.RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_DTD_RESOLVER, refuse);
        f.setProperty(WstxInputProperties.P_ENTITY_RESOLVER, refuse);
        // Without a DTD every entity but the five predefined ones is undeclared; Woodstox passes its name last.
        f.setProperty(WstxInputProperties.P_UNDECLARED_ENTITY_RESOLVER,
                (XMLResolver) (publicId, systemId, baseUri, name) -> {
                    throw new XMLStreamException(StaxElementReader.ENTITY_REFUSED + "'&" + name + ";'");
                });
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_DEPTH, limits.maxDepth());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTES_PER_ELEMENT, limits.maxAttributesPerElement());
        f.setProperty(WstxInputProperties.P_MAX_ATTRIBUTE_SIZE, limits.maxAttributeLength());
        f.setProperty(WstxInputProperties.P_MAX_TEXT_LENGTH, limits.maxTextLength());
        f.setProperty(WstxInputProperties.P_MAX_ELEMENT_COUNT, limits.maxElements());
        f.setProperty(WstxInputProperties.P_MAX_CHARACTERS, (long) limits.maxDocumentBytes());
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_COUNT, 100L);
        f.setProperty(WstxInputProperties.P_MAX_ENTITY_DEPTH, 1);
        return f;
    }

    /** The limits this parser enforces. */
    public XmlLimits limits() {
        return limits;
    }

    /** The extension codecs this parser dispatches to. */
    public ExtensionRegistry registry() {
        return registry;
    }

    /** Whether the schema is enforced. */
    public boolean strict() {
        return strict;
    }

    /**
     * Parses {@code input} and hands the root element to {@code root}, which must return on the
     * root end tag. Content after the root other than comments, processing instructions and
     * whitespace is refused.
     */
    public <T> T parse(byte[] input, RootHandler<T> root) {
        Objects.requireNonNull(input, "input");
        return parse(input, 0, input.length, root);
    }

    /**
     * Reads {@code in} to its end, refusing more than {@link XmlLimits#maxDocumentBytes()} bytes
     * without reading further, and parses it. The stream is not closed.
     */
    public <T> T parse(java.io.InputStream in, RootHandler<T> root) {
        Objects.requireNonNull(in, "in");
        int max = limits.maxDocumentBytes();
        byte[] body;
        try {
            body = in.readNBytes(max == Integer.MAX_VALUE ? max : max + 1);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (body.length > max) {
            throw new DocumentParseException(Reason.LIMIT_EXCEEDED, "document exceeds the limit of " + max + " bytes",
                    -1, -1);
        }
        return parse(body, root);
    }

    /** As {@link #parse(byte[], RootHandler)} for {@code input[offset, offset + length)}. */
    public <T> T parse(byte[] input, int offset, int length, RootHandler<T> root) {
        Objects.requireNonNull(root, "root");
        Objects.checkFromIndexSize(offset, length, input.length);
        if (length > limits.maxDocumentBytes()) {
            throw new DocumentParseException(Reason.LIMIT_EXCEEDED,
                    "document of " + length + " bytes exceeds the limit of " + limits.maxDocumentBytes(), -1, -1);
        }
        if (isBlank(input, offset, length)) {
            throw new DocumentParseException(Reason.EMPTY, "empty document", -1, -1);
        }
        Map<Long, String> genericAt = null;
        for (int attempt = 0;; attempt++) {
            StaxElementReader reader = StaxElementReader.open(factory, input, offset, length, registry, strict,
                    mustUnderstand, genericAt);
            try {
                T result = root.read(reader);
                reader.finish();
                return result;
            } catch (StaxElementReader.RetryAsGeneric retry) {
                if (attempt >= MAX_GENERIC_RETRIES) {
                    throw new DocumentParseException(Reason.SCHEMA,
                            "too many unreadable extensions; last: " + retry.getMessage(), -1, -1);
                }
                if (genericAt == null) {
                    genericAt = new HashMap<>();
                }
                genericAt.put(retry.offset(), retry.getMessage());
            } finally {
                reader.close();
            }
        }
    }

    private static boolean isBlank(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte c = b[i];
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Reads a document from its root element. */
    @FunctionalInterface
    public interface RootHandler<T> {
        /** Called on the root start tag; must return on the root end tag. */
        T read(DocumentReader root);
    }

    /** Builds a {@link SecureXmlParser}. Not thread-safe. */
    public static final class Builder {
        private XmlLimits limits = XmlLimits.DEFAULT;
        private ExtensionRegistry registry = ExtensionRegistry.empty();
        private boolean strict;
        private QName mustUnderstand;

        private Builder() {
        }

        public Builder limits(XmlLimits limits) {
            this.limits = Objects.requireNonNull(limits, "limits");
            return this;
        }

        public Builder registry(ExtensionRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        public Builder strict(boolean strict) {
            this.strict = strict;
            return this;
        }

        /**
         * The global attribute that marks an element as mandatory to understand (PIDF:
         * {@code {urn:ietf:params:xml:ns:pidf}mustUnderstand}); an element carrying it with a true
         * value that is read as a {@link GenericElement} makes the document unusable.
         */
        public Builder mustUnderstandAttribute(QName attribute) {
            this.mustUnderstand = attribute;
            return this;
        }

        public SecureXmlParser build() {
            return new SecureXmlParser(this);
        }
    }
}
