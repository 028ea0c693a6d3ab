/** The rls-services reader, writer and service codec behind {@link io.presencekit.xcap.rlsservices.RlsServicesCodec}; not an API. */
package io.presencekit.xcap.rlsservices.internal;
