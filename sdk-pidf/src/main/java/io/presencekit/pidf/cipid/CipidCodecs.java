package io.presencekit.pidf.cipid;

import io.presencekit.xml.ExtensionCodec;
import java.util.List;

/**
 * The codecs for the CIPID elements (RFC 4482): register them with
 * {@code PidfCodec.builder().register(...)} to read {@code c:card}, {@code c:display-name},
 * {@code c:homepage}, {@code c:icon}, {@code c:map} and {@code c:sound} as {@link Card},
 * {@link DisplayName}, {@link Homepage}, {@link Icon}, {@link MapLocation} and {@link Sound},
 * wherever they appear (tuple or person).
 *
 * <p>The codecs are immutable and thread-safe.
 */
public final class CipidCodecs {
    private static final List<ExtensionCodec<?>> CODECS = List.of(
            new UriElementCodec<>(Card.QNAME, Card.class, Card::new, Card::value, Card::attributes),
            new DisplayNameCodec(),
            new UriElementCodec<>(Homepage.QNAME, Homepage.class, Homepage::new, Homepage::value,
                    Homepage::attributes),
            new UriElementCodec<>(Icon.QNAME, Icon.class, Icon::new, Icon::value, Icon::attributes),
            new UriElementCodec<>(MapLocation.QNAME, MapLocation.class, MapLocation::new, MapLocation::value,
                    MapLocation::attributes),
            new UriElementCodec<>(Sound.QNAME, Sound.class, Sound::new, Sound::value, Sound::attributes));

    private CipidCodecs() {
    }

    /** One codec per CIPID element, in the order RFC 4482 lists them. */
    public static List<ExtensionCodec<?>> codecs() {
        return CODECS;
    }
}
