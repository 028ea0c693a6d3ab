package io.presencekit;

import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.xcap.addressbook.Contact;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A watched contact's presence changed: the aggregated view (RFC 3863 documents ranked and
 * summarised by {@link ContactPresence}) and the raw documents it was built from (for a list
 * subscription, RFC 4662, the resource's documents; for a plain subscription, RFC 3856, the last
 * NOTIFY body).
 *
 * <p>Immutable.
 *
 * @param uri       the presentity URI
 * @param contact   the address book contact having this URI, if any
 * @param presence  the aggregated presence
 * @param documents the raw PIDF documents
 */
public record ContactPresenceEvent(String uri, Optional<Contact> contact, ContactPresence presence,
        List<PresenceDocument> documents) {
    public ContactPresenceEvent {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(contact, "contact");
        Objects.requireNonNull(presence, "presence");
        documents = List.copyOf(documents);
    }
}
