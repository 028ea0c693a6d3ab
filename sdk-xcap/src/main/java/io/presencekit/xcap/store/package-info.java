/**
 * Cached, conflict-safe access to XCAP documents (RFC 4825, sections 7.10 and 8.2.5: entity
 * tags for conditional operations). {@link io.presencekit.xcap.store.XcapDocumentStore} keeps each
 * document with its ETag in a {@link io.presencekit.xcap.store.DocumentCache} (files by default, so
 * an application restarts offline-first), revalidates with {@code If-None-Match}, and applies
 * changes as operations: a write is conditional on the ETag it was computed from, and when
 * another client changed the document meanwhile (412) the store refetches it and applies the
 * operation again, so no other client's data is ever overwritten.
 */
package io.presencekit.xcap.store;
