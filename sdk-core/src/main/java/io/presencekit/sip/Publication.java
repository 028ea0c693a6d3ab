package io.presencekit.sip;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One event state publication (RFC 3903), made by {@link SipEngine#publish}. It keeps the latest
 * state published: the initial PUBLISH carries the body; each 2xx's SIP-ETag is kept (always the
 * latest); before the granted expiry runs out a body-less refresh with {@code SIP-If-Match} goes
 * out (section 4.2); {@link #update} sends the new body with {@code SIP-If-Match} (section 4.4);
 * {@link #end} removes it with {@code Expires: 0} (section 4.5).
 *
 * <p>Only one PUBLISH is in flight at a time; updates made meanwhile collapse into one PUBLISH of
 * the latest body. A 412 (the server forgot our entity tag, e.g. after a restart) is answered at
 * once with a fresh full PUBLISH of the current state; a 423 with the server's Min-Expires; 401/407
 * by the engine's digest authentication; other failures go to the {@link PublicationRetryPolicy}
 * (Retry-After, then jittered back-off). 405, 489 and 501 stop the publication
 * ({@link PublicationState#UNSUPPORTED}). When the connection to the server comes back after a
 * failure, or a refresh times out, the full current state is sent again.
 *
 * <p>Thread-safe: every method may be called from any thread; the state lives on the engine's
 * event loop.
 */
public interface Publication {

    /** The request this publication was made from. */
    PublicationRequest request();

    /** The current state. */
    PublicationState state();

    /** The entity tag of the last 2xx, while published. */
    Optional<String> etag();

    /**
     * Publishes {@code body} as the new state (the first PUBLISH, or a modify with
     * {@code SIP-If-Match}). Completes when this state, or a later one that replaced it, is
     * published; fails with the {@link SipException} of the failure the publication finally gives
     * up on, with {@link java.util.concurrent.CancellationException} when {@link #end()} comes
     * first, and with {@link IllegalStateException} when the publication has already ended or is
     * unsupported.
     *
     * @throws IllegalArgumentException when {@code body} is empty (use {@link #refresh()} or {@link #end()})
     */
    CompletableFuture<PublicationResult> update(byte[] body);

    /**
     * Refreshes now: a body-less PUBLISH with {@code SIP-If-Match}, or the full state when no entity
     * tag is known. Completes with the next successful PUBLISH; fails like {@link #update}, and with
     * {@link IllegalStateException} when nothing was ever published.
     */
    CompletableFuture<PublicationResult> refresh();

    /**
     * Removes the published state ({@code Expires: 0} with {@code SIP-If-Match}) and stops: a
     * PUBLISH in flight is waited for first, a pending retry is cancelled, and nothing is published
     * afterwards. Completes when the server answered the removal (at once when nothing is
     * published); fails with the {@link SipException} when the removal failed, after which the
     * state still expires at the server on its own. The publication is {@link PublicationState#ENDED}
     * either way.
     */
    CompletableFuture<Void> end();
}
