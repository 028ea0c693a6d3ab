/**
 * User agent capabilities in presence (RFC 5196, "prescaps"), namespace
 * {@value io.presencekit.pidf.Namespaces#CAPS} (prefix {@code caps}): {@code caps:servcaps} inside a
 * tuple says what a service can do (media types, methods, event packages, languages...; RFC 5196,
 * section 3.2), {@code caps:devcaps} inside a device says whether it is fixed or mobile (section
 * 3.3).
 *
 * <p>Also the AG Projects capability flags that Blink and SylkServer put inside
 * {@code caps:servcaps}, in namespace {@value io.presencekit.pidf.Namespaces#AGP_CAPS} (prefix
 * {@code agp-caps}): {@code file-transfer}, {@code screen-sharing-server} and
 * {@code screen-sharing-client}; see {@link io.presencekit.pidf.caps.Capability}.
 *
 * <p>Register {@link io.presencekit.pidf.caps.CapsCodecs#codecs()} with a
 * {@link io.presencekit.pidf.PidfCodec} to read these elements as typed values. Writers always emit
 * the schema's element order: python-sipsimple validates the caps namespace against the schema and
 * drops a whole document that breaks it.
 */
package io.presencekit.pidf.caps;
