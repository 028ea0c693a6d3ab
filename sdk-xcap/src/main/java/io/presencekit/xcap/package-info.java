/**
 * XCAP client (RFC 4825): {@link io.presencekit.xcap.XcapUri} and
 * {@link io.presencekit.xcap.NodeSelector} build and parse XCAP URIs (document selectors in the
 * {@code global} and {@code users} trees, node selectors by name, position, attribute predicate
 * and wildcard, attribute and namespace selectors, namespace bindings in the query, percent-encoded
 * as RFC 4825 section 6 writes them); {@link io.presencekit.xcap.XcapClient} reads, writes and
 * deletes documents, elements and attributes asynchronously, with entity-tag preconditions
 * (RFC 7232), HTTP Digest authentication (RFC 7616) and verified TLS.
 *
 * <p>Failures are {@link io.presencekit.xcap.XcapException}s under the SDK's
 * {@link io.presencekit.error.PresenceKitException}; 409 answers carry the parsed
 * {@code application/xcap-error+xml} report ({@link io.presencekit.xcap.error}).
 *
 * <p>Known server differences are a per-server setting
 * ({@link io.presencekit.xcap.XcapCompatibility}); others are documented where they show: Kamailio
 * answers 200 instead of 201 to a create, 500 instead of 409 to a body that is not well-formed
 * (so no report), 500 instead of 404 to a DELETE of a missing document, and closes the connection
 * after every answer.
 *
 * <p>The application usages (resource-lists, rls-services, pres-rules, ...) live in their own
 * subpackages; {@code io.presencekit.xcap.internal} is implementation, not API.
 */
package io.presencekit.xcap;
