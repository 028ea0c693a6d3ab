/** The watcherinfo reader and writer behind {@link io.presencekit.pidf.watcherinfo.WatcherInfoCodec}; not an API. */
package io.presencekit.pidf.watcherinfo.internal;
