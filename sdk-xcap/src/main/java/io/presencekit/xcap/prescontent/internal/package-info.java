/** The pres-content reader and writer behind {@link io.presencekit.xcap.prescontent.PresContentCodec}; not an API. */
package io.presencekit.xcap.prescontent.internal;
