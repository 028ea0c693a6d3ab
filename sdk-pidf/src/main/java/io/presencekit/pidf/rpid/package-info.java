/**
 * Rich presence: the RFC 4480 (RPID) elements, namespace {@code urn:ietf:params:xml:ns:pidf:rpid},
 * written with the prefix {@code rpid}.
 *
 * <p>Where they usually appear: on a person ({@code dm:person}),
 * {@link io.presencekit.pidf.rpid.Activities},
 * {@link io.presencekit.pidf.rpid.Mood}, {@link io.presencekit.pidf.rpid.PlaceIs},
 * {@link io.presencekit.pidf.rpid.PlaceType}, {@link io.presencekit.pidf.rpid.Privacy},
 * {@link io.presencekit.pidf.rpid.Sphere} and {@link io.presencekit.pidf.rpid.TimeOffset}. On a
 * tuple (service): {@link io.presencekit.pidf.rpid.Relationship} and
 * {@link io.presencekit.pidf.rpid.ServiceClass}. On several:
 * {@link io.presencekit.pidf.rpid.RpidClass} (any), {@link io.presencekit.pidf.rpid.StatusIcon}
 * (person, tuple) and {@link io.presencekit.pidf.rpid.UserInput} (any). Each is an
 * {@link io.presencekit.xml.ExtensionElement} found through
 * {@link io.presencekit.pidf.Extensible#extension(Class)}; the codecs come from
 * {@link io.presencekit.pidf.rpid.RpidCodecs}.
 *
 * <p>Every type is immutable and thread-safe, and keeps what it does not model (unknown
 * attributes; unknown child elements of elements with element content) so that a document read
 * and written back loses nothing; an element whose value the model cannot hold is kept whole as a
 * {@link io.presencekit.xml.GenericElement} by the lenient codec. Time bounds ({@code from},
 * {@code until}, {@code last-input}) compare as instants.
 */
package io.presencekit.pidf.rpid;
