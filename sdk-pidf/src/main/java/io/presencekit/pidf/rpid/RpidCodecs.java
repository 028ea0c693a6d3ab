package io.presencekit.pidf.rpid;

import io.presencekit.pidf.rpid.internal.ActivitiesCodec;
import io.presencekit.pidf.rpid.internal.ClassCodec;
import io.presencekit.pidf.rpid.internal.MoodCodec;
import io.presencekit.pidf.rpid.internal.PlaceIsCodec;
import io.presencekit.pidf.rpid.internal.PlaceTypeCodec;
import io.presencekit.pidf.rpid.internal.PrivacyCodec;
import io.presencekit.pidf.rpid.internal.RelationshipCodec;
import io.presencekit.pidf.rpid.internal.ServiceClassCodec;
import io.presencekit.pidf.rpid.internal.SphereCodec;
import io.presencekit.pidf.rpid.internal.StatusIconCodec;
import io.presencekit.pidf.rpid.internal.TimeOffsetCodec;
import io.presencekit.pidf.rpid.internal.UserInputCodec;
import io.presencekit.xml.ExtensionCodec;
import java.util.List;

/**
 * The codecs for every RFC 4480 element, to register on a
 * {@link io.presencekit.pidf.PidfCodec.Builder}. The codecs are immutable and thread-safe.
 */
public final class RpidCodecs {
    private static final List<ExtensionCodec<?>> CODECS = List.of(new ActivitiesCodec(), new ClassCodec(),
            new MoodCodec(), new PlaceIsCodec(), new PlaceTypeCodec(), new PrivacyCodec(), new RelationshipCodec(),
            new ServiceClassCodec(), new SphereCodec(), new StatusIconCodec(), new TimeOffsetCodec(),
            new UserInputCodec());

    private RpidCodecs() {
    }

    /**
     * One codec per RPID element: activities, class, mood, place-is, place-type, privacy,
     * relationship, service-class, sphere, status-icon, time-offset and user-input.
     */
    public static List<ExtensionCodec<?>> codecs() {
        return CODECS;
    }
}
