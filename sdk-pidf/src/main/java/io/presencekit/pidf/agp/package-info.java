/**
 * The AG Projects PIDF extensions that Blink and SylkServer exchange, in namespace
 * {@value io.presencekit.pidf.Namespaces#AGP_PIDF} (prefix {@code agp-pidf}): the extended status
 * ({@code available}, {@code offline}, {@code away}, {@code busy}) and the status type inside a
 * tuple's {@code status}, and {@code device-info} (device id, description, user agent, UTC offset)
 * inside a tuple.
 *
 * <p>There is no schema for this namespace; the element names, nesting and value spaces follow
 * python-sipsimple's {@code sipsimple/payloads/pidf.py}, so that documents written here read the
 * same in Blink and SylkServer. Register {@link io.presencekit.pidf.agp.AgpCodecs#codecs()} with a
 * {@link io.presencekit.pidf.PidfCodec} to read them as typed values.
 */
package io.presencekit.pidf.agp;
