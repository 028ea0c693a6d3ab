/** Implementation of {@link io.presencekit.pidf.xmpp}: the stanza reader and writer, hex and UTF-8 helpers. */
package io.presencekit.pidf.xmpp.internal;
