package io.presencekit.xcap.store;

import io.presencekit.xcap.XcapUri;
import java.util.Optional;

/**
 * Where the store keeps the last known version of each document: its bytes and ETag.
 * Implementations must be thread-safe; {@link FileDocumentCache} survives restarts,
 * {@link MemoryDocumentCache} does not.
 */
public interface DocumentCache {
    /** The cached version of the document at {@code uri}, if any. */
    Optional<CachedDocument> load(XcapUri uri);

    /** Remembers {@code body} as the version of the document at {@code uri} with entity tag {@code etag}. */
    void save(XcapUri uri, String etag, byte[] body);

    /** Forgets the document at {@code uri}. */
    void remove(XcapUri uri);

    /**
     * A cached version. Immutable.
     *
     * @param etag the entity tag the server gave this version, exactly as sent (may be null when the server sent none)
     * @param body the document bytes
     */
    record CachedDocument(String etag, byte[] body) {
        public CachedDocument {
            body = body.clone();
        }

        @Override
        public byte[] body() {
            return body.clone();
        }
    }
}
