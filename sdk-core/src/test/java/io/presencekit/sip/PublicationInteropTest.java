package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Device;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.sip.internal.PublicationUsage;
import io.presencekit.testing.Interop;
import io.presencekit.testing.RawSip;
import io.presencekit.xcap.XcapClient;
import io.presencekit.xcap.XcapCompatibility;
import io.presencekit.xcap.XcapResponse;
import io.presencekit.xcap.XcapUri;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Publication against the project's Kamailio (interop/kamailio/NOTES.md, "Presence"): bob publishes
 * a PIDF built with PresenceIds, refreshes (a new SIP-ETag each time), modifies and removes it,
 * while alice, allowed by bob's pres-rules, watches over raw SIP and sees each state in a NOTIFY.
 *
 * <p>This test owns bob's pres-rules while it runs (Kamailio reads only the first pres-rules
 * document of a presentity) and leaves alice pending and the document deleted, as
 * PresRulesAuthorizationInteropTest does.
 */
@Tag(Interop.TAG)
class PublicationInteropTest {
    private static final int MAX_NOTIFIES = 8;
    private final Interop.Server server = Interop.server();
    private final XcapClient bobXcap = XcapClient.builder(server.xcapRoot())
            .credentials("bob", server.password().toCharArray()).compatibility(XcapCompatibility.KAMAILIO)
            .responseTimeout(Duration.ofSeconds(10)).build();
    private final XcapUri rulesUri = bobXcap.uri().auid(ApplicationUsage.OMA_PRES_RULES.auid())
            .user(server.aor("bob")).document(ApplicationUsage.OMA_PRES_RULES.defaultDocumentName()).build();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final PublicationListener listener = new PublicationListener() {
        @Override
        public void published(PublicationResult result) {
            events.add("published:" + result.etag());
        }

        @Override
        public void failed(SipException error, Optional<Duration> retryIn) {
            events.add("failed:" + error.status());
        }

        @Override
        public void ended() {
            events.add("ended");
        }
    };
    @TempDir
    Path state;
    private SipEngine bob;
    private PresenceIds ids;

    @BeforeEach
    void startBob() throws Exception {
        putRules(rule("alice", SubHandling.ALLOW));
        var hop = server.sip();
        SipAccount account = SipAccount.builder(server.aor("bob")).password(server.password().toCharArray())
                .outboundProxy("sip:" + hop.getHostString() + ":" + hop.getPort() + ";transport=tcp")
                .stateDirectory(state).build();
        bob = new SipEngine(account, SipSettings.builder().requestTimeout(Duration.ofSeconds(10)).trace(true).build(), null);
        bob.start().get(15, TimeUnit.SECONDS);
        ids = PresenceIds.of(account);
    }

    @AfterEach
    void cleanUp() {
        try {
            if (bob != null) {
                bob.close();
            }
            putRules(rule("alice", SubHandling.CONFIRM));
        } finally {
            try {
                bobXcap.delete(rulesUri).exceptionally(e -> null).join();
            } finally {
                bobXcap.close();
            }
        }
    }

    private byte[] pidf(Basic basic, String note) {
        PresenceDocument doc = PresenceDocument.builder(server.aor("bob"))
                .tuple(Tuple.builder(ids.tupleId()).basic(basic).contact(server.aor("bob")).note(note)
                        .deviceId(ids.deviceUrn()).build())
                .person(Person.builder(ids.personId()).note(note).build())
                .device(Device.builder(ids.deviceId()).deviceId(ids.deviceUrn()).build())
                .build();
        return PidfCodec.standard().write(doc);
    }

    @Test
    void publishRefreshModifyAndRemoveAreSeenByAWatcher() throws Exception {
        Publication p = bob.publish(PublicationRequest.builder().expires(Duration.ofSeconds(60)).build(), listener);
        PublicationResult first = p.update(pidf(Basic.OPEN, "at the desk")).get(15, TimeUnit.SECONDS);
        assertTrue(first.etag().matches("a\\.\\d+\\.\\d+\\.\\d+\\.\\d+"), first.etag());
        assertEquals(Duration.ofSeconds(60), first.expires());

        try (RawSip alice = RawSip.connect(server, "alice").timeout(Duration.ofSeconds(10))) {
            RawSip.Subscription watch = alice.subscribe(server.aor("bob"), "presence", 120);
            assertEquals(200, watch.response().status(), () -> String.join("\n----\n", alice.transcript()));
            RawSip.Message published = awaitBody(watch, b -> b.contains("at the desk"));
            assertTrue(published.body().contains(ids.tupleId()), published.body());
            assertTrue(published.body().contains(ids.personId()), published.body());
            assertTrue(published.body().contains("<basic>open</basic>") || published.body().contains("open</"),
                    published.body());

            PublicationResult refreshed = p.refresh().get(15, TimeUnit.SECONDS);
            assertNotEquals(first.etag(), refreshed.etag(), "Kamailio gives a new SIP-ETag on every refresh");
            assertEquals(Optional.of(refreshed.etag()), p.etag());

            PublicationResult modified = p.update(pidf(Basic.OPEN, "in a meeting")).get(15, TimeUnit.SECONDS);
            assertNotEquals(refreshed.etag(), modified.etag());
            RawSip.Message changed = awaitBody(watch, b -> b.contains("in a meeting"));
            assertFalse(changed.body().contains("at the desk"), changed.body());

            p.end().get(15, TimeUnit.SECONDS);
            assertEquals(PublicationState.ENDED, p.state());
            RawSip.Message removed = awaitBody(watch, b -> !b.contains("in a meeting"));
            assertTrue(removed.body().isBlank() || removed.body().contains("closed"), removed.body());
            assertEquals(200, watch.unsubscribe().status());
        }
        assertFalse(events.stream().anyMatch(e -> e.startsWith("failed")), events.toString());
        assertEquals("ended", events.get(events.size() - 1));
    }

    @Test
    void anEtagTheServerDoesNotKnowIsAnswered412AndTheFullStateIsPublishedAgain() throws Exception {
        Publication p = bob.publish(PublicationRequest.builder().expires(Duration.ofSeconds(60)).build(), listener);
        String real = p.update(pidf(Basic.OPEN, "before the restart")).get(15, TimeUnit.SECONDS).etag();
        String unknown = "a.1700000000.99999.1.0";
        try {
            ((PublicationUsage) p).replaceEtagForTesting(unknown).get(5, TimeUnit.SECONDS);
            PublicationResult again = p.update(pidf(Basic.OPEN, "after the restart")).get(15, TimeUnit.SECONDS);
            assertNotEquals(unknown, again.etag());
            assertNotEquals(real, again.etag());
            assertFalse(events.stream().anyMatch(e -> e.startsWith("failed")), events.toString());
            try (RawSip alice = RawSip.connect(server, "alice").timeout(Duration.ofSeconds(10))) {
                RawSip.Subscription watch = alice.subscribe(server.aor("bob"), "presence", 60);
                awaitBody(watch, b -> b.contains("after the restart"));
                assertEquals(200, watch.unsubscribe().status());
            }
            p.end().get(15, TimeUnit.SECONDS);
        } finally {
            // the publication the server still holds under the real tag: remove it too
            Publication old = bob.publish(PublicationRequest.builder().build(), null);
            ((PublicationUsage) old).replaceEtagForTesting(real).get(5, TimeUnit.SECONDS);
            old.end().get(15, TimeUnit.SECONDS);
        }
    }

    /** The NOTIFYs of {@code watch} until one whose body matches; bounded. */
    private static RawSip.Message awaitBody(RawSip.Subscription watch, Predicate<String> wanted) {
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < MAX_NOTIFIES; i++) {
            RawSip.Message n = watch.nextNotify();
            if ("active".equals(n.subscriptionSubstate()) && wanted.test(n.body())) {
                return n;
            }
            seen.add(n.subscriptionState() + "\n" + n.body());
        }
        throw new AssertionError("no matching NOTIFY; seen:\n" + String.join("\n----\n", seen));
    }

    private void putRules(Rule... rules) {
        byte[] body = ApplicationUsage.OMA_PRES_RULES.codec().write(Ruleset.of(rules));
        XcapResponse r = bobXcap.put(rulesUri, ApplicationUsage.OMA_PRES_RULES.mimeType(), body).join();
        assertTrue(r.status() == 200 || r.status() == 201, () -> "PUT pres-rules: " + r.status());
    }

    private Rule rule(String watcher, SubHandling handling) {
        return Rule.builder(watcher + "-" + handling.token()).conditions(Identity.ofUris(server.aor(watcher)))
                .subHandling(handling).build();
    }
}
