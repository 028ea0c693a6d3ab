package io.presencekit.examples.cli;

import io.presencekit.ClientState;
import io.presencekit.PresenceClient;
import io.presencekit.PresenceListener;
import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.pidf.watcherinfo.WatcherStatus;
import io.presencekit.xcap.addressbook.AddressBook;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code presencekit watchers [--allow <uri>] [--deny <uri>] [--block <uri>]}: the watchers of the
 * account's presence through watcher information (RFC 3857, RFC 3858), each reported as a
 * {@code watcher} event ({@code watcher} its URI, {@code status} pending|active|terminated; a
 * watcher whose pending subscription timed out, RFC 3857 "waiting", shows as pending) whenever
 * its status changes. The options decide on watchers through the {@link PresenceClient}, which
 * writes the OMA pres-rules document (RFC 5025) over XCAP ({@code --xcap-root} needed): allow and
 * block are lasting rules, deny drops any decision so the watcher stays pending. Each decision is
 * reported as a {@code policy} event. Runs as a device of the account (it registers and publishes
 * the account as available) until interrupted or {@code --duration}.
 */
@Command(name = "watchers", sortOptions = false,
        description = "Show who watches the account's presence, and allow, deny or block watchers.")
final class WatchersCommand extends CliCommand {
    @Option(names = "--allow", paramLabel = "<uri>", description = "Let this watcher see the presence (repeatable).")
    List<String> allow = new ArrayList<>();

    @Option(names = "--deny", paramLabel = "<uri>", description = "Decline this watcher's request, no lasting rule (repeatable).")
    List<String> deny = new ArrayList<>();

    @Option(names = "--block", paramLabel = "<uri>", description = "Reject this watcher from now on (repeatable).")
    List<String> block = new ArrayList<>();

    @Option(names = "--duration", paramLabel = "<seconds>",
            description = "Stop after this many seconds (default: until interrupted).")
    Long duration;

    @Override
    protected int run() throws Exception {
        String aor = account();
        EventOutput out = output();
        boolean decisions = !(allow.isEmpty() && deny.isEmpty() && block.isEmpty());
        if (decisions && cli().xcapRoot() == null) {
            throw usage("--allow, --deny and --block write pres-rules over XCAP: give --xcap-root <url>");
        }
        Map<String, String> shown = new HashMap<>();
        PresenceListener listener = new PresenceListener() {
            @Override
            public void watchersChanged(List<Watcher> watchers) {
                for (Watcher w : watchers) {
                    String status = w.status() == WatcherStatus.TERMINATED ? "terminated"
                            : w.status() == WatcherStatus.ACTIVE ? "active" : "pending";
                    synchronized (shown) {
                        if (status.equals(shown.put(w.uri(), status))) {
                            continue;
                        }
                    }
                    out.emit(Event.of("watcher", aor, w.uri() + " " + status + " (" + w.event().token() + ")")
                            .with("watcher", w.uri()).with("status", status).with("reason", w.event().token()));
                }
            }

            @Override
            public void clientStateChanged(ClientState state) {
                // offline is reported once close has returned (this call may come later)
                if (state.status() != ClientState.Status.OFFLINE) {
                    out.emit(SipAccess.stateEvent(aor, state));
                }
            }

            @Override
            public void error(PresenceKitException error) {
                out.error(PresenceKitCli.errorEvent(error));
            }
        };
        try (Lifetime life = Lifetime.open(Lifetime.seconds(duration), SipAccess.CLOSE);
                PresenceClient client = SipAccess.client(this, listener, true).useListSubscription(false).build()) {
            try {
                client.start().get(SipAccess.STEP.toSeconds(), TimeUnit.SECONDS);
                decide(client, aor, "allow", allow, client::allowWatcher);
                decide(client, aor, "deny", deny, client::denyWatcher);
                decide(client, aor, "block", block, client::blockWatcher);
                life.await();
            } finally {
                client.close(SipAccess.CLOSE);
                out.emit(SipAccess.stateEvent(aor, ClientState.OFFLINE));
            }
        }
        return PresenceKitCli.EXIT_OK;
    }

    private void decide(PresenceClient client, String aor, String policy, List<String> uris,
            Function<String, CompletableFuture<AddressBook>> action) throws Exception {
        for (String u : uris) {
            String watcher;
            try {
                watcher = Options.sipAddress(u);
            } catch (IllegalArgumentException e) {
                throw usage("--" + policy + ": " + e.getMessage());
            }
            action.apply(watcher).get(SipAccess.STEP.toSeconds(), TimeUnit.SECONDS);
            output().emit(Event.of("policy", aor, policy + " " + watcher).with("watcher", watcher)
                    .with("policy", policy));
        }
    }
}
