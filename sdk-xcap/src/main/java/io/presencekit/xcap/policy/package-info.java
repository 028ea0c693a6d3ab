/**
 * Authorization policies: RFC 4745 common policy ({@code ruleset}, {@code rule}, conditions with
 * identity one/many/except, sphere and validity, actions, transformations), the RFC 5025
 * presence authorization rules ({@code sub-handling} and every {@code provide-*} transformation),
 * the OMA extensions ({@code external-list}, {@code other-identity}, {@code anonymous-request} and
 * the OMA pres-rules permissions) and AG Projects' {@code false-condition}, read and written by
 * {@link io.presencekit.xcap.policy.PolicyCodec} ({@code application/auth-policy+xml}, XCAP
 * application usages {@code pres-rules} and {@code org.openmobilealliance.pres-rules}).
 *
 * <p>Rules written by other clients survive a read and write unchanged. What Kamailio reads (see
 * the notes on {@link io.presencekit.xcap.policy.Identity} and {@link io.presencekit.xcap.policy.SubHandling})
 * is documented where it differs from the RFCs.
 */
package io.presencekit.xcap.policy;
