package io.presencekit;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.xcap.addressbook.AddressBook;
import java.util.List;

/**
 * What a {@link PresenceClient} reports. Every method has an empty default; implement those you
 * need.
 *
 * <p>Calls run on the client's callback executor (the application's, or one single thread the
 * client owns), never on the SIP event loop: a slow listener delays other callbacks, not the
 * protocol. Calls about one contact come in order; calls about the client as a whole (state,
 * address book, watchers, own presence) come in order among themselves.
 */
public interface PresenceListener {

    /** A watched contact's presence changed (RFC 3856 / RFC 4662 notification). */
    default void contactPresenceChanged(ContactPresenceEvent event) {
    }

    /**
     * The address book was read: at start (empty when the XCAP server is not available then), and
     * again when an XCAP server that was unavailable answers (the client tries it again with a
     * jittered back-off of at most 5 s, doubling up to 5 minutes, and at once when the SIP
     * connection comes back).
     */
    default void contactsLoaded(AddressBook addressBook) {
    }

    /** The address book changed, by this client or by another device (xcap-diff, RFC 5874). */
    default void contactsChanged(AddressBook addressBook, Origin origin) {
    }

    /**
     * Someone new asks to see the user's presence (RFC 3857 watcher information: a pending or
     * waiting watcher on whom the address book has no decision). Answer with
     * {@link PresenceClient#allowWatcher}, {@link PresenceClient#denyWatcher} or
     * {@link PresenceClient#blockWatcher}.
     */
    default void watcherRequest(Watcher watcher) {
    }

    /** The watchers of the user's presence, with their status, after a watcher-info notification. */
    default void watchersChanged(List<Watcher> watchers) {
    }

    /**
     * Another device of the same account published the user's presence (learnt from the
     * subscription to the own AoR; this device's own tuple is left out, so its own publications
     * are not reported). {@code presence} is built from the other devices' tuples only.
     */
    default void ownPresenceChanged(ContactPresence presence) {
    }

    /** The client's state changed. */
    default void clientStateChanged(ClientState state) {
    }

    /** Something failed in the background (the client goes on). */
    default void error(PresenceKitException error) {
    }
}
