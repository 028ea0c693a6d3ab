package io.presencekit.examples.cli;

import io.presencekit.ClientState;
import io.presencekit.sip.RegistrationInfo;
import io.presencekit.sip.RegistrationState;
import io.presencekit.sip.SipEngine;
import io.presencekit.sip.SipEngineListener;
import io.presencekit.sip.SipException;
import io.presencekit.sip.SubscriptionEnd;
import io.presencekit.sip.SubscriptionListener;
import io.presencekit.sip.SubscriptionState;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Option;

/**
 * A watching command on a bare {@link SipEngine} (registration, RFC 3261 section 10, and
 * subscriptions, RFC 6665), without publishing anything: registers, runs {@link #watch}, waits
 * until interrupted (or {@code --duration}), then ends the subscriptions and unregisters. The
 * registration is reported as {@code state} events (online, degraded, offline), failures as
 * {@code error} events.
 */
abstract class EngineCommand extends CliCommand {
    @Option(names = "--duration", paramLabel = "<seconds>",
            description = "Stop after this many seconds (default: until interrupted).")
    Long duration;

    @Override
    protected final int run() throws Exception {
        String aor = account();
        checkArguments();
        EventOutput out = output();
        SipEngine engine = new SipEngine(SipAccess.account(this), SipAccess.settings(this), new SipEngineListener() {
            @Override
            public void registrationChanged(RegistrationState state, RegistrationInfo info, SipException error) {
                if (state == RegistrationState.REGISTERED) {
                    out.emit(SipAccess.stateEvent(aor, ClientState.ONLINE));
                } else if (state == RegistrationState.FAILED && error != null) {
                    out.error(PresenceKitCli.errorEvent(error));
                }
            }

            @Override
            public void connectionDegraded(String reason) {
                out.emit(SipAccess.stateEvent(aor, ClientState.degraded(reason)));
            }

            @Override
            public void connectionRestored() {
                out.emit(SipAccess.stateEvent(aor, ClientState.ONLINE));
            }
        });
        try (Lifetime life = Lifetime.open(Lifetime.seconds(duration), SipAccess.CLOSE)) {
            try {
                engine.start().get(SipAccess.STEP.toSeconds(), TimeUnit.SECONDS);
                Runnable end = watch(engine, aor, life);
                life.await();
                end.run();
            } finally {
                engine.close(SipAccess.CLOSE);
                out.emit(SipAccess.stateEvent(aor, ClientState.OFFLINE));
            }
        }
        return PresenceKitCli.EXIT_OK;
    }

    /** Refuses unusable arguments (with {@link #usage}) before anything goes on the network. */
    void checkArguments() {
    }

    /**
     * Starts watching with {@code engine}; returns what ends it (called before the engine closes).
     * {@code life} may be ended when there is nothing left to watch.
     */
    abstract Runnable watch(SipEngine engine, String aor, Lifetime life) throws Exception;

    /** Waits at most {@link SipAccess#CLOSE} for {@code f}, ignoring its failure (the engine closes next). */
    static void quietly(java.util.concurrent.CompletableFuture<?> f) {
        try {
            f.get(SipAccess.CLOSE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception ignored) {
            // ending is best effort
        }
    }

    /** Reports the state of the subscription to {@code uri} as {@code state} events and its failures as errors. */
    static SubscriptionListener subscriptionEvents(EventOutput out, String uri, Lifetime life) {
        return new SubscriptionListener() {
            @Override
            public void stateChanged(SubscriptionState previous, SubscriptionState current) {
                out.emit(subscriptionEvent(uri, current, null));
            }

            @Override
            public void failed(SipException error, Optional<Duration> retryIn) {
                out.error(PresenceKitCli.errorEvent(error));
            }

            @Override
            public void ended(SubscriptionEnd reason, Optional<SipException> error) {
                error.ifPresent(e -> out.error(PresenceKitCli.errorEvent(e)));
                if (reason != SubscriptionEnd.ENDED_LOCALLY) {
                    out.emit(subscriptionEvent(uri, SubscriptionState.TERMINATED,
                            reason.name().toLowerCase(Locale.ROOT)));
                    life.end();
                }
            }
        };
    }

    /** A {@code state} event of a subscription: {@code subscription} pending|active|terminated. */
    static Event subscriptionEvent(String uri, SubscriptionState state, String reason) {
        String s = state.name().toLowerCase(Locale.ROOT);
        return Event.of("state", uri, "subscription to " + uri + " " + s + (reason == null ? "" : " (" + reason + ")"))
                .with("subscription", s).with("reason", reason);
    }
}
