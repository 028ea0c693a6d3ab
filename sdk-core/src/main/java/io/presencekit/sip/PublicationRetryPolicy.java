package io.presencekit.sip;

import io.presencekit.sip.internal.Backoff;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;

/**
 * Decides whether a failed PUBLISH is sent again, and when (RFC 3903, section 4; RFC 3261,
 * section 20.33 for Retry-After). Consulted only for failures the publication cannot repair by
 * itself: 412 (a fresh full PUBLISH at once), 423 (the server's Min-Expires, at once), 401/407
 * (answered by the engine) and 405/489/501 (reported as unsupported, never retried) never reach it.
 *
 * <p>The {@linkplain #standard() standard policy}: retry timeouts, transport errors (status 0),
 * 408, 480 and every 5xx, after the server's Retry-After when it sent one, else after an
 * exponential back-off with full jitter from 2 s doubling up to 5 minutes (never below 1 s); give
 * up on everything else (403 and failed authentication, 400, 404, 415, other 4xx and 6xx), as
 * sending the same request again cannot succeed.
 *
 * <p>Implementations must be thread-safe and return quickly; they are called on the engine's
 * event loop.
 */
@FunctionalInterface
public interface PublicationRetryPolicy {

    /**
     * When to try again after {@code error}.
     *
     * @param error   why the PUBLISH failed; status 0 for timeouts and transport errors
     * @param attempt how many failures came right before this one (0 for the first)
     * @return the delay before the next attempt, or empty to give up
     */
    Optional<Duration> retryDelay(SipException error, int attempt);

    /** The standard policy described above. */
    static PublicationRetryPolicy standard() {
        return exponential(Duration.ofSeconds(2), Duration.ofMinutes(5), new Random());
    }

    /**
     * The standard decisions with another back-off curve: a uniform draw in
     * {@code [0, min(cap, base * 2^attempt)]}, at least one second (or {@code cap} when smaller),
     * from {@code random} (seed it for reproducible tests).
     */
    static PublicationRetryPolicy exponential(Duration base, Duration cap, Random random) {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= cap: " + base + ", " + cap);
        }
        Duration floor = cap.compareTo(Duration.ofSeconds(1)) < 0 ? cap : Duration.ofSeconds(1);
        Backoff backoff = new Backoff(base, cap, floor, random);
        return (error, attempt) -> {
            if (!retryable(error)) {
                return Optional.empty();
            }
            return Optional.of(error.retryAfter().orElseGet(() -> backoff.delay(attempt)));
        };
    }

    /**
     * Whether the standard policy retries {@code error}: no response (status 0), 408, 480 or a
     * 5xx other than 501, and never an authentication failure or an unsupported request.
     */
    static boolean retryable(SipException error) {
        if (error instanceof SipAuthenticationException || error instanceof SipNotSupportedException) {
            return false;
        }
        int s = error.status();
        return s == 0 || s == 408 || s == 480 || (s >= 500 && s < 600 && s != 501);
    }
}
