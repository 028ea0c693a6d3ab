/**
 * SIP/XMPP presence translation, compatible with SylkServer's XMPP gateway: the XMPP
 * {@code <presence/>} stanza ({@link io.presencekit.pidf.xmpp.XmppPresence}, RFC 6121, section 4;
 * addresses as {@link io.presencekit.pidf.xmpp.Jid}, RFC 7622) with its hardened codec
 * ({@link io.presencekit.pidf.xmpp.XmppPresenceCodec}), and the translation between stanzas and
 * PIDF documents (RFC 3863, with the RFC 4479 data model, RFC 4480 activities and the AG Projects
 * extended status and device-info) in {@link io.presencekit.pidf.xmpp.XmppPresenceTranslator},
 * with {@link io.presencekit.pidf.xmpp.XmppResourceAggregator} for the resources of one contact.
 * Nothing here touches the network: an XMPP component or gateway is built on top.
 *
 * <p>How the gateway behaves, which this package reproduces. SylkServer presents each SIP user
 * of its domains to the XMPP federation under the same address, and each XMPP user to SIP the
 * same way. When a SIP client watches an XMPP contact, the gateway holds one XMPP subscription
 * per pair of users, whatever the number of SIP devices watching, and keeps the last
 * availability stanza of every resource of the contact; each change produces one PIDF document
 * with a tuple per resource, the show value turned into AG Projects' extended status and into
 * RPID activities on a single person, and status texts into notes. A resource that goes offline
 * is announced once as a closed tuple and then forgotten. The identifiers are derived, not
 * stored: the tuple id carries the resource in hex, the person id is a hash of the address, and
 * the tuple's contact URI carries the hex resource in a {@code gr} parameter so that a later SIP
 * request can be routed back to the same XMPP resource. In the other direction, when an XMPP user
 * watches a SIP user, every NOTIFY body becomes one presence stanza per tuple, its resource taken
 * from the publishing device's identity, its show from the extended status or, lacking that,
 * from the person's activities. {@code priority} is not carried either way.
 *
 * <p>The gateway's Python 3 port hashes and hex-encodes text where it means bytes and writes the
 * presentity without URI scheme; this package computes every identifier from UTF-8 bytes, as the
 * working Python 2 gateway did, and writes a {@code sip:} presentity (see
 * {@link io.presencekit.pidf.xmpp.GatewayIds}). Subscription handling (subscribe, probe,
 * subscribed, unsubscribed) is left to the component that uses these types.
 */
package io.presencekit.pidf.xmpp;
