package io.presencekit.xcap.store;

import io.presencekit.xcap.XcapUri;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link DocumentCache} in memory, for tests and short-lived clients. Thread-safe. */
public final class MemoryDocumentCache implements DocumentCache {
    private final Map<String, CachedDocument> documents = new ConcurrentHashMap<>();

    @Override
    public Optional<CachedDocument> load(XcapUri uri) {
        return Optional.ofNullable(documents.get(uri.documentUri().toString()));
    }

    @Override
    public void save(XcapUri uri, String etag, byte[] body) {
        documents.put(uri.documentUri().toString(), new CachedDocument(etag, body));
    }

    @Override
    public void remove(XcapUri uri) {
        documents.remove(uri.documentUri().toString());
    }
}
