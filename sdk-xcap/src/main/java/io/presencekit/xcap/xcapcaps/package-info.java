/**
 * XCAP server capabilities (RFC 4825, section 12; application usage {@code xcap-caps}, MIME type
 * {@code application/xcap-caps+xml}): the application usages, extensions and namespaces a server
 * supports, read and written by {@link io.presencekit.xcap.xcapcaps.XcapCapsCodec}.
 */
package io.presencekit.xcap.xcapcaps;
