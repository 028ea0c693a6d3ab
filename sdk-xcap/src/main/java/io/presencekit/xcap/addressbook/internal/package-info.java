/**
 * Blink's address book layout and the documents derived from it, behind
 * {@link io.presencekit.xcap.addressbook.AddressBookManager}; not an API.
 */
package io.presencekit.xcap.addressbook.internal;
