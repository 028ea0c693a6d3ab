package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.testing.Interop;
import io.presencekit.testing.RawSip;
import io.presencekit.xcap.policy.Identity;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.SubHandling;
import io.presencekit.xcap.usage.ApplicationUsage;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Presence authorization end to end: the presentity (bob) writes typed OMA pres-rules through the
 * XCAP client, watchers (carol, alice) SUBSCRIBE over raw SIP ({@link RawSip}) and the first NOTIFY
 * of each new subscription shows the server's decision.
 *
 * <p>What Kamailio 5.6 does here (interop/kamailio/NOTES.md, "Presence"): every SUBSCRIBE gets 200 OK,
 * the decision is in the first NOTIFY's {@code Subscription-State}: {@code allow} → {@code active},
 * {@code block} → {@code terminated;reason=rejected} (not a 403), no rule → {@code pending}. Decisions
 * are cached per (presentity, watcher) in the watchers table and re-evaluated on every pres-rules PUT
 * ({@code pres_update_watchers}), so a new subscription after a PUT sees the new rules.
 *
 * <p>The presentity is bob, so alice's documents stay free for the other tests; Kamailio reads only
 * the first pres-rules document of a presentity, so this test owns bob's pres-rules while it runs
 * (interop tests run one after the other). It leaves both watchers pending ({@code confirm} rules,
 * then the document is deleted; deleting alone would revoke nothing) so that repeated runs, and
 * other tests, start from the state of a fresh server.
 */
@Tag(Interop.TAG)
class PresRulesAuthorizationInteropTest {
    private static final int RESET_ATTEMPTS = 4;
    private final Interop.Server server = Interop.server();
    private final XcapClient bobXcap = XcapClient.builder(server.xcapRoot())
            .credentials("bob", server.password().toCharArray()).compatibility(XcapCompatibility.KAMAILIO)
            .responseTimeout(Duration.ofSeconds(10)).build();
    private final XcapUri rulesUri = bobXcap.uri().auid(ApplicationUsage.OMA_PRES_RULES.auid())
            .user(server.aor("bob")).document(ApplicationUsage.OMA_PRES_RULES.defaultDocumentName()).build();

    @AfterEach
    void cleanUp() {
        try {
            putRules(rule("carol", SubHandling.CONFIRM), rule("alice", SubHandling.CONFIRM));
        } finally {
            try {
                bobXcap.delete(rulesUri).exceptionally(e -> null).join();
            } finally {
                bobXcap.close();
            }
        }
    }

    @Test
    void allowThenBlockDecidesEachNewSubscription() {
        putRules(rule("carol", SubHandling.ALLOW));
        Decision allowed = subscribe("carol");
        assertEquals(200, allowed.response().status(), allowed::toString);
        assertEquals("active", allowed.firstNotify().subscriptionSubstate(), allowed::toString);
        assertTrue(allowed.firstNotify().subscriptionStateParam("expires").isPresent(), allowed::toString);

        putRules(rule("carol", SubHandling.BLOCK));
        Decision blocked = subscribe("carol");
        assertNotEquals(allowed.callId(), blocked.callId());
        // Kamailio accepts the SUBSCRIBE and refuses in the NOTIFY (RFC 6665 allows both)
        assertEquals(200, blocked.response().status(), blocked::toString);
        assertEquals("terminated", blocked.firstNotify().subscriptionSubstate(), blocked::toString);
        assertEquals(Optional.of("rejected"), blocked.firstNotify().subscriptionStateParam("reason"), blocked::toString);
        assertEquals("", blocked.firstNotify().body(), blocked::toString);
    }

    @Test
    void watcherWithoutRuleIsPending() {
        // alice may have been allowed by an earlier test: a PUT without her rule would then leave
        // her "terminated;reason=probation"; a confirm rule brings her back to pending first
        resetToPending("alice");
        putRules(rule("carol", SubHandling.ALLOW));
        Decision none = subscribe("alice");
        assertEquals(200, none.response().status(), none::toString);
        assertEquals("pending", none.firstNotify().subscriptionSubstate(), none::toString);
        assertEquals("", none.firstNotify().body(), none::toString);
    }

    /** The first decision of a new subscription: the SUBSCRIBE's final response and the first NOTIFY. */
    private record Decision(String callId, RawSip.Message response, RawSip.Message firstNotify, List<String> transcript) {
        @Override
        public String toString() {
            return response.startLine() + " / NOTIFY " + firstNotify.subscriptionState() + "\n"
                    + String.join("\n----\n", transcript);
        }
    }

    /** A new subscription (new connection, Call-ID and tags) from {@code watcher} to bob's presence; ended again. */
    private Decision subscribe(String watcher) {
        try (RawSip sip = RawSip.connect(server, watcher)) {
            RawSip.Subscription s = sip.subscribe(server.aor("bob"), "presence", 60);
            assertTrue(s.response().status() >= 200 && s.response().status() < 300,
                    () -> "SUBSCRIBE: " + String.join("\n----\n", sip.transcript()));
            RawSip.Message notify = s.nextNotify();
            assertEquals(s.response().toTag(), notify.header("From").map(RawSip.Message::tagOf).orElseThrow(),
                    "NOTIFY From tag = 2xx To tag");
            if (!"terminated".equals(notify.subscriptionSubstate())) {
                assertEquals(200, s.unsubscribe().status());
                s.awaitNotify("terminated");
            }
            return new Decision(s.callId(), s.response(), notify, sip.transcript());
        }
    }

    private void resetToPending(String watcher) {
        String state = "";
        for (int i = 0; i < RESET_ATTEMPTS && !"pending".equals(state); i++) {
            putRules(rule(watcher, SubHandling.CONFIRM));
            state = subscribe(watcher).firstNotify().subscriptionSubstate();
        }
        assertEquals("pending", state, watcher + " could not be brought back to pending with a confirm rule");
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
