/**
 * OMA XDM xcap-directory (XCAP application usage {@code org.openmobilealliance.xcap-directory},
 * MIME type {@code application/vnd.oma.xcap-directory+xml}, document {@code directory.xml}): the
 * list of a user's documents per application usage with their ETags, read and written by
 * {@link io.presencekit.xcap.directory.XcapDirectoryCodec}. Kamailio serves it; the SDK uses it
 * to find the existing pres-rules document rather than create a second one.
 */
package io.presencekit.xcap.directory;
