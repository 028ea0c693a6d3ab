/** The xcap-directory reader and writer behind {@link io.presencekit.xcap.directory.XcapDirectoryCodec}; not an API. */
package io.presencekit.xcap.directory.internal;
