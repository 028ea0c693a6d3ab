package io.presencekit.xcap.usage;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xml.XmlLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Reads and writes one kind of XCAP document: the codec of an {@link ApplicationUsage}.
 *
 * <p>Implementations are immutable and thread-safe. Reading is hardened (no DTDs, no entities,
 * {@link XmlLimits}); a lenient codec tolerates schema slips and records them as warnings on the
 * document, a strict one refuses them. Content from other clients that the model does not know is
 * kept and written back. Every such codec can be handed to
 * {@link io.presencekit.xcap.store.XcapDocumentStore} as is.
 *
 * @param <T> the document model
 */
public interface XcapDocumentCodec<T> extends io.presencekit.xcap.store.DocumentFormat<T> {
    /** The MIME type of the documents, for example {@code application/resource-lists+xml}. */
    String contentType();

    /** Whether the schema is enforced. */
    boolean isStrict();

    /** The limits on input. */
    XmlLimits limits();

    /**
     * Parses a document.
     *
     * @throws DocumentParseException when the input cannot be used
     */
    T read(byte[] input);

    /** As {@link #read(byte[])} for {@code input[offset, offset + length)}. */
    T read(byte[] input, int offset, int length);

    /** Reads {@code in} to its end (at most {@link XmlLimits#maxDocumentBytes()} bytes) and parses it; not closed. */
    T read(InputStream in);

    /** Serializes {@code document} as UTF-8 XML, deterministically. */
    byte[] write(T document);

    /** Serializes {@code document} to {@code out} (not closed). */
    default void write(T document, OutputStream out) {
        try {
            out.write(write(document));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
