package io.presencekit.sip.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import javax.sip.SipFactory;
import javax.sip.message.Response;
import org.junit.jupiter.api.Test;

class SipHeadersTest {

    private static Response parse(String headers) throws Exception {
        SipFactory f = SipFactory.getInstance();
        f.setPathName("gov.nist");
        return f.createMessageFactory().createResponse("SIP/2.0 503 Service Unavailable\r\n"
                + "Via: SIP/2.0/TCP 127.0.0.1:5060;branch=z9hG4bK1\r\nFrom: <sip:a@b>;tag=1\r\nTo: <sip:a@b>\r\n"
                + "Call-ID: x\r\nCSeq: 1 REGISTER\r\n" + headers + "Content-Length: 0\r\n\r\n");
    }

    @Test
    void refreshesThirtySecondsEarlyOrHalfWay() {
        assertEquals(Duration.ofSeconds(570), SipHeaders.refreshDelay(Duration.ofSeconds(600)));
        assertEquals(Duration.ofSeconds(30), SipHeaders.refreshDelay(Duration.ofSeconds(60)));
        assertEquals(Duration.ofSeconds(5), SipHeaders.refreshDelay(Duration.ofSeconds(10)));
        assertEquals(Duration.ofSeconds(1), SipHeaders.refreshDelay(Duration.ofSeconds(1)));
    }

    @Test
    void readsRetryAfterWithCommentAndMinExpires() throws Exception {
        Response r = parse("Retry-After: 120 (maintenance);duration=60\r\nMin-Expires: 1800\r\n");
        assertEquals(Duration.ofSeconds(120), SipHeaders.retryAfter(r).orElseThrow());
        assertEquals(Duration.ofSeconds(1800), SipHeaders.minExpires(r).orElseThrow());
        assertFalse(SipHeaders.expires(r).isPresent());
        assertTrue(SipHeaders.retryAfter(parse("")).isEmpty());
    }

    @Test
    void traceRedactsCredentials() {
        String redacted = Slf4jServerLogger.redact("REGISTER sip:x SIP/2.0\r\nAuthorization: Digest username=\"bob\","
                + " response=\"abc\"\r\nproxy-authorization: Digest response=\"def\"\r\nTo: <sip:x>\r\n");
        assertFalse(redacted.contains("abc") || redacted.contains("def"), redacted);
        assertTrue(redacted.contains("Authorization: <redacted>") && redacted.contains("To: <sip:x>"), redacted);
    }
}
