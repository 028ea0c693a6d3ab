package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.device;
import static io.presencekit.pidf.rpid.RpidFixtures.person;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.tuple;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UserInputTest {
    @Test
    void readsStateThresholdAndLastInputOnDevice() {
        UserInput u = readValid(device("<rpid:user-input idle-threshold=\"600\""
                + " last-input=\"2024-03-01T13:20:00.000-05:00\" id=\"ui\">idle</rpid:user-input>"), UserInput.class);
        assertEquals(UserInput.State.IDLE, u.state());
        assertEquals(Optional.of(600), u.idleThreshold());
        assertTrue(u.lastInput().orElseThrow().isEqual(OffsetDateTime.parse("2024-03-01T18:20:00Z")));
        assertEquals(Optional.of("ui"), u.id());
    }

    @Test
    void readsBareStateOnPersonAndTuple() {
        assertEquals(UserInput.of(UserInput.State.ACTIVE), readValid(person("<rpid:user-input> active </rpid:user-input>"),
                UserInput.class));
        assertEquals(UserInput.of(UserInput.State.IDLE), readValid(tuple("<rpid:user-input>idle</rpid:user-input>"),
                UserInput.class));
    }

    @Test
    void roundTripsWithUnknownAttributes() {
        String xml = device("<rpid:user-input x:device=\"kbd\" idle-threshold=\"300\""
                + " last-input=\"2024-03-01T13:20:00+01:00\">active</rpid:user-input>");
        assertEquals(Map.of(vendor("device"), "kbd"), readValid(xml, UserInput.class).attributes());
        String written = assertValidRoundTrip(read(xml));
        assertTrue(written.contains("last-input=\"2024-03-01T13:20:00+01:00\""), written);
    }

    @Test
    void badValuesAreUnreadable() {
        assertUnreadable(person("<rpid:user-input>asleep</rpid:user-input>"), UserInput.QNAME);
        assertUnreadable(person("<rpid:user-input>IDLE</rpid:user-input>"), UserInput.QNAME);
        assertUnreadable(person("<rpid:user-input idle-threshold=\"0\">idle</rpid:user-input>"), UserInput.QNAME);
        assertUnreadable(person("<rpid:user-input idle-threshold=\"ten\">idle</rpid:user-input>"), UserInput.QNAME);
        assertUnreadable(person("<rpid:user-input last-input=\"13:20\">idle</rpid:user-input>"), UserInput.QNAME);
    }

    @Test
    void equalityComparesLastInputAsAnInstant() {
        UserInput a = UserInput.builder(UserInput.State.IDLE)
                .lastInput(OffsetDateTime.parse("2024-03-01T13:20:00+01:00")).build();
        UserInput b = a.toBuilder().lastInput(OffsetDateTime.parse("2024-03-01T12:20:00Z")).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, b.toBuilder().state(UserInput.State.ACTIVE).build());
    }

    @Test
    void builderRefusesNonPositiveThreshold() {
        assertThrows(IllegalArgumentException.class,
                () -> UserInput.builder(UserInput.State.IDLE).idleThreshold(0));
        assertThrows(NullPointerException.class, () -> UserInput.of(null));
    }
}
