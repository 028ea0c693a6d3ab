package io.presencekit.pidf.watcherinfo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.presencekit.xml.GenericElement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class WatcherModelTest {
    @Test
    void tokensMapBothWays() {
        for (WatcherStatus s : WatcherStatus.values()) {
            assertEquals(s, WatcherStatus.fromToken(s.token()));
        }
        for (WatcherEvent e : WatcherEvent.values()) {
            assertEquals(e, WatcherEvent.fromToken(e.token()));
        }
        for (WatcherInfo.State s : WatcherInfo.State.values()) {
            assertEquals(s, WatcherInfo.State.fromToken(s.token()));
        }
        assertEquals(WatcherStatus.PENDING, WatcherStatus.fromToken(" pending\n"));
        assertNull(WatcherStatus.fromToken("Pending"), "enumeration values are case-sensitive");
        assertNull(WatcherEvent.fromToken("no-resource"));
        assertNull(WatcherInfo.State.fromToken(null));
    }

    @Test
    void toBuilderCopiesEverything() {
        Watcher w = Watcher.builder("id-1", "sip:lu@example.com").status(WatcherStatus.ACTIVE)
                .event(WatcherEvent.APPROVED).displayName("Lu", "de").expirationSeconds(60)
                .durationSubscribedSeconds(9).attribute(new QName("urn:example:x", "y"), "z").build();
        WatcherList l = WatcherList.builder("sip:me@example.org", "presence").watcher(w)
                .attribute(new QName("urn:example:x", "a"), "b")
                .extension(GenericElement.ofText(new QName("urn:example:x", "e"), "t")).build();
        WatcherInfo d = WatcherInfo.builder(2, WatcherInfo.State.FULL).watcherList(l).build();

        assertEquals(w, w.toBuilder().build());
        assertEquals(l, l.toBuilder().build());
        assertEquals(d, d.toBuilder().build());
    }

    @Test
    void aRawAttributeGivesWayToTheTypedValue() {
        Watcher raw = Watcher.builder("x", "sip:mo@example.com").event(WatcherEvent.SUBSCRIBE)
                .attribute(new QName("status"), "blocked").build();
        assertNull(raw.status());

        Watcher fixed = raw.toBuilder().status(WatcherStatus.PENDING).build();
        assertEquals(WatcherStatus.PENDING, fixed.status());
        assertEquals(Map.of(), fixed.attributes());

        assertThrows(IllegalStateException.class, () -> fixed.toBuilder().attribute(new QName("status"), "x").build());
        assertThrows(IllegalStateException.class, () -> WatcherInfo.builder(1, WatcherInfo.State.FULL)
                .attribute(new QName("version"), "one").build());
    }

    @Test
    void durationsAreWholeNonNegativeSeconds() {
        Watcher.Builder b = Watcher.builder("x", "sip:ned@example.com");
        assertThrows(IllegalArgumentException.class, () -> b.expiration(Duration.ofMillis(1500)));
        assertThrows(IllegalArgumentException.class, () -> b.durationSubscribedSeconds(-1));
        assertThrows(IllegalArgumentException.class, () -> WatcherInfo.builder(-1, WatcherInfo.State.FULL));
    }

    @Test
    void putWatcherReplacesTheSameIdInPlace() {
        Watcher a = Watcher.of("a", "sip:a@example.com", WatcherStatus.PENDING, WatcherEvent.SUBSCRIBE);
        Watcher b = Watcher.of("b", "sip:b@example.com", WatcherStatus.ACTIVE, WatcherEvent.APPROVED);
        Watcher a2 = a.toBuilder().status(WatcherStatus.ACTIVE).event(WatcherEvent.APPROVED).build();

        WatcherList l = WatcherList.builder("sip:me@example.org", "presence").watcher(a).watcher(b).putWatcher(a2)
                .build();

        assertEquals(List.of(a2, b), l.watchers());
        assertEquals(List.of(b), l.toBuilder().removeWatcher("a").build().watchers());
        assertEquals(List.of(a2, b), l.watchers(WatcherStatus.ACTIVE));
    }
}
