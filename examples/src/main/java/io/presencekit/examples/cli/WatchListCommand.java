package io.presencekit.examples.cli;

import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.event.ContactPresenceWatcher;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code presencekit watch-list <uri>}: a resource list subscription (RFC 4662) to a list served by
 * the RLS (for an address book kept as Blink keeps it, {@code sip:<user>+presence@<domain>}),
 * through {@link ContactPresenceWatcher}; each member's presence is reported as a
 * {@code presence} event, member and list subscription states and the watching mode as
 * {@code state} events. A URI the server does not serve as a list is watched as one presentity
 * (mode {@code per-contact}, with the reason).
 */
@Command(name = "watch-list", sortOptions = false,
        description = "Watch the presence of a resource list's members (RLS) until interrupted (Ctrl-C).")
final class WatchListCommand extends EngineCommand {
    @Parameters(index = "0", paramLabel = "<uri>", description = "The list's URI (an RLS service), sip:list@domain.")
    String uri;

    @Override
    void checkArguments() {
        try {
            Options.sipAddress(uri);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
    }

    @Override
    Runnable watch(SipEngine engine, String aor, Lifetime life) {
        String list = Options.sipAddress(uri);
        EventOutput out = output();
        ContactPresenceWatcher w = ContactPresenceWatcher.builder(engine).listUri(list)
                .listener(new ContactPresenceWatcher.Listener() {
                    @Override
                    public void presenceChanged(String member, ContactPresence presence, List<PresenceDocument> docs) {
                        out.emit(SipAccess.presenceEvent(member, presence).with("list", list));
                    }

                    @Override
                    public void subscriptionStateChanged(String member, SubscriptionState state, String reason) {
                        out.emit(subscriptionEvent(member, state, reason).with("list", list));
                    }

                    @Override
                    public void modeChanged(ContactPresenceWatcher.Mode mode, String why) {
                        String m = mode.name().toLowerCase(Locale.ROOT).replace('_', '-');
                        out.emit(Event.of("state", list, "watching " + list + " in " + m + " mode (" + why + ")")
                                .with("mode", m).with("reason", why));
                    }

                    @Override
                    public void error(PresenceKitException error) {
                        out.error(PresenceKitCli.errorEvent(error));
                    }
                }).build();
        w.start().exceptionally(e -> null);
        return () -> quietly(w.close());
    }
}
