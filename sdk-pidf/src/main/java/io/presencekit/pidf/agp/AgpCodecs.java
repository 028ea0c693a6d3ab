package io.presencekit.pidf.agp;

import io.presencekit.xml.ExtensionCodec;
import java.util.List;

/**
 * The codecs for the AG Projects PIDF extensions: register them with
 * {@code PidfCodec.builder().register(...)} to read {@code agp-pidf:extended},
 * {@code agp-pidf:type} and {@code agp-pidf:device-info} as {@link ExtendedStatus},
 * {@link StatusType} and {@link DeviceInfo}.
 *
 * <p>The codecs are immutable and thread-safe.
 */
public final class AgpCodecs {
    private static final List<ExtensionCodec<?>> CODECS = List.of(new ExtendedStatusCodec(), new StatusTypeCodec(),
            new DeviceInfoCodec());

    private AgpCodecs() {
    }

    /** The codecs for extended status, status type and device-info. */
    public static List<ExtensionCodec<?>> codecs() {
        return CODECS;
    }
}
