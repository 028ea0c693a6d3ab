/**
 * Implementation of the resource list codecs: the RLMI reader and writer on the shared StAX
 * layer, and the byte-level multipart splitter and writer. Not an API: other modules use
 * {@code io.presencekit.rls}.
 */
package io.presencekit.rls.internal;
