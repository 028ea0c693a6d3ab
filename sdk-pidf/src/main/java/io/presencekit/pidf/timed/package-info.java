/**
 * Timed presence (RFC 4481): {@code ts:timed-status}, in namespace
 * {@value io.presencekit.pidf.Namespaces#TIMED_STATUS} (prefix {@code ts}), says what a tuple's
 * status was or will be during an interval, for example "closed next week" (RFC 4481, section 3).
 *
 * <p>Register {@link io.presencekit.pidf.timed.TimedStatusCodecs#codecs()} with a
 * {@link io.presencekit.pidf.PidfCodec} to read the element as a typed value.
 */
package io.presencekit.pidf.timed;
