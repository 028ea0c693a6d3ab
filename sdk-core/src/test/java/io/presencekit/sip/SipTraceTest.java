package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.sip.testing.ScriptedSipPeer;
import io.presencekit.sip.testing.ScriptedSipPeer.Reply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The SIP trace logs every message, with credentials redacted, and only when switched on. */
class SipTraceTest {
    @TempDir
    Path state;

    private String run(boolean trace) throws Exception {
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (ScriptedSipPeer peer = ScriptedSipPeer.tcp()) {
            peer.requireDigest("bob", "s3cret-Pa55", "example.com", "MD5", false)
                    .on("REGISTER", Reply.registrar(Duration.ofSeconds(600)));
            SipAccount account = SipAccount.builder("sip:bob@example.com").password("s3cret-Pa55".toCharArray())
                    .outboundProxy(peer.proxyUri()).stateDirectory(state).build();
            SipEngine engine = new SipEngine(account, SipSettings.builder().trace(trace).build(),
                    new SipEngineListener() { });
            System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
            try {
                engine.start().get(10, TimeUnit.SECONDS);
                engine.registration().register().get(10, TimeUnit.SECONDS);
            } finally {
                engine.closeNow();
                System.setErr(err);
            }
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void traceShowsEveryMessageWithCredentialsRedacted() throws Exception {
        String log = run(true);
        assertTrue(log.contains("REGISTER sip:"), "the REGISTER request is traced");
        assertTrue(log.contains("SIP/2.0 401"), "the challenge is traced");
        assertTrue(log.contains("SIP/2.0 200"), "the final response is traced");
        assertTrue(log.contains("Authorization: <redacted>"), "the credentials header is traced, redacted");
        Matcher digest = Pattern.compile("response=\"?[0-9a-f]{32}").matcher(log);
        assertFalse(digest.find(), "no digest response value in the trace");
        assertFalse(log.contains("s3cret-Pa55"), "no password in the trace");
    }

    @Test
    void noTraceUnlessSwitchedOn() throws Exception {
        String log = run(false);
        assertFalse(log.contains("REGISTER sip:"), log);
    }
}
