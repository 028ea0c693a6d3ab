package io.presencekit.pidf.caps;

import io.presencekit.xml.ExtensionCodec;
import java.util.List;

/**
 * The codecs for user agent capabilities (RFC 5196) with the AG Projects flags: register them with
 * {@code PidfCodec.builder().register(...)} to read {@code caps:servcaps} as
 * {@link ServiceCapabilities} and {@code caps:devcaps} as {@link DeviceCapabilities}.
 *
 * <p>The codecs are immutable and thread-safe.
 */
public final class CapsCodecs {
    private static final List<ExtensionCodec<?>> CODECS = List.of(new ServiceCapabilitiesCodec(),
            new DeviceCapabilitiesCodec());

    private CapsCodecs() {
    }

    /** The codecs for {@code servcaps} and {@code devcaps}. */
    public static List<ExtensionCodec<?>> codecs() {
        return CODECS;
    }
}
