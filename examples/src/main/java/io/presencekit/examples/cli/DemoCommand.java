package io.presencekit.examples.cli;

import io.presencekit.ClientState;
import io.presencekit.ContactPresenceEvent;
import io.presencekit.OwnPresence;
import io.presencekit.PresenceClient;
import io.presencekit.PresenceListener;
import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.ContactPresence;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.SummaryStatus;
import io.presencekit.pidf.watcherinfo.Watcher;
import io.presencekit.sip.SipAccount;
import io.presencekit.sip.SipSettings;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.addressbook.AddressBook;
import io.presencekit.xcap.addressbook.Contact;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.prescontent.PresContent;
import io.presencekit.xcap.resourcelists.HandlingPolicy;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code presencekit demo}: two {@link PresenceClient}s, alice and bob, tell the SIP SIMPLE story
 * as a timeline: alice adds bob to her address book (XCAP, RFC 4825), bob sees her as a pending
 * watcher (watcher information, RFC 3857) and allows her (OMA pres-rules, RFC 5025); alice sees
 * bob available, then away with a note (PIDF and RPID, RFC 3863 and RFC 4480), bob's status icon
 * (OMA pres-content, CIPID, RFC 4482) reaches her, and when bob leaves she sees him offline with the
 * offline note he stored (pidf-manipulation, RFC 4827).
 *
 * <p>Every step prints {@code [ok]} when it happened, {@code [FAIL]} with the reason when it did
 * not, each within {@code --step-timeout}; the exit code is 0 only when every step is ok. Without
 * {@code --proxy} the demo starts the project's Kamailio (interop/kamailio/start.sh, which
 * installs it on Debian when missing) in a temporary run directory and stops it at the end, also
 * on failure or Ctrl-C; with {@code --proxy} and {@code --xcap-root} it uses that server and the
 * accounts {@code --alice} and {@code --bob} (password from {@code --password}), whose
 * pres-rules, address book and offline status it resets first.
 */
@Command(name = "demo", sortOptions = false,
        description = "Alice and bob on one server: watcher authorization, presence, note, icon and offline note.")
final class DemoCommand extends CliCommand {
    private static final String PASSWORD = "secret";
    private static final String AWAY_NOTE = "Back in 10 minutes";
    private static final String OFFLINE_NOTE = "Gone fishing";
    /** A 1x1 PNG. */
    private static final byte[] ICON = Base64.getDecoder().decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    @Option(names = "--alice", paramLabel = "<aor>", defaultValue = "sip:alice@example.com",
            description = "Alice's account. Default: ${DEFAULT-VALUE}.")
    String alice;

    @Option(names = "--bob", paramLabel = "<aor>", defaultValue = "sip:bob@example.com",
            description = "Bob's account. Default: ${DEFAULT-VALUE}.")
    String bob;

    @Option(names = "--step-timeout", paramLabel = "<seconds>", defaultValue = "20",
            description = "How long each step may take. Default: ${DEFAULT-VALUE}.")
    long stepTimeout;

    private final List<PresenceClient> clients = new ArrayList<>();
    private Duration wait;
    private XcapCompatibility compat;
    private long startNanos;
    private boolean allOk = true;
    private String stopReason;

    @Override
    protected int run() throws Exception {
        wait = Duration.ofSeconds(Math.max(1, stepTimeout));
        String aliceAor;
        String bobAor;
        try {
            aliceAor = Options.sipAddress(alice);
            bobAor = Options.sipAddress(bob);
        } catch (IllegalArgumentException e) {
            throw usage(e.getMessage());
        }
        if (cli().proxy() != null && cli().xcapRoot() == null) {
            throw usage("with --proxy the demo also needs the server's --xcap-root <url>");
        }
        startNanos = System.nanoTime();
        LocalKamailio kamailio = null;
        Thread hook = null;
        try {
            String proxy = cli().proxy();
            String xcapRoot = cli().xcapRoot();
            char[] password = cli().password();
            if (proxy == null) {
                output().emit(Event.of("demo", null, "starting the project's Kamailio (interop/kamailio/start.sh) ..."));
                try {
                    kamailio = LocalKamailio.start(cli().env(), output());
                } catch (RuntimeException e) {
                    step("the project's Kamailio starts", false, e.getMessage());
                    return PresenceKitCli.EXIT_FAILURE;
                }
                LocalKamailio server = kamailio;
                hook = new Thread(() -> {
                    clients.forEach(PresenceClient::closeNow);
                    server.stop();
                }, "presencekit-demo-shutdown");
                Runtime.getRuntime().addShutdownHook(hook);
                compat = XcapCompatibility.KAMAILIO;
                proxy = kamailio.proxy();
                xcapRoot = kamailio.xcapRoot();
                step("the project's Kamailio runs", true, proxy + ", XCAP " + xcapRoot);
            } else {
                compat = XcapAccess.compatibility(cli(), null, output());
                output().emit(Event.of("demo", proxy, "using the server at " + proxy + ", XCAP " + xcapRoot));
            }
            if (password == null) {
                password = PASSWORD.toCharArray();
            }
            story(aliceAor, bobAor, proxy, xcapRoot, password);
        } finally {
            for (int i = clients.size() - 1; i >= 0; i--) {
                clients.get(i).close(SipAccess.CLOSE);
            }
            if (kamailio != null) {
                kamailio.stop();
                if (hook != null) {
                    try {
                        Runtime.getRuntime().removeShutdownHook(hook);
                    } catch (IllegalStateException shuttingDown) {
                        // the hook stops it (again; stop.sh is idempotent)
                    }
                }
            }
        }
        output().emit(Event.of("demo", null, allOk ? "every step ok" : "some steps failed").with("ok", allOk));
        return allOk ? PresenceKitCli.EXIT_OK : PresenceKitCli.EXIT_FAILURE;
    }

    private void story(String aliceAor, String bobAor, String proxy, String xcapRoot, char[] password)
            throws Exception {
        Recorder aliceHears = new Recorder();
        Recorder bobHears = new Recorder();
        Path state = Files.createTempDirectory("presencekit-demo");
        // a server that served earlier runs keeps decisions and documents: start from a clean state
        must("alice's and bob's XCAP documents are reset", () -> {
            reset(xcapRoot, bobAor, aliceAor, password);
            reset(xcapRoot, aliceAor, null, password);
            return "pres-rules, address book and offline status removed";
        });
        PresenceClient[] c = new PresenceClient[2];
        must("bob and alice sign in (REGISTER, PUBLISH, SUBSCRIBE)", () -> {
            c[1] = client(bobAor, password, proxy, xcapRoot, state.resolve("bob"), bobHears);
            c[0] = client(aliceAor, password, proxy, xcapRoot, state.resolve("alice"), aliceHears);
            aliceHears.await(AddressBook.class, b -> true, "alice's address book loaded");
            return "both online";
        });
        PresenceClient aliceC = c[0];
        PresenceClient bobC = c[1];
        must("alice adds bob to her contacts", () -> {
            aliceC.addContact(Contact.builder("Bob").uri(bobAor).subscribe(true).policy(HandlingPolicy.ALLOW).build())
                    .get(wait.toSeconds(), TimeUnit.SECONDS);
            if (!aliceC.watchedContacts().contains(bobAor)) {
                throw new IllegalStateException("bob is in her address book but not watched");
            }
            return "Bob <" + bobAor + ">, subscribed";
        });
        must("bob sees alice as a pending watcher", () -> {
            Watcher w = bobHears.await(Watcher.class, x -> x.uri().equals(aliceAor), "alice's watcher request");
            return w.uri() + " " + w.status().token();
        });
        must("bob allows alice", () -> {
            bobC.allowWatcher(aliceAor).get(wait.toSeconds(), TimeUnit.SECONDS);
            return "pres-rules allow " + aliceAor;
        });
        must("alice sees bob available", () -> {
            ContactPresenceEvent e = aliceHears.await(ContactPresenceEvent.class,
                    x -> x.uri().equals(bobAor) && x.presence().summary() == SummaryStatus.AVAILABLE, "bob available");
            return describe(e.presence());
        });
        attempt("bob goes away with a note and alice sees it", () -> {
            bobC.setPresence(OwnPresence.builder(OwnPresence.Availability.AWAY).note(AWAY_NOTE, "en").build())
                    .get(wait.toSeconds(), TimeUnit.SECONDS);
            ContactPresenceEvent e = aliceHears.await(ContactPresenceEvent.class, x -> x.uri().equals(bobAor)
                    && x.presence().summary() == SummaryStatus.AWAY
                    && x.presence().note().equals(Optional.of(AWAY_NOTE)), "bob away with his note");
            return describe(e.presence());
        });
        attempt("bob's icon reaches alice", () -> {
            bobC.setIcon(ICON, "image/png").get(wait.toSeconds(), TimeUnit.SECONDS);
            ContactPresenceEvent e = aliceHears.await(ContactPresenceEvent.class,
                    x -> x.uri().equals(bobAor) && x.presence().icon().isPresent(), "bob's icon URL in his presence");
            Optional<PresContent> icon = aliceC.iconOf(bobAor).get(wait.toSeconds(), TimeUnit.SECONDS);
            if (icon.isEmpty() || !Arrays.equals(ICON, icon.get().decodedData())) {
                throw new IllegalStateException("alice read " + (icon.isEmpty() ? "no icon" : "another icon")
                        + " at " + e.presence().icon().get());
            }
            return e.presence().icon().get() + " (" + ICON.length + " bytes, "
                    + icon.get().mimeType().orElse("no type") + ")";
        });
        boolean stored = attempt("bob stores his offline note (pidf-manipulation)", () -> {
            bobC.setOfflineStatus(Note.of(OFFLINE_NOTE, "en")).get(wait.toSeconds(), TimeUnit.SECONDS);
            PresenceDocument doc = bobC.addressBookManager().orElseThrow().offlineStatus()
                    .get(wait.toSeconds(), TimeUnit.SECONDS)
                    .orElseThrow(() -> new IllegalStateException("the server has no offline document after the PUT"));
            return "\"" + ContactPresence.of(bobAor, doc).note().orElse("") + "\"";
        });
        if (!stored) {
            stopReason = "bob's offline note was not stored";
        }
        attempt("bob leaves and alice sees him offline with his offline note", () -> {
            bobC.close(SipAccess.CLOSE);
            try {
                ContactPresenceEvent e = aliceHears.await(ContactPresenceEvent.class, x -> x.uri().equals(bobAor)
                        && x.presence().summary() == SummaryStatus.OFFLINE
                        && x.presence().note().equals(Optional.of(OFFLINE_NOTE)), "bob offline with his offline note");
                return describe(e.presence());
            } catch (StepFailure f) {
                Optional<ContactPresence> last = Optional.ofNullable(aliceC.contactPresence().get(bobAor));
                String seen = last.map(DemoCommand::describe).orElse("nothing");
                throw new StepFailure(f.getMessage() + "; alice's last view of bob: " + seen
                        + " (the server merges the offline document, RFC 4827, into the NOTIFY it sends when bob's"
                        + " last publication ends; --trace shows that NOTIFY)");
            }
        });
    }

    /** A client of the demo, started. */
    private PresenceClient client(String aor, char[] password, String proxy, String xcapRoot, Path state,
            PresenceListener listener) throws Exception {
        SipAccount account = SipAccount.builder(aor).password(password.clone()).outboundProxy(proxy)
                .instanceId("urn:uuid:" + UUID.randomUUID()).stateDirectory(state).build();
        PresenceClient client = PresenceClient.builder(account)
                .settings(SipSettings.builder().requestTimeout(Duration.ofSeconds(15)).build())
                .xcapRoot(xcapRoot).xcapCompatibility(compat)
                .listener(listener).build();
        clients.add(client);
        client.start().get(wait.toSeconds(), TimeUnit.SECONDS);
        return client;
    }

    /**
     * Removes {@code user}'s pres-rules, address book, offline status and icon; with
     * {@code watcher}, first puts that watcher back to "confirm" (Kamailio keeps a watcher's cached
     * decision when the rules document is only deleted).
     */
    private void reset(String xcapRoot, String user, String watcher, char[] password) {
        try (XcapClient c = XcapClient.builder(xcapRoot).credentials(Options.user(user), password.clone())
                .compatibility(compat).responseTimeout(wait).build()) {
            if (watcher != null) {
                XcapUri rules = c.uri().auid(ApplicationUsage.OMA_PRES_RULES.auid()).user(user).document("index").build();
                Rule confirm = Rule.builder("confirm").conditions(Identity.ofUris(watcher))
                        .subHandling(SubHandling.CONFIRM).build();
                c.put(rules, ApplicationUsage.OMA_PRES_RULES.mimeType(),
                        ApplicationUsage.OMA_PRES_RULES.codec().write(Ruleset.of(confirm))).join();
            }
            for (String auid : List.of(ApplicationUsage.OMA_PRES_RULES.auid(), ApplicationUsage.PRES_RULES.auid(),
                    ApplicationUsage.RESOURCE_LISTS.auid(), ApplicationUsage.RLS_SERVICES.auid(),
                    ApplicationUsage.PIDF_MANIPULATION.auid())) {
                // a missing document is no error here
                c.delete(c.uri().auid(auid).user(user).document("index").build()).exceptionally(e -> null).join();
            }
            c.delete(c.uri().auid(ApplicationUsage.OMA_PRES_CONTENT.auid()).user(user)
                    .document("oma_status-icon", "index").build()).exceptionally(e -> null).join();
        }
    }

    private static String describe(ContactPresence p) {
        return p.summary().token() + p.note().map(n -> " \"" + n + "\"").orElse("");
    }

    /** A step the rest of the story needs: when it fails, the later steps are not tried. */
    private void must(String title, Step step) {
        if (!attempt(title, step) && stopReason == null) {
            stopReason = "\"" + title + "\" failed";
        }
    }

    /** One step of the story: prints [ok] or [FAIL]; returns whether it happened. */
    private boolean attempt(String title, Step step) {
        if (stopReason != null) {
            step(title, false, "not reached: " + stopReason);
            return false;
        }
        try {
            String detail = step.run();
            step(title, true, detail);
            return true;
        } catch (Exception e) {
            Throwable t = e;
            while (t.getCause() != null && !(t instanceof StepFailure) && !(t instanceof PresenceKitException)) {
                t = t.getCause();
            }
            String why = t instanceof java.util.concurrent.TimeoutException ? "no answer within " + wait.toSeconds() + " s"
                    : t.getMessage() == null ? t.toString() : t.getMessage();
            step(title, false, why);
            return false;
        }
    }

    private void step(String title, boolean ok, String detail) {
        allOk &= ok;
        double secs = (System.nanoTime() - startNanos) / 1e9;
        String line = String.format(java.util.Locale.ROOT, "%s %s (%.1f s)%s", ok ? "[ok]" : "[FAIL]", title, secs,
                detail == null || detail.isEmpty() ? "" : (ok ? ": " : ": ") + detail);
        output().emit(Event.of("step", null, line).with("step", title).with("ok", ok).with("detail", detail));
    }

    @FunctionalInterface
    private interface Step {
        String run() throws Exception;
    }

    /** A step that did not happen in time. */
    private static final class StepFailure extends RuntimeException {
        StepFailure(String message) {
            super(message);
        }
    }

    /** What one client heard, in order. */
    private final class Recorder implements PresenceListener {
        private final BlockingQueue<Object> events = new LinkedBlockingQueue<>();

        @Override
        public void contactPresenceChanged(ContactPresenceEvent event) {
            events.add(event);
        }

        @Override
        public void contactsLoaded(AddressBook addressBook) {
            events.add(addressBook);
        }

        @Override
        public void watcherRequest(Watcher watcher) {
            events.add(watcher);
        }

        @Override
        public void clientStateChanged(ClientState state) {
            events.add(state);
        }

        @Override
        public void error(PresenceKitException error) {
            output().detail("background error: " + error.getMessage());
        }

        <T> T await(Class<T> type, Predicate<T> wanted, String what) throws InterruptedException {
            long end = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < end) {
                Object e = events.poll(Math.max(1, end - System.nanoTime()), TimeUnit.NANOSECONDS);
                if (type.isInstance(e) && wanted.test(type.cast(e))) {
                    return type.cast(e);
                }
            }
            throw new StepFailure("no " + what + " within " + wait.toSeconds() + " s");
        }
    }
}
