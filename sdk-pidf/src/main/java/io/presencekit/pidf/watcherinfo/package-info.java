/**
 * Watcher information (RFC 3858 document format, RFC 3857 {@code presence.winfo} event package):
 * who subscribes to the user's presence, and in which state each subscription is, so that the
 * application can ask the user to authorize pending watchers.
 *
 * <ul>
 * <li>{@link io.presencekit.pidf.watcherinfo.WatcherInfo}, {@link io.presencekit.pidf.watcherinfo.WatcherList}
 * and {@link io.presencekit.pidf.watcherinfo.Watcher}: the immutable document model, with unknown
 * attributes and elements kept for the round trip;</li>
 * <li>{@link io.presencekit.pidf.watcherinfo.WatcherInfoCodec}: the hardened reader and deterministic
 * writer for {@code application/watcherinfo+xml}, lenient or strict;</li>
 * <li>{@link io.presencekit.pidf.watcherinfo.WatcherInfoState}: the watcher lists merged from the
 * full and partial documents of a subscription (RFC 3858, section 4), with version checks that
 * tell the SIP layer when to resubscribe, and the changes each document made.</li>
 * </ul>
 */
package io.presencekit.pidf.watcherinfo;
