/**
 * The PresenceKit facade: {@link io.presencekit.PresenceClient} does for one SIP account what a
 * presence client such as Blink does (registration, RFC 3261; publication of the own presence,
 * RFC 3903 with RFC 3863/4479/4480 documents; contact presence through one resource list
 * subscription, RFC 4662, or one subscription per contact, RFC 3856; watcher information,
 * RFC 3857; the address book, status icon and offline status over XCAP, RFC 4825/4827, kept in
 * step across devices through xcap-diff, RFC 5874), and reports to a
 * {@link io.presencekit.PresenceListener}. The lower layers stay reachable in
 * {@code io.presencekit.sip}, {@code io.presencekit.xcap} and {@code io.presencekit.pidf}.
 */
package io.presencekit;
