package io.presencekit.xcap.store;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Function;

/**
 * Turns an XCAP document's bytes into a model and back, with the MIME type to PUT it as. The
 * application-usage codecs (resource-lists, pres-rules, PIDF...) adapt to this with
 * {@link #of(String, Function, Function)}. Implementations must be thread-safe.
 *
 * @param <T> the document model; its {@code equals} decides whether a change needs a write
 */
public interface DocumentFormat<T> {
    /** The MIME type documents are written with. */
    String contentType();

    /** Reads a document; throws a {@link io.presencekit.error.PresenceKitException} when it cannot. */
    T read(byte[] body);

    /** Writes a document. */
    byte[] write(T document);

    /** A codec from its parts. */
    static <T> DocumentFormat<T> of(String contentType, Function<byte[], T> reader, Function<T, byte[]> writer) {
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(writer, "writer");
        return new DocumentFormat<>() {
            @Override
            public String contentType() {
                return contentType;
            }

            @Override
            public T read(byte[] body) {
                return reader.apply(body);
            }

            @Override
            public byte[] write(T document) {
                return writer.apply(document);
            }
        };
    }

    /** Documents as UTF-8 text, for tools and tests. */
    static DocumentFormat<String> utf8(String contentType) {
        return of(contentType, b -> new String(b, StandardCharsets.UTF_8), s -> s.getBytes(StandardCharsets.UTF_8));
    }
}
