/**
 * The XMPP side of PresenceKit's SIP/XMPP presence gateway: an external component
 * ({@link io.presencekit.gateway.xmpp.XmppComponent}, XEP-0114 "Jabber Component Protocol") that
 * an XMPP server routes a whole domain to, here the SIP domain. The component authenticates with
 * the XEP-0114 handshake, receives {@code <presence/>} stanzas as typed
 * {@link io.presencekit.pidf.xmpp.XmppPresence} (parsed by sdk-pidf's hardened
 * {@link io.presencekit.pidf.xmpp.XmppPresenceCodec} in the {@code jabber:component:accept}
 * namespace), hands other stanzas on as {@link io.presencekit.gateway.xmpp.RawStanza}, answers
 * IQ requests nobody handles with a {@code service-unavailable} error (RFC 6120, section 8.3.3.19)
 * and {@code disco#info} with a {@code gateway/sip} identity (XEP-0030), keeps the connection alive
 * with whitespace (RFC 6120, section 4.6.1) and reconnects with back-off and jitter when it drops.
 *
 * <p>The incoming stream (RFC 6120, section 4) is parsed incrementally by a hardened Woodstox
 * reader: no DOCTYPE, no entities other than the predefined ones, no comments or processing
 * instructions (restricted XML, RFC 6120, section 11.1), and {@linkplain
 * io.presencekit.gateway.xmpp.XmppComponentConfig#maxStanzaBytes() size} and
 * {@linkplain io.presencekit.gateway.xmpp.XmppComponentConfig#maxStanzaDepth() depth} limits per
 * stanza. A violation ends the stream with the matching stream error and is reported as an
 * {@link io.presencekit.gateway.xmpp.XmppStreamException}.
 *
 * <p>{@code io.presencekit.gateway.xmpp.internal} is implementation, not API.
 */
package io.presencekit.gateway.xmpp;
