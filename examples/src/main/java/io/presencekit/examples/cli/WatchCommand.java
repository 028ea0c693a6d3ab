package io.presencekit.examples.cli;

import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.sip.Notification;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SubscriptionEnd;
import io.presencekit.sip.SubscriptionListener;
import io.presencekit.sip.SubscriptionState;
import io.presencekit.sip.event.PresenceSubscription;
import java.time.Duration;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * {@code presencekit watch <uri>}: one presence subscription (RFC 3856) to one presentity; each
 * notification is reported as a {@code presence} event ({@code status}
 * available|away|busy|offline|unknown and {@code note}, summarised by {@link ContactPresence}),
 * the subscription's state as {@code state} events ({@code subscription} pending|active|terminated).
 * An active notification without a body (nothing known) is reported with status {@code unknown}.
 * Runs until interrupted, {@code --duration}, or the server ends the subscription for good.
 */
@Command(name = "watch", sortOptions = false, description = "Watch one presentity's presence until interrupted (Ctrl-C).")
final class WatchCommand extends EngineCommand {
    @Parameters(index = "0", paramLabel = "<uri>", description = "The presentity, sip:user@domain (sip: may be left out).")
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
        String target = Options.sipAddress(uri);
        EventOutput out = output();
        SubscriptionListener states = subscriptionEvents(out, target, life);
        PresenceSubscription sub = PresenceSubscription.create(engine, PresenceSubscription.request(target).build(),
                new PresenceSubscription.Listener() {
                    @Override
                    public void presenceChanged(PresenceDocument document, Notification notification) {
                        out.emit(SipAccess.presenceEvent(target, ContactPresence.of(target, document)));
                    }

                    @Override
                    public void notified(Notification notification) {
                        // an active NOTIFY without a body: the server knows nothing about the presentity
                        if (!notification.hasBody() && notification.state() == SubscriptionState.ACTIVE) {
                            out.emit(SipAccess.presenceEvent(target, ContactPresence.unknown(target)));
                        }
                    }

                    @Override
                    public void bodyRejected(Notification notification, RuntimeException error) {
                        out.error(PresenceKitCli.errorEvent(error).with("from", target));
                    }

                    @Override
                    public void stateChanged(SubscriptionState previous, SubscriptionState current) {
                        states.stateChanged(previous, current);
                    }

                    @Override
                    public void failed(SipException error, Optional<Duration> retryIn) {
                        states.failed(error, retryIn);
                    }

                    @Override
                    public void ended(SubscriptionEnd reason, Optional<SipException> error) {
                        states.ended(reason, error);
                    }
                });
        sub.start().exceptionally(e -> null);
        return () -> quietly(sub.end());
    }
}
