package io.presencekit.xcap.usage;

import io.presencekit.xcap.usage.internal.NamespaceSet;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.DocumentWriter;
import io.presencekit.xml.ExtensionRegistry;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.XmlLimits;
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
public final class GenericDocumentCodec extends DocumentCodec<GenericElement>
        implements XcapDocumentCodec<GenericElement> {
    /** The MIME type used for documents without a more specific one. */
    public static final String CONTENT_TYPE = "application/xml";

    // before the shared instance, which needs it; "XML" makes "cannot write XML document: ..."
    private static final Format<GenericElement> FORMAT = new Format<>("XML", in -> in.readTree(),
            GenericDocumentCodec::writeTree, null);

    private static final GenericDocumentCodec STANDARD = of(XmlLimits.DEFAULT, CONTENT_TYPE);

    private final String contentType;

    private GenericDocumentCodec(Settings s) {
        super(FORMAT, s);
        this.contentType = Objects.requireNonNull(s.contentType, "contentType");
    }

    /** The codec with default limits and {@value #CONTENT_TYPE}. */
    public static GenericDocumentCodec standard() {
        return STANDARD;
    }

    /** A codec with {@code limits} that reports {@code contentType}. */
    public static GenericDocumentCodec of(XmlLimits limits, String contentType) {
        return new Settings(contentType).limits(limits).build();
    }

    @Override
    public String contentType() {
        return contentType;
    }

    // the registry is empty: every element is written as the generic element it was read as
    private static byte[] writeTree(GenericElement document, ExtensionRegistry registry) {
        NamespaceSet ns = new NamespaceSet(registry).other(document);
        DocumentWriter out = new DocumentWriter(registry).declareOnRoot(ns.result());
        out.write(document);
        return out.toByteArray();
    }

    // the base class takes its settings from a builder; this codec has no public one, as
    // of(limits, contentType) is all there is to choose: it is lenient (there is no schema) and
    // has no extension codecs (there is nothing to type)
    private static final class Settings extends DocumentCodec.Builder<GenericDocumentCodec, Settings> {
        private final String contentType;

        Settings(String contentType) {
            super(ExtensionRegistry.empty());
            this.contentType = contentType;
        }

        @Override
        public GenericDocumentCodec build() {
            return new GenericDocumentCodec(this);
        }
    }
}
