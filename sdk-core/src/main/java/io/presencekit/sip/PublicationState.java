package io.presencekit.sip;

/**
 * Where a {@link Publication} stands (RFC 3903, section 4). Immutable.
 */
public enum PublicationState {
    /** Nothing published yet: no body was given. */
    IDLE,
    /** A PUBLISH is on its way and nothing is known to be published. */
    PUBLISHING,
    /** The server holds our state under {@link Publication#etag()} and we keep refreshing it. */
    PUBLISHED,
    /** The last PUBLISH failed; it is sent again after the delay given to the listener. */
    RETRYING,
    /** The last PUBLISH failed and the retry policy gave up; a new {@code update} starts over. */
    FAILED,
    /** The server does not support PUBLISH or the event package (405, 489, 501); nothing more is sent. */
    UNSUPPORTED,
    /** {@link Publication#end()} was called; the removal is on its way. */
    ENDING,
    /** Removed (or never published) and ended; nothing is ever sent again. */
    ENDED
}
