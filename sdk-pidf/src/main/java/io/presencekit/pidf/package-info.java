/**
 * Presence documents: PIDF (RFC 3863) with the presence data model of RFC 4479 (tuples as
 * services, persons, devices), read and written by {@link io.presencekit.pidf.PidfCodec}, and
 * aggregated per contact by {@link io.presencekit.pidf.ContactPresence}.
 *
 * <p>Extensions live in sub-packages, each with its codecs: {@code rpid} (RFC 4480),
 * {@code cipid} (RFC 4482), {@code caps} (RFC 5196), {@code timed} (RFC 4481), {@code agp} (the
 * AG Projects extensions used by Blink and SylkServer) and {@code watcherinfo} (RFC 3858, a
 * document type of its own). All model types are immutable values built with builders.
 */
package io.presencekit.pidf;
