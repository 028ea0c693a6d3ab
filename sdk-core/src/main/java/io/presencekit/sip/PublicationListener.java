package io.presencekit.sip;

import java.time.Duration;
import java.util.Optional;

/**
 * What a {@link Publication} reports (RFC 3903, section 4). All methods have empty defaults.
 * Called on the engine's event loop, one call at a time and in order: return quickly and do not
 * block.
 */
public interface PublicationListener {

    /** A PUBLISH (initial, refresh or modify) succeeded; {@code result} carries the new entity tag. */
    default void published(PublicationResult result) {
    }

    /**
     * A PUBLISH failed.
     *
     * @param error   why
     * @param retryIn when it is sent again, or empty when the retry policy gave up (state FAILED)
     */
    default void failed(SipException error, Optional<Duration> retryIn) {
    }

    /** The server does not support PUBLISH or this event package (405, 489, 501); the publication stopped. */
    default void unsupported(SipNotSupportedException error) {
    }

    /** The publication ended: removed from the server after {@link Publication#end()}. */
    default void ended() {
    }
}
