/**
 * PresenceKit's SIP/XMPP presence gateway, after SylkServer's: a
 * {@link io.presencekit.gateway.PresenceGateway} joins a {@link io.presencekit.sip.SipEngine}
 * (reached by a SIP proxy that forwards presence requests for the XMPP domain to it) and an
 * {@link io.presencekit.gateway.xmpp.XmppComponent} (XEP-0114) serving the SIP domain on the XMPP
 * server. It keeps one virtual XMPP subscription (RFC 6121, section 3) per SIP user and XMPP user,
 * shared by every SIP subscription (RFC 6665, RFC 3856) of that SIP user to that XMPP user, and
 * one outgoing SIP subscription per XMPP watcher of a SIP user; presence is translated by
 * {@link io.presencekit.pidf.xmpp.XmppPresenceTranslator} (PIDF, RFC 3863, to and from XMPP
 * presence, RFC 6121, section 4).
 *
 * <p>{@code io.presencekit.gateway.internal} is implementation, not API.
 */
package io.presencekit.gateway;
