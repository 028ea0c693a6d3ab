/**
 * Implementation of {@link io.presencekit.gateway}: the virtual subscription bookkeeping
 * ({@link io.presencekit.gateway.internal.GatewayCore}) and its glue to the SIP engine. Not API.
 */
package io.presencekit.gateway.internal;
