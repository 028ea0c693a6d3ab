/** The xcap-diff reader and writer behind {@link io.presencekit.xcap.diff.XcapDiffCodec}; not an API. */
package io.presencekit.xcap.diff.internal;
