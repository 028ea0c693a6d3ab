package io.presencekit.pidf.timed;

import io.presencekit.xml.ExtensionCodec;
import java.util.List;

/**
 * The codec for timed presence (RFC 4481): register it with
 * {@code PidfCodec.builder().register(...)} to read {@code ts:timed-status} as {@link TimedStatus}.
 *
 * <p>The codec is immutable and thread-safe.
 */
public final class TimedStatusCodecs {
    private static final List<ExtensionCodec<?>> CODECS = List.of(new TimedStatusCodec());

    private TimedStatusCodecs() {
    }

    /** The codec for {@code ts:timed-status}. */
    public static List<ExtensionCodec<?>> codecs() {
        return CODECS;
    }
}
