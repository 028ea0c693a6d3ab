package io.presencekit.examples.cli;

import io.presencekit.OwnPresence;
import io.presencekit.PresenceClient;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code presencekit publish --status <available|away|busy|offline> [--note <text>]}: registers,
 * publishes the account's presence (RFC 3903 PUBLISH of a PIDF document, RFC 3863, with RPID
 * activities, RFC 4480) and keeps the publication refreshed until interrupted; then removes it
 * (PUBLISH with {@code Expires: 0}) and unregisters. {@code offline} publishes a closed document
 * with no details (the client keeps running). Reports a {@code presence} event for what was
 * published, {@code state} events and {@code error} events.
 */
@Command(name = "publish", sortOptions = false,
        description = "Publish the account's presence and keep it refreshed until interrupted (Ctrl-C).")
final class PublishCommand extends CliCommand {
    @Option(names = "--status", required = true, paramLabel = "<available|away|busy|offline>",
            description = "What to publish.")
    String status;

    @Option(names = "--note", paramLabel = "<text>", description = "A note to go with it.")
    String note;

    @Option(names = "--duration", paramLabel = "<seconds>",
            description = "Stop after this many seconds (default: until interrupted).")
    Long duration;

    @Override
    protected int run() throws Exception {
        OwnPresence.Availability availability = switch (status.toLowerCase(Locale.ROOT)) {
            case "available" -> OwnPresence.Availability.AVAILABLE;
            case "away" -> OwnPresence.Availability.AWAY;
            case "busy" -> OwnPresence.Availability.BUSY;
            case "offline" -> OwnPresence.Availability.INVISIBLE;
            default -> throw usage("--status: expected available, away, busy or offline, not '" + status + "'");
        };
        String aor = account();
        OwnPresence.Builder own = OwnPresence.builder(availability);
        if (note != null && !note.isBlank()) {
            own.note(note);
        }
        OwnPresence presence = own.build();
        EventOutput out = output();
        try (Lifetime life = Lifetime.open(Lifetime.seconds(duration), SipAccess.CLOSE);
                PresenceClient client = SipAccess.client(this, SipAccess.stateAndErrors(out, aor), false)
                        .initialPresence(presence).build()) {
            try {
                client.start().get(SipAccess.STEP.toSeconds(), TimeUnit.SECONDS);
                // the initial publication's outcome: setPresence again answers whether it stands
                client.setPresence(presence).get(SipAccess.STEP.toSeconds(), TimeUnit.SECONDS);
                String token = status.toLowerCase(Locale.ROOT);
                String shownNote = availability == OwnPresence.Availability.INVISIBLE ? null : presence.notes().stream()
                        .findFirst().map(n -> n.text()).orElse(null);
                out.emit(Event.of("presence", aor, "published " + aor + " " + token
                        + (shownNote == null ? "" : " \"" + shownNote + "\""))
                        .with("status", token).with("note", shownNote).with("published", true));
                life.await();
            } finally {
                client.close(SipAccess.CLOSE);
                out.emit(SipAccess.stateEvent(aor, io.presencekit.ClientState.OFFLINE));
            }
        }
        return PresenceKitCli.EXIT_OK;
    }
}
