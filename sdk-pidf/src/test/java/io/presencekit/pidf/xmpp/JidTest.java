package io.presencekit.pidf.xmpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JidTest {
    @Test
    void parsesFullJidWithSlashesAndAtInResource() {
        Jid j = Jid.parse("juliet@Example.COM./balcony/a@b");
        assertEquals("juliet", j.local());
        assertEquals("example.com", j.domain());
        assertEquals("balcony/a@b", j.resource());
        assertEquals("juliet@example.com/balcony/a@b", j.toString());
        assertEquals(Jid.bare("juliet", "example.com"), j.bare());
        assertTrue(j.bare().isBare());
        assertFalse(j.isBare());
    }

    @Test
    void parsesDomainJid() {
        Jid j = Jid.parse("example.com/res");
        assertNull(j.local());
        assertEquals("example.com", j.bareString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "@example.com", "user@", "user@example.com/", "a b@example.com", "a:b@example.com",
        "user@exa mple.com", "user@example.com/\u0007"})
    void refusesInvalidJids(String text) {
        assertThrows(IllegalArgumentException.class, () -> Jid.parse(text));
    }

    @Test
    void enforcesPartLengthInBytes() {
        String ok = "\u00e9".repeat(511); // 1022 bytes
        Jid.bare(ok, "example.com");
        assertThrows(IllegalArgumentException.class, () -> Jid.bare(ok + "\u00e9", "example.com"));
        assertThrows(IllegalArgumentException.class, () -> Jid.parse("a@b/" + "x".repeat(1024)));
    }

    @Test
    void mapsSipUrisToBareJids() {
        assertEquals(Jid.bare("alice", "example.com"), Jid.fromSipUri("sip:alice@example.com"));
        assertEquals(Jid.bare("alice", "example.com"),
                Jid.fromSipUri("sips:alice:secret@Example.com:5061;transport=tls;gr=abc?subject=x"));
        assertEquals(Jid.bare(null, "example.com"), Jid.fromSipUri("sip:example.com;transport=tcp"));
        assertEquals(Jid.bare("a#b", "example.com"), Jid.fromSipUri("sip:a%23b@example.com"));
        assertEquals(Jid.bare("bob", "[2001:db8::1]"), Jid.fromSipUri("sip:bob@[2001:db8::1]:5060"));
        assertThrows(IllegalArgumentException.class, () -> Jid.fromSipUri("tel:+1234"));
        assertThrows(IllegalArgumentException.class, () -> Jid.fromSipUri("sip:a%40b@example.com"));
    }

    @Test
    void mapsJidsToSipUris() {
        assertEquals("sip:alice@example.com", Jid.parse("alice@example.com/phone").toSipUri());
        assertEquals("sip:example.com", Jid.parse("example.com").toSipUri());
        Jid odd = Jid.bare("a#b\u00fc", "example.com");
        assertEquals("sip:a%23b%C3%BC@example.com", odd.toSipUri());
        assertEquals(odd, Jid.fromSipUri(odd.toSipUri()));
    }
}
