/**
 * XCAP application usages (RFC 4825, section 5): {@link io.presencekit.xcap.usage.ApplicationUsage}
 * describes one (AUID, MIME type, default namespace, conventional document name, tree) and carries
 * the {@link io.presencekit.xcap.usage.XcapDocumentCodec} for its documents. Constants cover
 * xcap-caps (RFC 4825), resource-lists and rls-services (RFC 4826), pres-rules (RFC 5025),
 * pidf-manipulation (RFC 4827, PIDF documents through {@link io.presencekit.pidf.PidfCodec}) and
 * the OMA usages Kamailio serves: {@code org.openmobilealliance.pres-rules},
 * {@code org.openmobilealliance.pres-content} and {@code org.openmobilealliance.xcap-directory}.
 *
 * <p>{@link io.presencekit.xcap.usage.GenericDocumentCodec} reads and writes documents of any
 * other usage as plain element trees; {@link io.presencekit.xcap.usage.XcapNamespaces} lists the
 * namespace URIs.
 */
package io.presencekit.xcap.usage;
