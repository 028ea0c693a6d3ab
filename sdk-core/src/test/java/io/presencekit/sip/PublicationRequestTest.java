package io.presencekit.sip;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Defaults, validation and the standard retry decisions of a publication. */
class PublicationRequestTest {

    @Test
    void defaultsArePresencePidfAccountIntervalAndAor() {
        PublicationRequest r = PublicationRequest.builder().build();
        assertEquals("presence", r.event());
        assertEquals("application/pidf+xml", r.contentType());
        assertEquals(Optional.empty(), r.expires());
        assertEquals(Optional.empty(), r.target());
        assertEquals(Optional.empty(), r.body());
    }

    @Test
    void bodyIsCopiedAndToBuilderKeepsEverything() {
        byte[] body = "x".getBytes(UTF_8);
        PublicationRequest r = PublicationRequest.builder().event("dialog").contentType("application/xml; charset=UTF-8")
                .expires(Duration.ofSeconds(60)).target("sip:a@example.com").body(body).build();
        body[0] = 'y';
        assertArrayEquals("x".getBytes(UTF_8), r.body().orElseThrow());
        assertNotSame(r.body().orElseThrow(), r.body().orElseThrow());
        assertEquals(r, r.toBuilder().build());
        assertEquals("application/xml; charset=utf-8", r.contentType());
    }

    @Test
    void rejectsBadValues() {
        var b = PublicationRequest.builder();
        assertThrows(IllegalArgumentException.class, () -> b.event("presence;id=7"));
        assertThrows(IllegalArgumentException.class, () -> b.contentType("pidf"));
        assertThrows(IllegalArgumentException.class, () -> b.expires(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> b.expires(Duration.ofDays(2)));
        assertThrows(IllegalArgumentException.class, () -> b.target("mailto:a@example.com"));
        assertThrows(IllegalArgumentException.class, () -> b.body(new byte[0]));
    }

    @Test
    void standardPolicyRetriesOnlyWhatCanHeal() {
        PublicationRetryPolicy p = PublicationRetryPolicy.exponential(Duration.ofSeconds(2), Duration.ofMinutes(5),
                new Random(9));
        assertTrue(p.retryDelay(new SipTimeoutException("PUBLISH: timed out"), 0).isPresent());
        assertTrue(p.retryDelay(new SipException("x", 408, "Request Timeout", null, null), 0).isPresent());
        assertTrue(p.retryDelay(new SipException("x", 500, "Server Error", null, null), 0).isPresent());
        assertEquals(Optional.of(Duration.ofSeconds(30)),
                p.retryDelay(new SipException("x", 503, "Unavailable", Duration.ofSeconds(30), null), 7));
        assertEquals(Optional.empty(), p.retryDelay(new SipException("x", 415, "Unsupported Media Type", null, null), 0));
        assertEquals(Optional.empty(), p.retryDelay(new SipAuthenticationException("x", 403, "Forbidden"), 0));
        assertEquals(Optional.empty(), p.retryDelay(new SipNotSupportedException("x", 501, "Not Implemented", null), 0));
        assertEquals(Optional.empty(), p.retryDelay(new SipException("x", 603, "Decline", null, null), 0));
    }
}
