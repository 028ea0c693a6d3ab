package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.sip.event.PresenceSubscription;
import io.presencekit.sip.testing.PemTrust;
import io.presencekit.testing.Interop;
import io.presencekit.xcap.policy.SubHandling;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A server killed and restarted in place in the middle of a session: the watcher's subscription
 * and the publisher's publication come back by themselves, so the watcher again sees the
 * publisher's current state and then a change published after the restart, each within 40 s and
 * without the application doing anything. The server is the one of the test run, restarted with
 * its ports, database and certificate; the test returns only once it answers again, and test
 * classes run one after another, so no other test sees it down.
 */
@Tag(Interop.TAG)
class ServerRestartInteropTest {
    private static final Duration RECOVERY = Duration.ofSeconds(40);
    private final Interop.Server server = Interop.server();
    private final List<AutoCloseable> closing = new ArrayList<>();
    private final List<String> watcherEvents = new java.util.concurrent.CopyOnWriteArrayList<>();
    @org.junit.jupiter.api.io.TempDir
    Path state;

    @AfterEach
    void close() throws Exception {
        for (int i = closing.size() - 1; i >= 0; i--) {
            closing.get(i).close();
        }
    }

    private SipEngine engine(String user, Transport t, SipEngineListener listener) throws Exception {
        var hop = t == Transport.TLS ? server.sipTls() : server.sip();
        SipAccount account = SipAccount.builder(server.aor(user)).password(server.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=" + t.token())
                .stateDirectory(state.resolve(user)).build();
        SipSettings settings = SipSettings.builder().trustStore(PemTrust.keyStore(server.tlsCertificate()))
                .requestTimeout(Duration.ofSeconds(10)).build();
        SipEngine engine = new SipEngine(account, settings, listener);
        closing.add(() -> engine.close(Duration.ofSeconds(20)));
        engine.start().get(15, TimeUnit.SECONDS);
        return engine;
    }

    private void allow(String owner, String watcher) {
        TestPresRules.write(server, owner, watcher, SubHandling.ALLOW);
    }

    private byte[] pidf(String user, String note) {
        return PidfCodec.standard().write(PresenceDocument.builder(server.aor(user))
                .tuple(Tuple.builder("SID-restart").status(Status.builder().basic(Basic.OPEN).build())
                        .contact(server.aor(user)).note(Note.of(note)).build())
                .build());
    }

    /** The tuple notes; Kamailio merges every live publication of the presentity into one document. */
    private static List<String> notesOf(PresenceDocument d) {
        List<String> notes = new ArrayList<>();
        d.tuples().forEach(t -> t.notes().forEach(n -> notes.add(n.text())));
        return notes;
    }

    /** Waits until a document with {@code note} arrives, at most until {@code deadline} (nanoTime). */
    private String awaitNote(BlockingQueue<PresenceDocument> docs, String note, long deadline, String what)
            throws InterruptedException {
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            PresenceDocument d = docs.poll(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (d == null) {
                break;
            }
            List<String> notes = notesOf(d);
            if (notes.contains(note)) {
                return note;
            }
            seen.add(String.join("|", notes));
        }
        throw new AssertionError("the watcher did not see " + what + " (note " + note + ") in time; saw "
                + seen + "; watcher events " + watcherEvents);
    }

    @ParameterizedTest
    @EnumSource(value = Transport.class, names = {"TCP", "TLS"})
    void watcherAndPublisherComeBackAfterTheServerIsKilledAndRestarted(Transport transport) throws Exception {
        allow("bob", "alice");
        SipEngine bob = engine("bob", transport, null);
        String before = "before-" + UUID.randomUUID();
        Publication publication = bob.publish(PublicationRequest.builder().expires(Duration.ofSeconds(600))
                .body(pidf("bob", before)).build(), null);
        publication.update(pidf("bob", before)).get(15, TimeUnit.SECONDS);

        SipEngine alice = engine("alice", transport, new SipEngineListener() {
            @Override
            public void connectionDegraded(String reason) {
                watcherEvents.add("degraded: " + reason);
            }

            @Override
            public void connectionRestored() {
                watcherEvents.add("restored");
            }
        });
        BlockingQueue<PresenceDocument> docs = new LinkedBlockingQueue<>();
        PresenceSubscription watch = PresenceSubscription.create(alice,
                PresenceSubscription.request(server.aor("bob")).expires(Duration.ofSeconds(600)).build(),
                new PresenceSubscription.Listener() {
                    @Override
                    public void presenceChanged(PresenceDocument document, Notification notification) {
                        docs.add(document);
                    }
                });
        assertEquals(SubscriptionState.ACTIVE, watch.start().get(15, TimeUnit.SECONDS).state());
        awaitNote(docs, before, System.nanoTime() + Duration.ofSeconds(15).toNanos(), "the first state");

        docs.clear();
        server.restart(true);
        long restarted = System.nanoTime();

        awaitNote(docs, before, restarted + RECOVERY.toNanos(), "the publisher's current state after the restart");

        String after = "after-" + UUID.randomUUID();
        long changed = System.nanoTime();
        publication.update(pidf("bob", after));
        awaitNote(docs, after, changed + RECOVERY.toNanos(), "a change published after the restart");
        // A restarted Kamailio that restores its watchers from the database may deliver both
        // NOTIFYs before the watcher's engine has noticed: then the next keep-alive's OPTIONS probe
        // (every 16-20 s) finds the flow replaced.
        long noticed = System.nanoTime() + Duration.ofSeconds(25).toNanos();
        while (watcherEvents.stream().noneMatch(e -> e.startsWith("degraded")) && System.nanoTime() < noticed) {
            Thread.sleep(100);
        }
        assertTrue(watcherEvents.stream().anyMatch(e -> e.startsWith("degraded")),
                "the watcher's engine reported the lost connection: " + watcherEvents);
    }
}
