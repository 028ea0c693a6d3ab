/**
 * Implementation of the {@link io.presencekit.PresenceClient} facade: the own presence document
 * mapping and the per-contact ordered callback executor. Not an API.
 */
package io.presencekit.internal;
