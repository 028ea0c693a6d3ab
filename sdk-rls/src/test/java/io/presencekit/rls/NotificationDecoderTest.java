package io.presencekit.rls;

import static io.presencekit.rls.Notifies.uri;
import static io.presencekit.rls.Notifies.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.pidf.watcherinfo.WatcherInfo;
import io.presencekit.testing.Vectors;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationDecoderTest {
    private static final String XXE = "<?xml version='1.0'?><!DOCTYPE presence [<!ENTITY x SYSTEM "
            + "'file:///etc/passwd'>]><presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:x@example.com'>"
            + "<tuple id='t'><status><basic>open</basic></status><note>&x;</note></tuple></presence>";
    private static final String LAUGHS = "<?xml version='1.0'?><!DOCTYPE presence [<!ENTITY a 'aaaaaaaaaa'>"
            + "<!ENTITY b '&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;'><!ENTITY c '&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;'>"
            + "<!ENTITY d '&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;'>]><presence xmlns='urn:ietf:params:xml:ns:pidf' "
            + "entity='sip:x@example.com'><tuple id='t'><status><basic>open</basic></status><note>&d;</note>"
            + "</tuple></presence>";

    private static MimePart part(String type, String cid, byte[] body) {
        return MimePart.builder().contentType(type).contentId(cid).body(body).build();
    }

    @Test
    void hostileXmlInsidePartsIsRejectedPerPartAndTheRestIsKept() {
        ListNotification n = Notifies.full(1).active(uri(1), "i", true, "fine")
                .withPart(uri(2), "i", part("application/pidf+xml", "xxe@x", utf8(XXE)))
                .withPart(uri(3), "i", part("application/pidf+xml", "laughs@x", utf8(LAUGHS)))
                .decode();
        assertInstanceOf(PartContent.Presence.class, n.resource(uri(1)).orElseThrow().instances().get(0).content());
        for (String u : List.of(uri(2), uri(3))) {
            PartContent.Failed f = assertInstanceOf(PartContent.Failed.class,
                    n.resource(u).orElseThrow().instances().get(0).content());
            DocumentParseException e = assertInstanceOf(DocumentParseException.class, f.error());
            assertEquals(DocumentParseException.Reason.FORBIDDEN_CONSTRUCT, e.reason(), e.getMessage());
            assertTrue(f.body().length > 0, "the raw part is kept");
        }
        assertEquals(2, n.warnings().size(), n.warnings()::toString);
        ListState s = ListState.create();
        s.apply(n);
        assertEquals(List.of(), s.resource(uri(2)).orElseThrow().presence());
        assertEquals(1, s.resource(uri(1)).orElseThrow().presence().size());
    }

    @Test
    void otherTypesAreRawAndWatcherInfoIsTyped() {
        byte[] winfo = Vectors.bytes("rfc3858-ex1.xml");
        ListNotification n = Notifies.full(1)
                .withPart(uri(1), "i", part("application/watcherinfo+xml", "w@x", winfo))
                .withPart(uri(2), "i", part("image/png", "png@x", new byte[] {(byte) 0x89, 'P', 'N', 'G'}))
                .decode();
        PartContent.WatcherInfoDocument w = assertInstanceOf(PartContent.WatcherInfoDocument.class,
                n.resource(uri(1)).orElseThrow().instances().get(0).content());
        assertTrue(w.document() instanceof WatcherInfo);
        PartContent.Raw raw = assertInstanceOf(PartContent.Raw.class,
                n.resource(uri(2)).orElseThrow().instances().get(0).content());
        assertEquals("image/png", raw.contentType().essence());
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, raw.body());
    }

    @Test
    void aDanglingCidIsReportedPerInstanceOrRefusedInStrictMode() {
        Notifies notify = Notifies.full(1).active(uri(1), "i", true, null);
        RlmiList list = notify.rlmi().toBuilder().resource(Resource.builder(uri(9))
                .instance(Instance.builder("i", Instance.State.ACTIVE).cid("missing@x").build()).build()).build();
        Multipart m = Multipart.related(RlmiCodec.CONTENT_TYPE).start("r@x")
                .part(part("application/rlmi+xml", "r@x", RlmiCodec.standard().write(list)))
                .part(notify.multipart().parts().get(1)).build();
        byte[] body = MultipartCodec.standard().write(m);
        ListNotification n = NotificationDecoder.standard().decode(m.contentType().toString(), body);
        PartContent.Failed f = assertInstanceOf(PartContent.Failed.class,
                n.resource(uri(9)).orElseThrow().instances().get(0).content());
        assertEquals(MultipartParseException.Reason.DANGLING_CID, ((MultipartParseException) f.error()).reason());
        assertInstanceOf(PartContent.Presence.class, n.resource(uri(1)).orElseThrow().instances().get(0).content());
        MultipartParseException e = assertThrows(MultipartParseException.class, () -> NotificationDecoder.builder()
                .strict(true).build().decode(m.contentType().toString(), body));
        assertEquals(MultipartParseException.Reason.DANGLING_CID, e.reason());
    }

    @Test
    void aBareRlmiBodyIsAList() {
        ListNotification n = NotificationDecoder.standard().decode("application/rlmi+xml",
                Vectors.bytes("rfc4662-msg13-inner-rlmi-full.xml"));
        assertEquals("sip:adam-friends@stockholm.example.org", n.list().uri());
        assertEquals(2, n.resources().size());
    }

    @Test
    void aBrokenPartIsKeptRawWithItsError() {
        MimePart qp = MimePart.builder().contentType("application/pidf+xml").contentId("qp@x")
                .header("Content-Transfer-Encoding", "base64").body(utf8("<presence/>")).build();
        Notifies notify = Notifies.full(1).active(uri(1), "i", true, null).withPart(uri(2), "i", qp);
        Multipart m = notify.multipart();
        String text = new String(MultipartCodec.standard().write(m), java.nio.charset.StandardCharsets.ISO_8859_1)
                .replace("Content-Transfer-Encoding: base64", "Content-Transfer-Encoding: quoted-printable");
        ListNotification n = NotificationDecoder.standard().decode(m.contentType().toString(),
                text.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        PartContent.Failed f = assertInstanceOf(PartContent.Failed.class,
                n.resource(uri(2)).orElseThrow().instances().get(0).content());
        assertEquals(MultipartParseException.Reason.UNSUPPORTED_TRANSFER_ENCODING,
                ((MultipartParseException) f.error()).reason());
        assertInstanceOf(PartContent.Presence.class, n.resource(uri(1)).orElseThrow().instances().get(0).content());
    }

    @Test
    void whatMakesTheWholeNotificationUnusableThrowsATypedError() {
        assertEquals(MultipartParseException.Reason.BAD_CONTENT_TYPE, assertThrows(MultipartParseException.class,
                () -> NotificationDecoder.standard().decode("application/pidf+xml", utf8("<presence/>"))).reason());
        Multipart notRlmi = Multipart.related("application/pidf+xml")
                .part(part("application/pidf+xml", "p@x", Notifies.pidf(uri(1), true, null))).build();
        assertThrows(MultipartParseException.class, () -> NotificationDecoder.standard()
                .decode(notRlmi.contentType().toString(), MultipartCodec.standard().write(notRlmi)));
        Multipart badRoot = Multipart.related(RlmiCodec.CONTENT_TYPE)
                .part(part("application/rlmi+xml", "r@x", utf8("<list xmlns='urn:ietf:params:xml:ns:rlmi'"))).build();
        assertThrows(DocumentParseException.class, () -> NotificationDecoder.standard()
                .decode(badRoot.contentType().toString(), MultipartCodec.standard().write(badRoot)));
        assertThrows(MultipartParseException.class, () -> NotificationDecoder.standard()
                .decode("multipart/related;boundary=x", new byte[0]));
    }

    @Test
    void nestedListsAreFlattenedWithTheirPathsAndFollowTheirOwnVersions() {
        String nestedUri = "sip:team@example.com";
        ListState s = ListState.create();
        s.apply(nestedNotify(1, nestedUri, 1, true, uri(10), uri(11)));
        ResourceState member = s.resource(uri(10)).orElseThrow();
        assertEquals(List.of(Notifies.LIST, nestedUri), member.path());
        assertTrue(s.resource(nestedUri).orElseThrow().list());
        assertEquals(4, s.size());
        // the nested list's new full state drops a member; its version sequence is its own
        ListUpdate u = s.apply(nestedNotify(2, nestedUri, 2, true, uri(10)));
        assertEquals(ListUpdate.Outcome.APPLIED, u.outcome());
        assertEquals(List.of(uri(11)), u.removed());
        // a stale nested list inside a newer outer notification leaves the members alone
        ListUpdate stale = s.apply(nestedNotify(3, nestedUri, 2, true));
        assertEquals(List.of(), stale.removed());
        assertTrue(s.resource(uri(10)).isPresent());
        // a gap in the nested versions asks for a refresh
        assertEquals(ListUpdate.Outcome.REFRESH_NEEDED, s.apply(nestedNotify(4, nestedUri, 9, false, uri(10)))
                .outcome());
        // the outer full state without the nested list removes it and its members
        ListUpdate gone = s.apply(Notifies.full(5).active(uri(1), "i", true, null).decode());
        assertTrue(gone.removed().containsAll(List.of(nestedUri, uri(10))), gone::toString);
        assertEquals(1, s.size());
    }

    /** An outer full state with one member and one nested list (its own RLMI root) holding {@code members}. */
    private static ListNotification nestedNotify(long version, String nestedUri, long nestedVersion,
            boolean nestedFull, String... members) {
        RlmiList.Builder inner = RlmiList.builder(nestedUri, nestedVersion, nestedFull).cid("nested@x");
        Multipart.Builder innerBody = Multipart.related(RlmiCodec.CONTENT_TYPE).start("inner-root@x");
        List<MimePart> pidfs = new java.util.ArrayList<>();
        for (String m : members) {
            inner.resource(Resource.builder(m).instance(Instance.builder("i", Instance.State.ACTIVE)
                    .cid("p-" + m + "@x").build()).build());
            pidfs.add(part("application/pidf+xml", "p-" + m + "@x", Notifies.pidf(m, true, null)));
        }
        innerBody.part(part("application/rlmi+xml", "inner-root@x", RlmiCodec.standard().write(inner.build())));
        pidfs.forEach(innerBody::part);
        MimePart nested = MimePart.builder().contentId("nested@x").multipart(innerBody.build()).build();
        return Notifies.full(version).active(uri(1), "i", true, null).withPart(nestedUri, "n", nested).decode();
    }
}
