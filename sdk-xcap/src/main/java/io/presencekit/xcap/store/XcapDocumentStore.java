package io.presencekit.xcap.store;

import io.presencekit.error.PresenceKitException;
import io.presencekit.xcap.Precondition;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapException;
import io.presencekit.xcap.XcapResponse;
import io.presencekit.xcap.XcapUri;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cached, conflict-safe access to whole XCAP documents (RFC 4825, sections 7.10 and 8.2.5).
 *
 * <ul>
 * <li>{@link #fetch} revalidates the cached version with {@code If-None-Match}: a 304 costs no
 * body; {@link #cached} answers from the cache alone, so an application can show its address
 * book before the network is up.</li>
 * <li>{@link #update} applies an <em>operation</em> (a function from the current model to the new
 * one) and writes the result conditionally on the ETag it was computed from ({@code If-Match}, or
 * create-only when the document did not exist). When another client changed the document in
 * between (412), the store refetches it and applies the operation again to the new version, up
 * to {@link Builder#maxConflictRetries(int)} times: what the other client wrote is kept. An
 * operation that changes nothing writes nothing.</li>
 * <li>Operations on one document run one after the other, in call order; different documents
 * proceed independently.</li>
 * <li>On servers whose conditional writes can race ({@link
 * io.presencekit.xcap.XcapCompatibility#nonAtomicConditionalWrites()}, Kamailio), the store also
 * reads each written document back and applies a change the server dropped once more, and
 * treats a 500 on a write as a conflict. Operations must be idempotent.</li>
 * </ul>
 *
 * <p>Thread-safe. The store does not own its {@link XcapClient}: close that separately.
 */
public final class XcapDocumentStore {
    private static final Logger LOG = LoggerFactory.getLogger(XcapDocumentStore.class);

    /** System property naming the folder for the default file caches. */
    public static final String CACHE_DIR_PROPERTY = "presencekit.cache.dir";

    private final XcapClient client;
    private final DocumentCache cache;
    private final int maxConflictRetries;
    private final boolean nonAtomic;
    private final java.util.concurrent.Executor readBackExecutor;
    private final Map<String, CompletableFuture<?>> tails = new ConcurrentHashMap<>();

    private XcapDocumentStore(Builder b) {
        this.client = b.client;
        this.cache = b.cache;
        this.maxConflictRetries = b.maxConflictRetries;
        this.nonAtomic = b.client.compatibility().nonAtomicConditionalWrites();
        this.readBackExecutor = b.readBackExecutor != null ? b.readBackExecutor
                : CompletableFuture.delayedExecutor(b.readBackDelay.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /**
     * A builder for a store over {@code client}. Unless told otherwise it keeps documents in files,
     * so that an application starts offline-first after a restart: under the folder named by the
     * system property {@value #CACHE_DIR_PROPERTY}, else {@code ~/.presencekit/cache}, in a
     * sub-folder per XCAP root.
     */
    public static Builder builder(XcapClient client) {
        return new Builder(client);
    }

    /** The cache. */
    public DocumentCache cache() {
        return cache;
    }

    /**
     * The cached version of the document, without network. Empty when nothing is cached (not the
     * same as "the document does not exist": fetch to know that).
     */
    public <T> Optional<StoredDocument<T>> cached(XcapUri uri, DocumentFormat<T> codec) {
        return cache.load(uri.documentUri()).map(c -> new StoredDocument<>(uri.documentUri(), codec.read(c.body()),
                c.etag()));
    }

    /** The current version of the document, revalidating the cached one. */
    public <T> CompletableFuture<StoredDocument<T>> fetch(XcapUri uri, DocumentFormat<T> codec) {
        XcapUri doc = uri.documentUri();
        return serially(doc, () -> fetchNow(doc, codec, true));
    }

    /**
     * Applies {@code operation} to the current model of the document (empty when it does not
     * exist) and writes the result: a new model is PUT, an empty result DELETEs the document, an
     * equal model writes nothing. On a conflict the operation is applied again to the server's
     * new version. Completes with the version written (or found unchanged), or exceptionally with
     * the {@link XcapException} that stopped it.
     */
    public <T> CompletableFuture<StoredDocument<T>> update(XcapUri uri, DocumentFormat<T> codec,
            UnaryOperator<Optional<T>> operation) {
        Objects.requireNonNull(operation, "operation");
        XcapUri doc = uri.documentUri();
        return serially(doc, () -> fetchNow(doc, codec, true).thenCompose(current -> apply(doc, codec, operation,
                current, 0)));
    }

    /**
     * Brings the cache up to date after an xcap-diff notification (RFC 5874, section 4; RFC 5875):
     * for each {@code document} of {@code diff} that is cached, a document without
     * {@code new-etag} (removed) is dropped from the cache, one whose cached ETag equals
     * {@code new-etag} is left alone (typically the echo of our own write), and any other is
     * refetched with {@code If-None-Match}. Documents that are not cached are skipped: nobody read
     * them, and the next {@link #fetch} gets them anyway. The selectors are resolved against this
     * store's XCAP root; ones that are not valid document selectors are skipped.
     *
     * <p>Completes with the documents whose cached version was replaced or dropped, in diff order,
     * or exceptionally with the first {@link XcapException} of a refetch.
     */
    public CompletableFuture<java.util.List<XcapUri>> apply(io.presencekit.xcap.diff.XcapDiff diff) {
        Objects.requireNonNull(diff, "diff");
        java.util.List<CompletableFuture<Optional<XcapUri>>> work = new java.util.ArrayList<>();
        String rootPath = client.root().getRawPath();
        for (io.presencekit.xcap.diff.DocumentChange change : diff.documentChanges()) {
            XcapUri doc;
            try {
                String sel = change.sel().startsWith("/") ? change.sel().substring(1) : change.sel();
                doc = XcapUri.parse(client.root(), (rootPath.endsWith("/") ? rootPath : rootPath + "/") + sel)
                        .documentUri();
            } catch (IllegalArgumentException e) {
                LOG.debug("xcap-diff names no document of ours: {} ({})", change.sel(), e.getMessage());
                continue;
            }
            work.add(serially(doc, () -> {
                Optional<DocumentCache.CachedDocument> cached = cache.load(doc);
                if (cached.isEmpty()) {
                    return CompletableFuture.completedFuture(Optional.<XcapUri>empty());
                }
                if (change.newEtag() == null) {
                    cache.remove(doc);
                    return CompletableFuture.completedFuture(Optional.of(doc));
                }
                if (sameEtag(cached.get().etag(), change.newEtag())) {
                    return CompletableFuture.completedFuture(Optional.<XcapUri>empty());
                }
                return fetchNow(doc, RAW, true).thenApply(fresh -> Optional.of(doc));
            }));
        }
        return CompletableFuture.allOf(work.toArray(new CompletableFuture[0]))
                .thenApply(x -> work.stream().map(CompletableFuture::join).flatMap(Optional::stream).toList());
    }

    private static final DocumentFormat<byte[]> RAW = DocumentFormat.of("application/octet-stream", b -> b, b -> b);

    /** ETags compared as opaque strings, quotes and a weak prefix aside (Kamailio sends them unquoted). */
    private static boolean sameEtag(String a, String b) {
        return a != null && b != null && bare(a).equals(bare(b));
    }

    private static String bare(String etag) {
        String e = etag.trim();
        if (e.startsWith("W/")) {
            e = e.substring(2);
        }
        return e.length() >= 2 && e.startsWith("\"") && e.endsWith("\"") ? e.substring(1, e.length() - 1) : e;
    }

    /** Forgets the cached version, for example after an xcap-diff notification names the document. */
    public void invalidate(XcapUri uri) {
        cache.remove(uri.documentUri());
    }

    private <T> CompletableFuture<StoredDocument<T>> apply(XcapUri doc, DocumentFormat<T> codec,
            UnaryOperator<Optional<T>> operation, StoredDocument<T> current, int attempt) {
        Optional<T> next;
        try {
            next = Objects.requireNonNull(operation.apply(current.value()), "operation returned null");
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        if (next.equals(current.value())) {
            return CompletableFuture.completedFuture(current);
        }
        CompletableFuture<StoredDocument<T>> write;
        if (next.isEmpty()) {
            write = client.delete(doc, condition(current)).thenApply(r -> {
                cache.remove(doc);
                return StoredDocument.<T>absent(doc);
            });
        } else {
            byte[] body = codec.write(next.get());
            T written = next.get();
            write = client.put(doc, codec.contentType(), body, condition(current)).thenApply(r -> {
                String etag = r.etag().orElse(null);
                if (etag != null) {
                    cache.save(doc, etag, body);
                } else {
                    cache.remove(doc); // without an ETag the next fetch must read it back
                }
                return new StoredDocument<>(doc, written, etag);
            });
        }
        return write.handle((done, failure) -> {
            if (failure == null) {
                return nonAtomic && attempt < maxConflictRetries
                        ? readBack(doc, codec, operation, done, attempt)
                        : CompletableFuture.completedFuture(done);
            }
            Throwable cause = unwrap(failure);
            if ((isConflict(cause) || (nonAtomic && cause instanceof XcapException x && x.status() == 500))
                    && attempt < maxConflictRetries) {
                LOG.debug("{} changed on the server; applying the operation again (attempt {})", doc, attempt + 2);
                return fetchNow(doc, codec, false).thenCompose(fresh -> apply(doc, codec, operation, fresh,
                        attempt + 1));
            }
            return CompletableFuture.<StoredDocument<T>>failedFuture(cause);
        }).thenCompose(f -> f);
    }

    /**
     * On a server whose conditional writes can race, a write that succeeded may still have been
     * overwritten by one that passed the same ETag check: read the document back a moment later
     * and, if the operation would change it again, our change was lost; apply it once more.
     * Operations must therefore be idempotent (applying one to its own result changes nothing).
     */
    private <T> CompletableFuture<StoredDocument<T>> readBack(XcapUri doc, DocumentFormat<T> codec,
            UnaryOperator<Optional<T>> operation, StoredDocument<T> written, int attempt) {
        return CompletableFuture.supplyAsync(() -> null, readBackExecutor)
                .thenCompose(x -> fetchNow(doc, codec, false))
                .thenCompose(fresh -> {
                    Optional<T> again = operation.apply(fresh.value());
                    if (again.equals(fresh.value())) {
                        return CompletableFuture.completedFuture(fresh.etag().equals(written.etag()) ? written : fresh);
                    }
                    LOG.debug("{}: the server dropped a write that it acknowledged; applying the operation again", doc);
                    return apply(doc, codec, operation, fresh, attempt + 1);
                });
    }

    /** 412, or a create-only write that found the document created meanwhile. */
    private static boolean isConflict(Throwable t) {
        return t instanceof XcapException x && x.status() == 412;
    }

    private static Precondition condition(StoredDocument<?> current) {
        return current.exists()
                ? current.etag().map(Precondition::ifMatch).orElse(Precondition.none())
                : Precondition.createOnly();
    }

    private <T> CompletableFuture<StoredDocument<T>> fetchNow(XcapUri doc, DocumentFormat<T> codec,
            boolean useCache) {
        Optional<DocumentCache.CachedDocument> cached = useCache ? cache.load(doc) : Optional.empty();
        Precondition condition = cached.map(c -> c.etag() == null ? Precondition.none()
                : Precondition.ifNoneMatch(c.etag())).orElse(Precondition.none());
        return client.get(doc, condition).handle((r, failure) -> {
            if (failure != null) {
                Throwable cause = unwrap(failure);
                if (cause instanceof XcapException x && x.status() == 404) {
                    cache.remove(doc);
                    return StoredDocument.<T>absent(doc);
                }
                throw cause instanceof RuntimeException re ? re : new CompletionException(cause);
            }
            if (r.isNotModified() && cached.isPresent()) {
                return new StoredDocument<>(doc, codec.read(cached.get().body()), cached.get().etag());
            }
            return read(doc, codec, r);
        });
    }

    private <T> StoredDocument<T> read(XcapUri doc, DocumentFormat<T> codec, XcapResponse r) {
        byte[] body = r.body();
        T value;
        try {
            value = codec.read(body);
        } catch (PresenceKitException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new PresenceKitException("cannot read " + doc + ": " + e.getMessage(), e);
        }
        String etag = r.etag().orElse(null);
        if (etag != null) {
            cache.save(doc, etag, body);
        }
        return new StoredDocument<>(doc, value, etag);
    }

    @SuppressWarnings("unchecked")
    private <R> CompletableFuture<R> serially(XcapUri doc, java.util.function.Supplier<CompletableFuture<R>> task) {
        String key = doc.toString();
        CompletableFuture<R> result = new CompletableFuture<>();
        tails.compute(key, (k, tail) -> {
            CompletableFuture<?> start = tail == null ? CompletableFuture.completedFuture(null) : tail;
            CompletableFuture<R> run = start.handle((x, y) -> null).thenCompose(x -> {
                try {
                    return task.get();
                } catch (RuntimeException e) {
                    return CompletableFuture.<R>failedFuture(e);
                }
            });
            run.whenComplete((v, e) -> {
                if (e != null) {
                    result.completeExceptionally(unwrap(e));
                } else {
                    result.complete(v);
                }
                tails.remove(k, run);
            });
            return run;
        });
        return result;
    }

    private static Throwable unwrap(Throwable t) {
        Throwable c = t;
        while ((c instanceof CompletionException || c instanceof java.util.concurrent.ExecutionException)
                && c.getCause() != null) {
            c = c.getCause();
        }
        return c;
    }

    /** Builds an {@link XcapDocumentStore}. Not thread-safe. */
    public static final class Builder {
        private final XcapClient client;
        private DocumentCache cache;
        private int maxConflictRetries = 5;
        private java.time.Duration readBackDelay = java.time.Duration.ofMillis(200);
        private java.util.concurrent.Executor readBackExecutor;

        /**
         * Runs the read-backs on {@code executor} instead of after {@link #readBackDelay}: the
         * executor decides when (tests use it to put a racing write in between).
         */
        public Builder readBackExecutor(java.util.concurrent.Executor executor) {
            this.readBackExecutor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /**
         * How long after a write the store reads the document back, on servers whose conditional
         * writes can race ({@link io.presencekit.xcap.XcapCompatibility#nonAtomicConditionalWrites()}).
         * Default 200 ms: long enough for a racing write to land.
         */
        public Builder readBackDelay(java.time.Duration delay) {
            if (delay.isNegative()) {
                throw new IllegalArgumentException("delay must not be negative: " + delay);
            }
            this.readBackDelay = delay;
            return this;
        }

        private Builder(XcapClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** Where documents are kept between fetches (default: files, see {@link XcapDocumentStore#builder}). */
        public Builder cache(DocumentCache cache) {
            this.cache = Objects.requireNonNull(cache, "cache");
            return this;
        }

        /** Keep documents in files under {@code folder}, so that they survive a restart. */
        public Builder cacheIn(Path folder) {
            return cache(new FileDocumentCache(folder));
        }

        /** How often an operation is applied again after conflicts before the update fails (default 5). */
        public Builder maxConflictRetries(int retries) {
            if (retries < 0) {
                throw new IllegalArgumentException("retries must not be negative: " + retries);
            }
            this.maxConflictRetries = retries;
            return this;
        }

        public XcapDocumentStore build() {
            if (cache == null) {
                cache = new FileDocumentCache(defaultFolder(client.root()));
            }
            return new XcapDocumentStore(this);
        }

        /** {@code <cache dir>/xcap/<SHA-256 of the XCAP root, first 16 hex digits>}. */
        static Path defaultFolder(java.net.URI root) {
            String configured = System.getProperty(CACHE_DIR_PROPERTY);
            Path base = configured != null && !configured.isBlank() ? Path.of(configured)
                    : Path.of(System.getProperty("user.home"), ".presencekit", "cache");
            try {
                byte[] hash = java.security.MessageDigest.getInstance("SHA-256")
                        .digest(root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                return base.resolve("xcap").resolve(java.util.HexFormat.of().formatHex(hash, 0, 8));
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 missing from the JDK", e);
            }
        }
    }
}
