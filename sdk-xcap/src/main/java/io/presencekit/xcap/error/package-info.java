/**
 * The XCAP detailed conflict report, {@code application/xcap-error+xml} (RFC 4825, section 11):
 * the model ({@link io.presencekit.xcap.error.XcapError}, one
 * {@link io.presencekit.xcap.error.XcapErrorCondition} per report, every condition of section 11.2
 * typed) and its codec ({@link io.presencekit.xcap.error.XcapErrorCodec}) on the hardened parser.
 * Content that RFC 4825 does not define is kept and written back.
 */
package io.presencekit.xcap.error;
