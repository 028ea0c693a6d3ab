package io.presencekit.sip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SipAccountTest {
    @TempDir
    Path state;

    @Test
    void defaultsFollowTheAddressOfRecord() {
        SipAccount a = SipAccount.builder("sip:alice@example.com").password("pw".toCharArray())
                .stateDirectory(state).build();
        assertEquals("alice", a.authUser());
        assertEquals("example.com", a.domain());
        assertEquals(List.of(Transport.TLS, Transport.TCP), a.transports());
        assertEquals(600, a.registerInterval().toSeconds());
        assertTrue(a.userAgent().startsWith("PresenceKit/"));
    }

    @Test
    void instanceIdIsStableAcrossRunsPerAor() {
        String first = SipAccount.builder("sip:alice@example.com").stateDirectory(state).build().instanceId();
        String again = SipAccount.builder("sip:alice@example.com").stateDirectory(state).build().instanceId();
        String other = SipAccount.builder("sip:bob@example.com").stateDirectory(state).build().instanceId();
        assertTrue(first.matches("urn:uuid:[0-9a-f-]{36}"), first);
        assertEquals(first, again);
        assertNotEquals(first, other);
    }

    @Test
    void passwordIsCopiedAndNeverPrinted() {
        char[] pw = "hunter2".toCharArray();
        SipAccount a = SipAccount.builder("sip:alice@example.com").password(pw).stateDirectory(state).build();
        pw[0] = 'x';
        assertEquals("hunter2", new String(a.password()));
        assertFalse(a.toString().contains("hunter2"));
    }

    @Test
    void rejectsWhatIsNotASipAddressOfRecord() {
        assertThrows(IllegalArgumentException.class, () -> SipAccount.builder("alice@example.com"));
        assertThrows(IllegalArgumentException.class, () -> SipAccount.builder("sip:example.com"));
        assertThrows(IllegalArgumentException.class, () -> SipAccount.builder("sip:a@b").outboundProxy("http://x"));
    }
}
