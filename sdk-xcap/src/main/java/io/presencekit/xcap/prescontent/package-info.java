/**
 * OMA Presence Content XDM (XCAP application usage {@code org.openmobilealliance.pres-content},
 * MIME type {@code application/vnd.oma.pres-content+xml}): content such as the status icon, read
 * and written by {@link io.presencekit.xcap.prescontent.PresContentCodec}, with helpers for
 * base64 icon bytes ({@link io.presencekit.xcap.prescontent.PresContent#icon},
 * {@link io.presencekit.xcap.prescontent.PresContent#decodedData()}).
 */
package io.presencekit.xcap.prescontent;
