/** The resource-lists readers, writers and element codecs behind {@link io.presencekit.xcap.resourcelists.ResourceListsCodec}; not an API. */
package io.presencekit.xcap.resourcelists.internal;
