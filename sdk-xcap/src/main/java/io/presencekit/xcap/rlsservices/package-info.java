/**
 * RLS services (RFC 4826, section 4; XCAP application usage {@code rls-services}, MIME type
 * {@code application/rls-services+xml}): the list URIs a resource list server (RFC 4662) serves
 * and the lists behind them, read and written by {@link io.presencekit.xcap.rlsservices.RlsServicesCodec}.
 * Services and inline lists from other clients survive a read and write unchanged.
 */
package io.presencekit.xcap.rlsservices;
