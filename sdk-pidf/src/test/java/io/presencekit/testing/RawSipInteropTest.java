package io.presencekit.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@link RawSip} against the interop server: digest challenges, REGISTER, SUBSCRIBE/NOTIFY over one connection. */
@Tag(Interop.TAG)
class RawSipInteropTest {
    private final Interop.Server server = Interop.server();

    @Test
    void registerAnswersTheChallenge() {
        try (RawSip carol = RawSip.connect(server, "carol")) {
            RawSip.Message ok = carol.register(60);
            assertEquals(200, ok.status(), () -> String.join("\n----\n", carol.transcript()));
            assertTrue(carol.transcript().get(1).startsWith("< SIP/2.0 401"), carol.transcript().get(1));
            assertTrue(ok.headers("Contact").stream().anyMatch(c -> c.contains(":" + carol.localPort() + ";transport=tcp")),
                    ok::raw);
            assertEquals(200, carol.register(0).status());
        }
    }

    @Test
    void subscribeGetsNotifiesOverTheSameConnection() {
        try (RawSip carol = RawSip.connect(server, "carol")) {
            // the owner's own watcher information: always allowed, whatever the pres-rules say
            RawSip.Subscription s = carol.subscribe(server.aor("carol"), "presence.winfo", 60);
            assertEquals(200, s.response().status(), () -> String.join("\n----\n", carol.transcript()));
            assertTrue(carol.transcript().get(1).startsWith("< SIP/2.0 407"), carol.transcript().get(1));
            RawSip.Message notify = s.nextNotify();
            assertEquals("active", notify.subscriptionSubstate(), notify::raw);
            assertTrue(notify.body().contains("watcherinfo"), notify::raw);
            assertEquals(200, s.unsubscribe().status());
            RawSip.Message last = s.nextNotify();
            assertEquals("terminated", last.subscriptionSubstate(), last::raw);
        }
    }
}
