/**
 * The SIP test kit, shipped in sdk-core's test-jar: {@link io.presencekit.sip.testing.ScriptedSipPeer}
 * (a scriptable SIP server on loopback TCP or TLS), {@link io.presencekit.sip.testing.VirtualScheduler}
 * (time that moves only when a test says so), {@link io.presencekit.sip.testing.TestCertificates}
 * (certificates made at test time) and {@link io.presencekit.sip.testing.PemTrust}.
 */
package io.presencekit.sip.testing;
