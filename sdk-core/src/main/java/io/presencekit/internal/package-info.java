/**
 * Implementation of the {@link io.presencekit.PresenceClient} facade: the own presence document
 * mapping, the per-contact ordered callback executor and the contact watch. Not an API.
 */
package io.presencekit.internal;
