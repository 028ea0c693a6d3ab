package io.presencekit.pidf.watcherinfo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.watcherinfo.WatcherChange.Kind;
import io.presencekit.pidf.watcherinfo.WatcherInfoUpdate.Outcome;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class WatcherInfoStateTest {
    private static final String ME = "sip:dana@example.org";

    /** A watcherinfo document for {@link #ME}'s presence, with the given watcher elements. */
    private static WatcherInfo doc(long version, String state, String... watchers) {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?>\n"
                + "<watcherinfo xmlns='urn:ietf:params:xml:ns:watcherinfo' version='" + version
                + "' state='" + state + "'>\n"
                + "  <watcher-list resource='" + ME + "' package='presence'>\n");
        for (String w : watchers) {
            sb.append("    ").append(w).append('\n');
        }
        sb.append("  </watcher-list>\n</watcherinfo>\n");
        return WatcherInfoCodec.strict().read(sb.toString().getBytes(UTF_8));
    }

    private static String watcher(String id, String status, String event, String uri) {
        return "<watcher id='" + id + "' status='" + status + "' event='" + event + "'>" + uri + "</watcher>";
    }

    private static List<String> ids(List<Watcher> watchers) {
        return watchers.stream().map(Watcher::id).toList();
    }

    @Test
    void fullThenPartialFollowsTheRfc3857ExampleFlow() {
        // the user's winfo subscription: first NOTIFY has full state with one pending watcher
        WatcherInfoUpdate first = WatcherInfoState.empty()
                .apply(doc(0, "full", watcher("e5", "pending", "subscribe", "sip:eli@example.com")));

        assertEquals(Outcome.APPLIED, first.outcome());
        assertTrue(first.applied());
        assertFalse(first.needsRefresh());
        WatcherInfoState s0 = first.state();
        assertEquals(OptionalLong.of(0), s0.version());
        assertTrue(s0.isComplete());
        assertEquals(List.of("e5"), ids(s0.awaitingAuthorization()));
        assertEquals(List.of("e5"), ids(first.newlyAwaitingAuthorization()));
        assertEquals(1, first.added().size());

        // the user approves; the next NOTIFY is partial and carries only the changed watcher
        WatcherInfoUpdate second = s0.apply(doc(1, "partial", watcher("e5", "active", "approved",
                "sip:eli@example.com")));

        assertEquals(Outcome.APPLIED, second.outcome());
        WatcherInfoState s1 = second.state();
        assertEquals(OptionalLong.of(1), s1.version());
        assertTrue(s1.isComplete());
        assertEquals(List.of(), s1.awaitingAuthorization());
        assertEquals(List.of("e5"), ids(s1.watchers(WatcherStatus.ACTIVE)));
        assertEquals(List.of(), second.added());
        assertEquals(List.of(), second.removed());
        assertEquals(1, second.changed().size());
        WatcherChange c = second.changed().get(0);
        assertEquals(Kind.CHANGED, c.kind());
        assertEquals(ME, c.resource());
        assertEquals("presence", c.eventPackage());
        assertEquals(WatcherStatus.PENDING, c.previous().status());
        assertEquals(WatcherStatus.ACTIVE, c.current().status());
        assertEquals(WatcherEvent.APPROVED, c.current().event());
        assertEquals(List.of(), second.newlyAwaitingAuthorization());
    }

    @Test
    void partialMergesPerWatcherIdKeepingTheOthersInPlace() {
        WatcherInfoState s0 = WatcherInfoState.empty().apply(doc(0, "full",
                watcher("a", "active", "approved", "sip:ann@example.com"),
                watcher("b", "pending", "subscribe", "sip:bob@example.com"),
                watcher("c", "active", "approved", "sip:cy@example.com"))).state();

        WatcherInfoUpdate u = s0.apply(doc(1, "partial",
                watcher("b", "active", "approved", "sip:bob@example.com"),
                watcher("d", "pending", "subscribe", "sip:dee@example.com")));

        assertEquals(List.of("a", "b", "c", "d"), ids(u.state().watchers()), "updated in place, new appended");
        assertEquals(List.of("b"), u.changed().stream().map(WatcherChange::id).toList());
        assertEquals(List.of("d"), u.added().stream().map(WatcherChange::id).toList());
        assertEquals(List.of("d"), ids(u.newlyAwaitingAuthorization()));
        assertEquals(List.of(), u.removed());
    }

    @Test
    void partialMergesPerWatcherList() {
        String twoLists = "<watcherinfo xmlns='urn:ietf:params:xml:ns:watcherinfo' version='0' state='full'>"
                + "<watcher-list resource='" + ME + "' package='presence'>"
                + watcher("p", "active", "approved", "sip:pia@example.com") + "</watcher-list>"
                + "<watcher-list resource='" + ME + "' package='dialog'>"
                + watcher("p", "pending", "subscribe", "sip:pia@example.com") + "</watcher-list>"
                + "</watcherinfo>";
        WatcherInfoState s0 = WatcherInfoState.empty()
                .apply(WatcherInfoCodec.strict().read(twoLists.getBytes(UTF_8))).state();

        // the same id in the presence list only: the dialog list is another table
        WatcherInfoUpdate u = s0.apply(doc(1, "partial", watcher("p", "terminated", "rejected",
                "sip:pia@example.com")));

        WatcherInfoState s1 = u.state();
        assertEquals(List.of(), s1.watcherList(ME, "presence").orElseThrow().watchers());
        assertEquals(s0.watcherList(ME, "dialog"), s1.watcherList(ME, "dialog"));
        assertEquals(1, u.removed().size());
        assertEquals("presence", u.removed().get(0).eventPackage());
    }

    @Test
    void terminatedWatcherLeavesTheTableAndTellsWhy() {
        WatcherInfoState s0 = WatcherInfoState.empty().apply(doc(0, "full",
                watcher("g", "pending", "subscribe", "sip:gil@example.com"))).state();

        WatcherInfoUpdate u = s0.apply(doc(1, "partial", watcher("g", "terminated", "giveup",
                "sip:gil@example.com")));

        assertEquals(List.of(), u.state().watchers());
        WatcherChange removed = u.removed().get(0);
        assertEquals(Kind.REMOVED, removed.kind());
        assertEquals(WatcherStatus.PENDING, removed.previous().status());
        assertEquals(WatcherEvent.GIVEUP, removed.current().event());
        assertEquals(WatcherEvent.GIVEUP, removed.watcher().event());
    }

    @Test
    void fullDocumentReplacesEverything() {
        WatcherInfoState s0 = WatcherInfoState.empty().apply(doc(0, "full",
                watcher("a", "active", "approved", "sip:ann@example.com"),
                watcher("b", "pending", "subscribe", "sip:bob@example.com"))).state();

        WatcherInfoUpdate u = s0.apply(doc(1, "full",
                watcher("b", "pending", "subscribe", "sip:bob@example.com"),
                watcher("h", "waiting", "timeout", "sip:hu@example.com")));

        assertEquals(List.of("b", "h"), ids(u.state().watchers()));
        assertEquals(List.of("h"), u.added().stream().map(WatcherChange::id).toList());
        assertEquals(List.of(), u.changed(), "an identical watcher is no change");
        WatcherChange gone = u.removed().get(0);
        assertEquals("a", gone.id());
        assertNull(gone.current(), "no longer listed: nothing says why");
        assertEquals(List.of("h"), ids(u.newlyAwaitingAuthorization()));
    }

    @Test
    void staleVersionIsDropped() {
        WatcherInfoState s0 = WatcherInfoState.empty().apply(doc(0, "full")).state();
        WatcherInfoState s1 = s0.apply(doc(1, "partial", watcher("a", "pending", "subscribe",
                "sip:ann@example.com"))).state();

        for (WatcherInfo old : List.of(doc(1, "partial", watcher("z", "pending", "subscribe", "sip:zed@example.com")),
                doc(0, "full"))) {
            WatcherInfoUpdate u = s1.apply(old);
            assertEquals(Outcome.STALE, u.outcome());
            assertFalse(u.applied());
            assertFalse(u.needsRefresh());
            assertSame(s1, u.state());
            assertEquals(List.of(), u.changes());
        }
    }

    @Test
    void versionGapIsAppliedButNeedsRefresh() {
        WatcherInfoState s0 = WatcherInfoState.empty().apply(doc(0, "full",
                watcher("a", "active", "approved", "sip:ann@example.com"))).state();

        WatcherInfoUpdate gap = s0.apply(doc(2, "partial", watcher("b", "pending", "subscribe",
                "sip:bob@example.com")));

        assertEquals(Outcome.APPLIED_NEEDS_REFRESH, gap.outcome());
        assertTrue(gap.applied());
        assertTrue(gap.needsRefresh());
        assertEquals(OptionalLong.of(2), gap.state().version());
        assertFalse(gap.state().isComplete());
        assertEquals(List.of("a", "b"), ids(gap.state().watchers()));

        // the next partial in sequence does not make the table complete; the refreshed full state does
        WatcherInfoState s3 = gap.state().apply(doc(3, "partial")).state();
        assertFalse(s3.isComplete());
        WatcherInfoUpdate refreshed = s3.apply(doc(9, "full", watcher("b", "pending", "subscribe",
                "sip:bob@example.com")));
        assertEquals(Outcome.APPLIED, refreshed.outcome(), "a full document never needs a refresh");
        assertTrue(refreshed.state().isComplete());
        assertEquals(List.of("a"), refreshed.removed().stream().map(WatcherChange::id).toList());
    }

    @Test
    void partialWithoutAFullDocumentBeforeItNeedsRefresh() {
        WatcherInfoUpdate u = WatcherInfoState.empty().apply(doc(0, "partial", watcher("a", "pending", "subscribe",
                "sip:ann@example.com")));

        assertEquals(Outcome.APPLIED_NEEDS_REFRESH, u.outcome());
        assertFalse(u.state().isComplete());
        assertEquals(List.of("a"), ids(u.state().awaitingAuthorization()));
    }

    @Test
    void documentWithoutUsableVersionIsIgnoredAndNeedsRefresh() {
        WatcherInfo noVersion = WatcherInfoCodec.standard().read(
                "<watcherinfo xmlns='urn:ietf:params:xml:ns:watcherinfo' version='next' state='partial'/>"
                        .getBytes(UTF_8));
        WatcherInfoState s0 = WatcherInfoState.empty().apply(doc(0, "full")).state();

        WatcherInfoUpdate u = s0.apply(noVersion);

        assertEquals(Outcome.UNUSABLE, u.outcome());
        assertFalse(u.applied());
        assertTrue(u.needsRefresh());
        assertSame(s0, u.state());
    }

    @Test
    void newSubscriptionAcceptsVersionZeroAgainAndReportsOnlyRealChanges() {
        WatcherInfoState s5 = WatcherInfoState.empty().apply(doc(5, "full",
                watcher("a", "active", "approved", "sip:ann@example.com"),
                watcher("b", "pending", "subscribe", "sip:bob@example.com"))).state();

        WatcherInfoState fresh = s5.newSubscription();
        assertEquals(OptionalLong.empty(), fresh.version());
        assertFalse(fresh.isComplete());
        assertEquals(s5.watchers(), fresh.watchers());

        WatcherInfoUpdate u = fresh.apply(doc(0, "full",
                watcher("a", "active", "approved", "sip:ann@example.com"),
                watcher("b", "active", "approved", "sip:bob@example.com")));
        assertEquals(Outcome.APPLIED, u.outcome());
        assertEquals(List.of("b"), u.changes().stream().map(WatcherChange::id).toList());
        assertTrue(u.state().isComplete());
    }

    @Test
    void applyingLeavesTheOriginalStateUnchanged() {
        WatcherInfoState s0 = WatcherInfoState.empty().apply(doc(0, "full",
                watcher("a", "pending", "subscribe", "sip:ann@example.com"))).state();
        WatcherInfoState copy = WatcherInfoState.empty().apply(doc(0, "full",
                watcher("a", "pending", "subscribe", "sip:ann@example.com"))).state();

        s0.apply(doc(1, "partial", watcher("a", "terminated", "rejected", "sip:ann@example.com")));

        assertEquals(copy, s0);
        assertEquals(List.of("a"), ids(s0.watchers()));
        assertEquals(WatcherInfoState.empty(), WatcherInfoState.empty().newSubscription());
    }

    @Test
    void mergedViewIsAFullDocumentThatRoundTrips() {
        WatcherInfoState s1 = WatcherInfoState.empty().apply(doc(0, "full",
                watcher("a", "pending", "subscribe", "sip:ann@example.com"))).state()
                .apply(doc(1, "partial", watcher("b", "active", "approved", "sip:bob@example.com"))).state();

        WatcherInfo merged = s1.toDocument();

        assertTrue(merged.isFull());
        assertEquals(OptionalLong.of(1), merged.version());
        assertEquals(List.of("a", "b"), ids(merged.watchers()));
        WatcherInfo reread = WatcherInfoCodec.strict().read(WatcherInfoCodec.standard().write(merged));
        assertEquals(merged, reread);
        assertEquals(s1.watcherLists(), WatcherInfoState.empty().apply(reread).state().watcherLists());
    }

    @Test
    void watchersWithoutIdCannotBeTracked() {
        WatcherInfo lenient = WatcherInfoCodec.standard().read(
                ("<watcherinfo xmlns='urn:ietf:params:xml:ns:watcherinfo' version='0' state='full'>"
                + "<watcher-list resource='" + ME + "' package='presence'>"
                + "<watcher status='pending' event='subscribe'>sip:anon@example.com</watcher>"
                + watcher("k", "pending", "subscribe", "sip:kai@example.com")
                + "</watcher-list></watcherinfo>").getBytes(UTF_8));

        WatcherInfoUpdate u = WatcherInfoState.empty().apply(lenient);

        assertEquals(List.of("k"), ids(u.state().watchers()));
        assertEquals(1, u.added().size());
    }
}
