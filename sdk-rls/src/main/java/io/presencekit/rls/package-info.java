/**
 * Resource list payloads without SIP: what a {@code presence} subscription with
 * {@code Supported: eventlist} (RFC 4662) receives, and what a notifier sends.
 *
 * <ul>
 * <li>{@link io.presencekit.rls.RlmiList}, {@link io.presencekit.rls.Resource},
 * {@link io.presencekit.rls.Instance} and {@link io.presencekit.rls.Name}: the immutable RLMI model
 * (RFC 4662, section 5), and {@link io.presencekit.rls.RlmiCodec}, its hardened streaming codec;</li>
 * <li>{@link io.presencekit.rls.MultipartCodec}: multipart/related (RFC 2387) and other multipart
 * bodies (RFC 2046) split and written on bytes, with {@link io.presencekit.rls.MultipartLimits} and
 * typed {@link io.presencekit.rls.MultipartParseException}s;</li>
 * <li>{@link io.presencekit.rls.NotificationDecoder}: a NOTIFY's Content-Type and body to a
 * {@link io.presencekit.rls.ListNotification}, each instance's part decoded by type (PIDF,
 * watcherinfo, nested list, raw), a broken part reported per instance;</li>
 * <li>{@link io.presencekit.rls.ListState}: the list reconciled from full and partial
 * notifications (RFC 4662, section 5.5), with version checks that tell the SIP layer when to
 * refresh, snapshots of {@link io.presencekit.rls.ResourceState} and the changes of each
 * notification as a {@link io.presencekit.rls.ListUpdate}.</li>
 * </ul>
 *
 * <p>Typical use on a subscription's event loop:
 * <pre>{@code
 * ListNotification n = NotificationDecoder.standard().decode(contentTypeHeader, body);
 * ListUpdate u = listState.apply(n);
 * if (u.needsRefresh()) { subscription.refresh(); }
 * for (String uri : u.changed()) { listState.resource(uri).ifPresent(r -> show(r.presence())); }
 * }</pre>
 */
package io.presencekit.rls;
