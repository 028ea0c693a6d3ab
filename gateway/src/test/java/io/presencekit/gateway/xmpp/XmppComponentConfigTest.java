package io.presencekit.gateway.xmpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class XmppComponentConfigTest {
    private static XmppComponentConfig.Builder valid() {
        return XmppComponentConfig.builder().host("127.0.0.1").port(5347).domain("example.com").secret("hush-42");
    }

    @Test
    void secretNeverShowsInToString() {
        XmppComponentConfig c = valid().build();
        assertFalse(c.toString().contains("hush-42"), c.toString());
        assertEquals("hush-42", c.secret());
    }

    @Test
    void toBuilderKeepsEverything() {
        XmppComponentConfig c = valid().keepAliveInterval(Duration.ZERO).maxStanzaBytes(4096).maxStanzaDepth(8)
                .reconnectPolicy(ReconnectPolicy.NEVER).build();
        XmppComponentConfig d = c.toBuilder().build();
        assertEquals(c.toString(), d.toString());
        assertEquals(c.secret(), d.secret());
    }

    @Test
    void missingOrInvalidValuesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> valid().port(0).build());
        assertThrows(IllegalArgumentException.class, () -> valid().secret("").build());
        assertThrows(IllegalArgumentException.class, () -> valid().domain("alice@example.com").build());
        assertThrows(IllegalArgumentException.class,
                () -> XmppComponentConfig.builder().port(5347).domain("example.com").secret("x").build());
        assertThrows(IllegalArgumentException.class, () -> valid().maxStanzaBytes(10));
        assertThrows(IllegalArgumentException.class, () -> valid().handshakeTimeout(Duration.ZERO));
    }
}
