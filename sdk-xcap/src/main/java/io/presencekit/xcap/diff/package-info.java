/**
 * XCAP diff documents (RFC 5874, MIME type {@code application/xcap-diff+xml}): the changes to
 * XCAP documents, elements and attributes that {@code xcap-diff} NOTIFYs (RFC 5875) carry, read
 * and written by {@link io.presencekit.xcap.diff.XcapDiffCodec}. Patch operations (RFC 5261) and
 * element content are kept as generic XML so that they survive a round trip.
 */
package io.presencekit.xcap.diff;
