/**
 * The SIP engine: one JAIN-SIP stack per {@link io.presencekit.sip.SipEngine}, built from a
 * {@link io.presencekit.sip.SipAccount} and {@link io.presencekit.sip.SipSettings}, with
 * registration and GRUU (RFC 3261, section 10; RFC 5627), digest authentication (RFC 7616) and
 * TLS with server identity checks (RFC 5922), event state publication
 * ({@link io.presencekit.sip.Publication}, RFC 3903) with the ids of the account's own presence
 * document ({@link io.presencekit.sip.PresenceIds}), the notifier side of subscriptions
 * ({@link io.presencekit.sip.SipEngine#acceptSubscriptions}, RFC 6665 section 4.2), and recovery from
 * a lost connection (CRLF keep-alives, RFC 5626 section 4.4.1, and a connection watch), and
 * subscriptions (RFC 6665: {@link io.presencekit.sip.SipEngine#subscribe},
 * {@link io.presencekit.sip.SipEngine#fetch}).
 * Failures are {@link io.presencekit.sip.SipException}s.
 * The implementation lives in {@code io.presencekit.sip.internal}.
 */
package io.presencekit.sip;
