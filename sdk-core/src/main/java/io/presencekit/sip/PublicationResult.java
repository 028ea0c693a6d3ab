package io.presencekit.sip;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a 2xx to a PUBLISH granted (RFC 3903, section 4.1 and 6): the entity tag the server
 * assigned (SIP-ETag; empty when it sent none), the expiry it granted and when it answered.
 *
 * <p>Immutable and thread-safe.
 *
 * @param etag        the SIP-ETag of the 2xx, or "" when it carried none
 * @param expires     the granted expiry: the 2xx's Expires, else what we asked for
 * @param publishedAt when the 2xx arrived, on the engine's clock
 */
public record PublicationResult(String etag, Duration expires, Instant publishedAt) {
    public PublicationResult {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(expires, "expires");
        Objects.requireNonNull(publishedAt, "publishedAt");
    }
}
