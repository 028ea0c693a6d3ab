/**
 * The address book over XCAP, shared with Blink: {@link io.presencekit.xcap.addressbook.Contact},
 * {@link io.presencekit.xcap.addressbook.Group}, {@link io.presencekit.xcap.addressbook.WatcherPolicy}
 * and {@link io.presencekit.xcap.addressbook.DefaultPolicy} in an
 * {@link io.presencekit.xcap.addressbook.AddressBook} snapshot, read and changed through
 * {@link io.presencekit.xcap.addressbook.AddressBookManager}, which stores them in the AG Projects
 * layout (resource-lists {@code sipsimple_addressbook}, RFC 4826) and derives the rls-services
 * (RFC 4826, section 4) and pres-rules (RFC 5025) documents a presence server needs, also for
 * servers such as Kamailio that ignore OMA {@code external-list} conditions.
 */
package io.presencekit.xcap.addressbook;
