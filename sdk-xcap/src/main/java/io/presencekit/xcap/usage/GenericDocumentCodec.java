package io.presencekit.xcap.usage;

import io.presencekit.error.PresenceKitException;
import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.SecureXmlParser;
import io.presencekit.xml.XmlLimits;
import java.io.InputStream;
import java.util.Objects;

/**
 * Reads any XML document into a {@link GenericElement} tree and writes it back: for application
 * usages the SDK has no model for (OMA user profiles, OpenXCAP's watchers, test documents), for
 * element bodies of node-level XCAP operations, and for raw access. Input is hardened as for every
 * other codec; there is no schema, so {@link #isStrict()} is false and nothing is ever a warning.
 *
 * <p>Names, namespaces, attributes, text and child order survive a round trip; whitespace between
 * child elements, comments, processing instructions and prefixes do not (see {@link GenericElement}).
 *
 * <p>Immutable and thread-safe; share instances.
 */
public final class GenericDocumentCodec implements XcapDocumentCodec<GenericElement> {
    /** The MIME type used for documents without a more specific one. */
    public static final String CONTENT_TYPE = "application/xml";

    private static final GenericDocumentCodec STANDARD = new GenericDocumentCodec(XmlLimits.DEFAULT, CONTENT_TYPE);

    private final XmlLimits limits;
    private final String contentType;
    private final SecureXmlParser parser;

    private GenericDocumentCodec(XmlLimits limits, String contentType) {
        this.limits = Objects.requireNonNull(limits, "limits");
        this.contentType = Objects.requireNonNull(contentType, "contentType");
        this.parser = SecureXmlParser.builder().limits(limits).build();
    }

    /** The codec with default limits and {@value #CONTENT_TYPE}. */
    public static GenericDocumentCodec standard() {
        return STANDARD;
    }

    /** A codec with {@code limits} that reports {@code contentType}. */
    public static GenericDocumentCodec of(XmlLimits limits, String contentType) {
        return new GenericDocumentCodec(limits, contentType);
    }

    @Override
    public String contentType() {
        return contentType;
    }

    @Override
    public boolean isStrict() {
        return false;
    }

    @Override
    public XmlLimits limits() {
        return limits;
    }

    @Override
    public GenericElement read(byte[] input) {
        return parser.parse(input, in -> in.readTree());
    }

    @Override
    public GenericElement read(byte[] input, int offset, int length) {
        return parser.parse(input, offset, length, in -> in.readTree());
    }

    @Override
    public GenericElement read(InputStream in) {
        return parser.parse(in, r -> r.readTree());
    }

    @Override
    public byte[] write(GenericElement document) {
        Objects.requireNonNull(document, "document");
        try {
            ExtensionRegistry none = ExtensionRegistry.empty();
            NamespaceSet ns = new NamespaceSet(none).other(document);
            DocumentWriter out = new DocumentWriter(none).declareOnRoot(ns.result());
            out.write(document);
            return out.toByteArray();
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new PresenceKitException("cannot write XML document: " + e.getMessage(), e);
        }
    }
}
