package io.presencekit.pidf.internal;

import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.agp.AgpCodecs;
import io.presencekit.pidf.caps.CapsCodecs;
import io.presencekit.pidf.cipid.CipidCodecs;
import io.presencekit.pidf.rpid.RpidCodecs;
import io.presencekit.pidf.timed.TimedStatusCodecs;
import io.presencekit.xml.ExtensionRegistry;

/** The registry every {@link io.presencekit.pidf.PidfCodec} starts from. */
public final class StandardExtensions {
    private static final ExtensionRegistry REGISTRY = ExtensionRegistry.builder()
            .prefix(Namespaces.PIDF, "pidf")
            .prefix(Namespaces.DATA_MODEL, "dm")
            .prefix(Namespaces.RPID, "rpid")
            .prefix(Namespaces.CIPID, "c")
            .prefix(Namespaces.CAPS, "caps")
            .prefix(Namespaces.TIMED_STATUS, "ts")
            .prefix(Namespaces.AGP_PIDF, "agp-pidf")
            .prefix(Namespaces.AGP_CAPS, "agp-caps")
            .prefix(Namespaces.LOCATION_TYPE, "lt")
            .register(new DeviceIdCodec())
            .registerAll(RpidCodecs.codecs())
            .registerAll(CipidCodecs.codecs())
            .registerAll(CapsCodecs.codecs())
            .registerAll(TimedStatusCodecs.codecs())
            .registerAll(AgpCodecs.codecs())
            .build();

    private StandardExtensions() {
    }

    /** Data-model deviceID, RPID, CIPID, caps, timed status and the AG Projects extensions. */
    public static ExtensionRegistry registry() {
        return REGISTRY;
    }
}
