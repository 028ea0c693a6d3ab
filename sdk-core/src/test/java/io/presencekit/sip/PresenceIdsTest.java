package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ids of the account's own presence document, as Blink derives them. */
class PresenceIdsTest {
    private static final String INSTANCE = "urn:uuid:a8f3c7e2-4b1d-4e9a-9f6c-2d7e8b5a1c30";

    @Test
    void idsFollowBlink() {
        PresenceIds ids = PresenceIds.of("sip:alice@example.com", INSTANCE);
        assertEquals("SID-a8f3c7e2-4b1d-4e9a-9f6c-2d7e8b5a1c30", ids.tupleId());
        // md5("alice@example.com"): the person id of Blink's document for this account
        assertEquals("PID-c160f8cc69a4f0bf2b0362752353d060", ids.personId());
        assertEquals("DID-a8f3c7e2-4b1d-4e9a-9f6c-2d7e8b5a1c30", ids.deviceId());
        assertEquals(INSTANCE, ids.deviceUrn());
        assertEquals("a8f3c7e2-4b1d-4e9a-9f6c-2d7e8b5a1c30", ids.instanceUuid());
        assertEquals("SID-c160f8cc69a4f0bf2b0362752353d060", ids.offlineTupleId());
    }

    @Test
    void schemeAndUriParametersDoNotChangeThePersonId() {
        assertEquals(PresenceIds.of("sip:alice@example.com", INSTANCE),
                PresenceIds.of("sips:alice@example.com;transport=tls", INSTANCE.toUpperCase().replace("URN:UUID", "urn:uuid")));
    }

    @Test
    void idsAreStableAcrossRunsOfTheSameAccount(@TempDir Path state) {
        SipAccount first = SipAccount.builder("sip:bob@example.com").stateDirectory(state).build();
        SipAccount second = SipAccount.builder("sip:bob@example.com").stateDirectory(state).build();
        assertEquals(PresenceIds.of(first), PresenceIds.of(second));
        SipAccount otherDevice = SipAccount.builder("sip:bob@example.com").stateDirectory(state.resolve("other"))
                .build();
        PresenceIds a = PresenceIds.of(first);
        PresenceIds b = PresenceIds.of(otherDevice);
        assertEquals(a.personId(), b.personId(), "one person per account");
        assertNotEquals(a.tupleId(), b.tupleId(), "one tuple per device");
        assertNotEquals(a.deviceId(), b.deviceId());
    }

    @Test
    void rejectsWhatIsNotAnInstanceUrnOrAnAor() {
        assertThrows(IllegalArgumentException.class, () -> PresenceIds.of("sip:alice@example.com", "urn:uuid:nope"));
        assertThrows(IllegalArgumentException.class, () -> PresenceIds.of("sip:example.com", INSTANCE));
    }
}
