package io.presencekit.rls;

import static io.presencekit.rls.Notifies.uri;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A 1,000-member list, the size a Kamailio list server sends in one NOTIFY of about 150 KB. */
class LargeListTest {
    private static final int SIZE = 1_000;

    private static Basic basic(ResourceState r) {
        return r.presence().get(0).tuples().get(0).status().basic().orElseThrow();
    }

    @Test
    void aThousandResourceFullStateThenPartialUpdates() {
        Notifies full = Notifies.full(1);
        for (int i = 0; i < SIZE; i++) {
            full.active(uri(i), "Scf8UhwQ", i % 2 == 0, "note " + i);
        }
        Multipart m = full.multipart();
        byte[] body = MultipartCodec.standard().write(m);
        assertTrue(body.length > 150_000, "about the size of a real 1,000-member NOTIFY: " + body.length);
        ListNotification n = NotificationDecoder.standard().decode(m.contentType().toString(), body);
        assertEquals(SIZE, n.resources().size());
        assertTrue(n.warnings().isEmpty(), n.warnings()::toString);

        ListState state = ListState.forList(Notifies.LIST);
        ListUpdate first = state.apply(n);
        assertEquals(ListUpdate.Outcome.APPLIED, first.outcome());
        assertEquals(SIZE, first.added().size());
        assertEquals(SIZE, state.size());
        for (int i = 0; i < SIZE; i++) {
            ResourceState r = state.resource(List.of(Notifies.LIST), uri(i)).orElseThrow();
            assertEquals(i % 2 == 0 ? Basic.OPEN : Basic.CLOSED, basic(r));
        }

        // ten partial updates of ten members each
        for (int v = 2; v <= 11; v++) {
            Notifies partial = Notifies.partial(v);
            for (int k = 0; k < 10; k++) {
                int i = (v * 97 + k * 13) % SIZE;
                partial.active(uri(i), "Scf8UhwQ", i % 2 != 0, "flipped");
            }
            ListUpdate u = state.apply(partial.decode());
            assertEquals(ListUpdate.Outcome.APPLIED, u.outcome());
            assertEquals(10, u.changed().size(), u::toString);
            assertTrue(u.added().isEmpty() && u.removed().isEmpty());
        }
        int flipped = (2 * 97) % SIZE;
        assertEquals(flipped % 2 != 0 ? Basic.OPEN : Basic.CLOSED, basic(state.resource(uri(flipped)).orElseThrow()));
        assertEquals(SIZE, state.size());
        assertEquals(11, state.version().getAsLong());

        // the same full state again (a refresh) reports only what the partials had changed back
        state.newSubscription();
        ListUpdate again = state.apply(n);
        assertEquals(ListUpdate.Outcome.APPLIED, again.outcome());
        assertTrue(again.changed().size() <= 100 && !again.changed().isEmpty(), again::toString);
        assertTrue(again.added().isEmpty() && again.removed().isEmpty());
    }
}
