/**
 * Contact information for the presentity (RFC 4482, CIPID): business card, display name, home
 * page, icon, map and sound, each an element in namespace
 * {@value io.presencekit.pidf.Namespaces#CIPID} (prefix {@code c}) that may appear in a tuple or a
 * person (RFC 4482, section 2).
 *
 * <p>Register {@link io.presencekit.pidf.cipid.CipidCodecs#codecs()} with a
 * {@link io.presencekit.pidf.PidfCodec} to read these elements as typed values.
 */
package io.presencekit.pidf.cipid;
