package io.presencekit.pidf.xmpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.agp.ExtendedStatus;
import io.presencekit.pidf.rpid.Activities;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class XmppResourceAggregatorTest {
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00Z");
    private static final Jid PHONE = Jid.parse("juliet@example.com/phone");
    private static final Jid LAPTOP = Jid.parse("juliet@example.com/laptop");

    private final XmppResourceAggregator agg = new XmppResourceAggregator(PHONE,
            XmppPresenceTranslator.builder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build());

    private static List<String> tupleIds(PresenceDocument d) {
        return d.tuples().stream().map(Tuple::id).toList();
    }

    @Test
    void aggregatesResourcesIntoOneDocument() {
        assertTrue(agg.current().isEmpty());
        agg.update(XmppPresence.builder().from(PHONE).show(XmppPresence.Show.AWAY).build());
        PresenceDocument d = agg.update(XmppPresence.builder().from(LAPTOP).show(XmppPresence.Show.DND).build())
                .orElseThrow();
        String phone = "SID-" + GatewayIds.encodeResource("phone");
        String laptop = "SID-" + GatewayIds.encodeResource("laptop");
        assertEquals(List.of(phone, laptop), tupleIds(d));
        assertEquals(1, d.persons().size());
        assertEquals(List.of("away", "busy"), d.person().orElseThrow().extension(Activities.class).orElseThrow()
                .tokens());
        assertEquals(d, PidfCodec.standard().read(PidfCodec.standard().write(d)));
        // an update keeps the resource's place
        PresenceDocument again = agg.update(XmppPresence.builder().from(PHONE).build()).orElseThrow();
        assertEquals(List.of(phone, laptop), tupleIds(again));
        assertEquals(List.of("busy"), again.person().orElseThrow().extension(Activities.class).orElseThrow().tokens());
        assertEquals(List.of(PHONE, LAPTOP), List.copyOf(agg.availableResources()));
    }

    @Test
    void unavailableResourceIsReportedOnceThenRemoved() {
        agg.update(XmppPresence.builder().from(PHONE).build());
        agg.update(XmppPresence.builder().from(LAPTOP).build());
        PresenceDocument gone = agg.update(XmppPresence.builder().from(PHONE)
                .type(XmppPresence.Type.UNAVAILABLE).build()).orElseThrow();
        assertEquals(2, gone.tuples().size());
        Tuple closed = gone.tuples().get(0);
        assertEquals(Basic.CLOSED, closed.basic().orElseThrow());
        assertEquals(ExtendedStatus.Value.OFFLINE, closed.status().extension(ExtendedStatus.class).orElseThrow().value());
        PresenceDocument now = agg.current().orElseThrow();
        assertEquals(List.of("SID-" + GatewayIds.encodeResource("laptop")), tupleIds(now));
    }

    @Test
    void allUnavailableLeavesOneClosedOfflineTuple() {
        agg.update(XmppPresence.builder().from(PHONE).build());
        agg.update(XmppPresence.builder().from(LAPTOP).build());
        agg.update(XmppPresence.builder().from(PHONE).type(XmppPresence.Type.UNAVAILABLE).build());
        PresenceDocument last = agg.update(XmppPresence.builder().from(LAPTOP)
                .type(XmppPresence.Type.UNAVAILABLE).build()).orElseThrow();
        assertEquals(1, last.tuples().size());
        PresenceDocument current = agg.current().orElseThrow();
        assertEquals(last, current);
        Tuple t = current.tuples().get(0);
        assertEquals("SID-" + GatewayIds.encodeResource("laptop"), t.id());
        assertEquals(Basic.CLOSED, t.basic().orElseThrow());
        assertEquals(ExtendedStatus.Value.OFFLINE, t.status().extension(ExtendedStatus.class).orElseThrow().value());
        assertTrue(agg.availableResources().isEmpty());
    }

    @Test
    void ignoresSubscriptionStanzasAndRefusesOtherContacts() {
        for (XmppPresence.Type type : List.of(XmppPresence.Type.SUBSCRIBE, XmppPresence.Type.SUBSCRIBED,
                XmppPresence.Type.UNSUBSCRIBE, XmppPresence.Type.UNSUBSCRIBED, XmppPresence.Type.PROBE,
                XmppPresence.Type.ERROR)) {
            assertFalse(agg.update(XmppPresence.builder().from(PHONE).type(type).build()).isPresent());
        }
        assertTrue(agg.current().isEmpty());
        assertThrows(IllegalArgumentException.class,
                () -> agg.update(XmppPresence.builder().from(Jid.parse("romeo@example.net/x")).build()));
    }
}
