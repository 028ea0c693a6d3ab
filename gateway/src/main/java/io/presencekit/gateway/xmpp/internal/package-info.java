/**
 * Implementation of {@link io.presencekit.gateway.xmpp}: the incremental, hardened reader of the
 * server's XML stream and the XML the component writes. Not API.
 */
package io.presencekit.gateway.xmpp.internal;
