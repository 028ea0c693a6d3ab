/**
 * The SDK's single unchecked exception hierarchy.
 *
 * <p>{@link io.presencekit.error.PresenceKitException} is the root; every module adds its own
 * subtypes carrying the protocol data of the failure: {@link io.presencekit.error.DocumentParseException}
 * (line, column and a {@link io.presencekit.error.DocumentParseException.Reason}) for XML payloads,
 * XCAP errors in sdk-xcap and SIP errors in sdk-core. Callers that only want to know "did the SDK
 * fail" catch the root.
 */
package io.presencekit.error;
