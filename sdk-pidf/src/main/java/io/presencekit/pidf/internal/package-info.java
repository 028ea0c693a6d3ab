/** The PIDF reader and writer behind {@link io.presencekit.pidf.PidfCodec}; not an API. */
package io.presencekit.pidf.internal;
