package io.presencekit.rls;

import static io.presencekit.rls.Notifies.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.rls.ListUpdate.Outcome;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListStateTest {
    private static Basic basic(ListState s, String uri) {
        return s.resource(uri).orElseThrow().presence().get(0).tuples().get(0).status().basic().orElseThrow();
    }

    @Test
    void fullStateReplacesEverything() {
        ListState s = ListState.create();
        ListUpdate u1 = s.apply(Notifies.full(1).active(uri(1), "i", true, null).active(uri(2), "i", true, null)
                .decode());
        assertEquals(Outcome.APPLIED, u1.outcome());
        assertEquals(List.of(uri(1), uri(2)), u1.added());
        ListUpdate u2 = s.apply(Notifies.full(2).active(uri(2), "i", false, null).active(uri(3), "i", true, null)
                .decode());
        assertEquals(List.of(uri(3)), u2.added());
        assertEquals(List.of(uri(2)), u2.changed());
        assertEquals(List.of(uri(1)), u2.removed());
        assertEquals(2, s.size());
        assertEquals(Basic.CLOSED, basic(s, uri(2)));
        assertEquals(2, s.version().getAsLong());
    }

    @Test
    void partialStateMergesOnlyTheResourcesItNames() {
        ListState s = ListState.create();
        s.apply(Notifies.full(1).active(uri(1), "i", true, "one").active(uri(2), "i", true, "two").decode());
        ListUpdate u = s.apply(Notifies.partial(2).active(uri(2), "i", false, "gone").decode());
        assertEquals(Outcome.APPLIED, u.outcome());
        assertEquals(List.of(uri(2)), u.changed());
        assertTrue(u.added().isEmpty() && u.removed().isEmpty());
        assertEquals(Basic.OPEN, basic(s, uri(1)));
        assertEquals(Basic.CLOSED, basic(s, uri(2)));
        ListUpdate same = s.apply(Notifies.partial(3).active(uri(2), "i", false, "gone").decode());
        assertTrue(same.isEmpty(), "nothing changed: " + same);
    }

    @Test
    void staleVersionsAreDropped() {
        ListState s = ListState.create();
        s.apply(Notifies.full(5).active(uri(1), "i", true, null).decode());
        for (long v : new long[] {5, 4, 0}) {
            ListUpdate u = s.apply(Notifies.partial(v).active(uri(1), "i", false, null).decode());
            assertEquals(Outcome.STALE, u.outcome());
            assertFalse(u.applied());
        }
        assertEquals(Basic.OPEN, basic(s, uri(1)));
        assertEquals(5, s.version().getAsLong());
    }

    @Test
    void aVersionGapAsksForARefreshButKeepsTheNewerState() {
        ListState s = ListState.create();
        s.apply(Notifies.full(1).active(uri(1), "i", true, null).decode());
        ListUpdate u = s.apply(Notifies.partial(3).active(uri(1), "i", false, null).decode());
        assertEquals(Outcome.REFRESH_NEEDED, u.outcome());
        assertTrue(u.needsRefresh() && u.applied());
        assertEquals(Basic.CLOSED, basic(s, uri(1)));
        // the refresh brings full state with a new version sequence
        s.newSubscription();
        ListUpdate full = s.apply(Notifies.full(0).active(uri(1), "i", false, null).decode());
        assertEquals(Outcome.APPLIED, full.outcome());
        assertTrue(full.isEmpty(), "same state after the refresh: " + full);
    }

    @Test
    void aFirstNotificationThatIsNotFullStateAsksForARefresh() {
        ListState s = ListState.create();
        ListUpdate u = s.apply(Notifies.partial(7).active(uri(1), "i", true, null).decode());
        assertEquals(Outcome.REFRESH_NEEDED, u.outcome());
        assertEquals(List.of(uri(1)), u.added());
    }

    @Test
    void anotherListIsIgnored() {
        ListState s = ListState.forList("sip:other@example.com");
        assertEquals(Outcome.OTHER_LIST, s.apply(Notifies.full(1).active(uri(1), "i", true, null).decode())
                .outcome());
        assertEquals(0, s.size());
    }

    @Test
    void instanceStatesAndReasonsAreTrackedAndTerminatedInstancesLeave() {
        ListState s = ListState.create();
        s.apply(Notifies.full(1).state(uri(1), "a", Instance.State.PENDING, null).decode());
        ResourceState pending = s.resource(uri(1)).orElseThrow();
        assertEquals(Optional.of(Instance.State.PENDING), pending.state());
        s.apply(Notifies.partial(2).active(uri(1), "a", true, null).decode());
        assertEquals(Optional.of(Instance.State.ACTIVE), s.resource(uri(1)).orElseThrow().state());
        ListUpdate u = s.apply(Notifies.partial(3).state(uri(1), "a", Instance.State.TERMINATED, "rejected")
                .decode());
        assertEquals(List.of(uri(1)), u.changed());
        ResourceState ended = s.resource(uri(1)).orElseThrow();
        assertEquals(List.of(), ended.instances());
        assertEquals(List.of(), ended.presence());
        assertEquals("rejected", ended.termination().orElseThrow().reason());
        assertEquals(Optional.of(Instance.State.TERMINATED), ended.state());
        assertEquals(1, s.size(), "a resource leaves only with a full state that no longer names it");
    }

    @Test
    void anInstanceNotifiedAgainWithoutAPartKeepsItsContent() {
        ListState s = ListState.create();
        s.apply(Notifies.full(1).active(uri(1), "a", true, "hello").decode());
        s.apply(Notifies.partial(2).state(uri(1), "a", Instance.State.ACTIVE, null).decode());
        assertEquals(Basic.OPEN, basic(s, uri(1)));
    }

    @Test
    void kamailioFirstNotifyWithoutInstancesThenPartialsWithOneConstantInstanceId() {
        ListState s = ListState.forList(Notifies.LIST);
        ListUpdate first = s.apply(Notifies.full(0).bare(uri(1), "One").bare(uri(2), "Two").bare(uri(3), "Three")
                .decode());
        assertEquals(Outcome.APPLIED, first.outcome());
        assertEquals(3, first.added().size());
        assertEquals(Optional.empty(), s.resource(uri(1)).orElseThrow().state(), "no back-end state yet");
        ListUpdate second = s.apply(Notifies.partial(1).active(uri(1), "Scf8UhwQ", true, null)
                .active(uri(2), "Scf8UhwQ", false, null).decode());
        assertEquals(Outcome.APPLIED, second.outcome());
        assertEquals(List.of(uri(1), uri(2)), second.changed());
        assertEquals(Basic.OPEN, basic(s, uri(1)));
        assertEquals(Basic.CLOSED, basic(s, uri(2)));
        assertEquals(Optional.of("Name of " + uri(1)), s.resource(uri(1)).orElseThrow().name(null),
                "names from the latest notification that names the resource");
        assertEquals(Optional.of("Three"), s.resource(uri(3)).orElseThrow().name(null));
        // member 3 is pending on the back end: it never gets an instance, and stays known
        ListUpdate third = s.apply(Notifies.partial(2).active(uri(1), "Scf8UhwQ", false, null).decode());
        assertEquals(List.of(uri(1)), third.changed());
        assertEquals(Basic.CLOSED, basic(s, uri(2)), "member 2 untouched by a partial NOTIFY for member 1");
        assertEquals(Optional.empty(), s.resource(uri(3)).orElseThrow().state());
        assertEquals(List.of(Notifies.LIST), s.resource(uri(3)).orElseThrow().path());
    }
}
