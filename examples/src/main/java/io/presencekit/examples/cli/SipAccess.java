package io.presencekit.examples.cli;

import io.presencekit.ClientState;
import io.presencekit.PresenceClient;
import io.presencekit.PresenceListener;
import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipSettings;
import io.presencekit.xcap.XcapCompatibility;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;

/**
 * What the SIP commands share: the {@link SipAccount} and {@link SipSettings} the global options
 * describe (account, password, {@code --proxy} as the outbound proxy, {@code --trust}), a
 * {@link PresenceClient} built from them, and the events for presence, client state and errors.
 *
 * <p>Each run is a device of its own: it gets a fresh instance id (RFC 5626), so that two commands
 * of one account (say {@code publish} in one terminal and {@code watchers} in another) register
 * side by side instead of replacing each other's binding.
 */
final class SipAccess {
    /** How long one protocol step (registration, a request) may take before the command gives up. */
    static final Duration STEP = Duration.ofSeconds(30);
    /** How long closing (unpublish, unsubscribe, unregister) may take. */
    static final Duration CLOSE = Duration.ofSeconds(10);

    private SipAccess() {
    }

    /** The account of {@code command}'s global options. */
    static SipAccount account(CliCommand command) {
        String aor = command.account();
        PresenceKitCli cli = command.cli();
        char[] password = cli.password();
        SipAccount.Builder b = SipAccount.builder(aor).instanceId("urn:uuid:" + UUID.randomUUID());
        if (password != null) {
            b.password(password);
            Arrays.fill(password, '\0');
        }
        if (cli.proxy() != null) {
            b.outboundProxy(cli.proxy());
        }
        return b.build();
    }

    /** The stack settings: the trusted certificates of {@code --trust}, when given. */
    static SipSettings settings(CliCommand command) {
        SipSettings.Builder b = SipSettings.builder().requestTimeout(Duration.ofSeconds(15));
        if (command.cli().trust() != null) {
            KeyStore trust = XcapAccess.loadTrust(command.cli().trust());
            b.trustStore(trust);
        }
        return b.build();
    }

    /**
     * A client for {@code command}'s account reporting to {@code listener}; with the XCAP root when
     * {@code withXcap} and one was given ({@code --xcap-root}).
     */
    static PresenceClient.Builder client(CliCommand command, PresenceListener listener, boolean withXcap) {
        PresenceClient.Builder b = PresenceClient.builder(account(command)).settings(settings(command))
                .listener(listener).subscribeToOwnPresence(false);
        PresenceKitCli cli = command.cli();
        if (withXcap && cli.xcapRoot() != null) {
            KeyStore trust = cli.trust() == null ? null : XcapAccess.loadTrust(cli.trust());
            XcapCompatibility compat = XcapAccess.compatibility(cli, trust, command.output());
            b.xcapRoot(cli.xcapRoot()).xcapCompatibility(compat);
            if (trust != null) {
                b.xcapTrustStore(trust);
            }
        }
        return b;
    }

    /** The {@code presence} event: {@code status} (available|away|busy|offline|unknown) and {@code note}. */
    static Event presenceEvent(String uri, ContactPresence presence) {
        String status = presence.summary().token();
        String note = presence.note().orElse(null);
        return Event.of("presence", uri, uri + " " + status + (note == null ? "" : " \"" + note + "\""))
                .with("status", status).with("note", note);
    }

    /** The {@code state} event of a client or engine of {@code account}. */
    static Event stateEvent(String account, ClientState state) {
        String s = state.status().name().toLowerCase(java.util.Locale.ROOT);
        String reason = state.reason().orElse(null);
        return Event.of("state", account, account + " " + s + (reason == null ? "" : " (" + reason + ")"))
                .with("state", s).with("reason", reason);
    }

    /** A listener reporting the client's state and background errors of {@code account}. */
    static PresenceListener stateAndErrors(EventOutput out, String account) {
        return new PresenceListener() {
            @Override
            public void clientStateChanged(ClientState state) {
                // the command reports offline itself once close has returned (this call may come later)
                if (state.status() != ClientState.Status.OFFLINE) {
                    out.emit(stateEvent(account, state));
                }
            }

            @Override
            public void error(PresenceKitException error) {
                out.error(PresenceKitCli.errorEvent(error));
            }
        };
    }
}
