/** The common-policy readers, writers and element codecs behind {@link io.presencekit.xcap.policy.PolicyCodec}; not an API. */
package io.presencekit.xcap.policy.internal;
