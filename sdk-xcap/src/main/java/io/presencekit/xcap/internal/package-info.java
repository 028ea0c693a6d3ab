/**
 * Implementation of the XCAP client: the HTTP transport on Apache HttpClient 5, the shared
 * Digest state, percent-encoding and attribute-value quoting. Not API: other modules use
 * {@link io.presencekit.xcap} only; anything here may change without notice.
 */
package io.presencekit.xcap.internal;
