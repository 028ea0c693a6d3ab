/**
 * Event packages on top of {@link io.presencekit.sip.Subscription}: {@code presence}
 * (RFC 3856, PIDF bodies typed as {@link io.presencekit.pidf.PresenceDocument}),
 * {@code presence.winfo} (RFC 3857 and RFC 3858, full and partial watcher information merged by
 * version) and {@code xcap-diff} (RFC 5875, changed XCAP documents refetched exactly).
 */
package io.presencekit.sip.event;
