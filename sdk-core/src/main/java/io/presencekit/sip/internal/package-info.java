/**
 * The SIP engine's implementation: stack set-up ({@link io.presencekit.sip.internal.SipStackRuntime}),
 * the event loop, the request sender with digest authentication, incoming request routing,
 * connection monitoring and the registration usage. Not for applications.
 */
package io.presencekit.sip.internal;
