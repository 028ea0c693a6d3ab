/**
 * Resource lists (RFC 4826, section 3; XCAP application usage {@code resource-lists}, MIME type
 * {@code application/resource-lists+xml}): the user's buddy lists, read and written by
 * {@link io.presencekit.xcap.resourcelists.ResourceListsCodec}.
 *
 * <ul>
 * <li>{@link io.presencekit.xcap.resourcelists.ResourceLists}, {@link io.presencekit.xcap.resourcelists.ResourceList},
 * {@link io.presencekit.xcap.resourcelists.Entry}, {@link io.presencekit.xcap.resourcelists.EntryRef},
 * {@link io.presencekit.xcap.resourcelists.External} and {@link io.presencekit.xcap.resourcelists.DisplayName}:
 * the RFC 4826 model, with every member of a list kept in document order;</li>
 * <li>{@link io.presencekit.xcap.resourcelists.AddressBookContact},
 * {@link io.presencekit.xcap.resourcelists.AddressBookGroup} and
 * {@link io.presencekit.xcap.resourcelists.AddressBookPolicy}: the AG Projects address book
 * ({@code urn:ag-projects:xml:ns:addressbook}) that Blink and python-sipsimple store in the
 * {@code sipsimple_addressbook} list, with {@link io.presencekit.xcap.resourcelists.SharedAttributes}
 * for the {@code agp-rl}, {@code sipsimple} and {@code blink} attribute bags.</li>
 * </ul>
 *
 * <p>Content written by other clients (lists, entries, elements and attributes of unknown
 * namespaces) survives a read and write unchanged.
 */
package io.presencekit.xcap.resourcelists;
