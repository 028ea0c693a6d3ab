package io.presencekit.xcap.store;

import io.presencekit.xcap.XcapUri;
import java.util.Objects;
import java.util.Optional;

/**
 * A document as the store last saw it on the server: its URI, its model (absent when the
 * document does not exist) and its entity tag. Immutable.
 *
 * @param <T> the document model
 */
public final class StoredDocument<T> {
    private final XcapUri uri;
    private final T value;
    private final String etag;

    StoredDocument(XcapUri uri, T value, String etag) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.value = value;
        this.etag = etag;
    }

    static <T> StoredDocument<T> absent(XcapUri uri) {
        return new StoredDocument<>(uri, null, null);
    }

    /** The document URI. */
    public XcapUri uri() {
        return uri;
    }

    /** The model, or empty when the document does not exist. */
    public Optional<T> value() {
        return Optional.ofNullable(value);
    }

    /** Whether the document exists. */
    public boolean exists() {
        return value != null;
    }

    /** The entity tag of this version, exactly as the server sent it. */
    public Optional<String> etag() {
        return Optional.ofNullable(etag);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoredDocument<?> d && uri.equals(d.uri) && Objects.equals(value, d.value)
                && Objects.equals(etag, d.etag);
    }

    @Override
    public int hashCode() {
        return Objects.hash(uri, value, etag);
    }

    @Override
    public String toString() {
        return "StoredDocument[" + uri + (exists() ? " etag=" + etag : " absent") + "]";
    }
}
