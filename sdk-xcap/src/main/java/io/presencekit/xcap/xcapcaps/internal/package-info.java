/** The xcap-caps reader and writer behind {@link io.presencekit.xcap.xcapcaps.XcapCapsCodec}; not an API. */
package io.presencekit.xcap.xcapcaps.internal;
