package io.presencekit.sip.internal;

import java.time.Duration;
import java.util.Optional;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.MinExpiresHeader;
import javax.sip.header.RetryAfterHeader;
import javax.sip.message.Message;

/**
 * Reads the timing headers a client must obey: Retry-After (RFC 3261, section 20.33), Min-Expires
 * (section 20.23) and Expires (section 20.19). Malformed or absent values give an empty Optional,
 * never an exception. Stateless.
 */
public final class SipHeaders {
    private SipHeaders() {
    }

    /** Retry-After as a duration (its comment and duration parameter ignored). */
    public static Optional<Duration> retryAfter(Message message) {
        try {
            RetryAfterHeader h = (RetryAfterHeader) message.getHeader(RetryAfterHeader.NAME);
            return h == null || h.getRetryAfter() < 0 ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(h.getRetryAfter()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** Min-Expires of a 423 answer. */
    public static Optional<Duration> minExpires(Message message) {
        try {
            MinExpiresHeader h = (MinExpiresHeader) message.getHeader(MinExpiresHeader.NAME);
            return h == null || h.getExpires() < 0 ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(h.getExpires()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The Expires header. */
    public static Optional<Duration> expires(Message message) {
        try {
            ExpiresHeader h = message.getExpires();
            return h == null || h.getExpires() < 0 ? Optional.empty()
                    : Optional.of(Duration.ofSeconds(h.getExpires()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * When to refresh something that expires after {@code expires}: {@code max(1 s, expires - 30 s,
     * expires / 2)}, as the reference client does: long lifetimes 30 s early, short ones half-way.
     */
    public static Duration refreshDelay(Duration expires) {
        long s = expires.toSeconds();
        long delay = s > 60 ? s - 30 : s / 2;
        return Duration.ofSeconds(Math.max(1, delay));
    }
}
