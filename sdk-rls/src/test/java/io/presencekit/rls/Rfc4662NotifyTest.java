package io.presencekit.rls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.pidf.Basic;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The NOTIFY messages of RFC 4662, section 6, decoded and reconciled. */
class Rfc4662NotifyTest {
    private static final String ROOT = "sip:adam-friends@pres.vancouver.example.com";
    private static final String ORG = "sip:adam-friends@stockholm.example.org";

    private static SipMessages message(String file) {
        return SipMessages.parse(Vectors.bytes(file));
    }

    /** Step 3 with the RFC's stray quote ({@code uri="...""}) taken out, as the RFC meant it. */
    private static SipMessages step3Repaired() {
        String text = new String(Vectors.bytes("rfc4662-step03-notify-fullstate.txt"), StandardCharsets.UTF_8);
        assertTrue(text.contains(".com\"\">"), "the RFC typo is still in the vector");
        return SipMessages.parse(text.replace(".com\"\">", ".com\">").getBytes(StandardCharsets.UTF_8));
    }

    private static Basic basic(PresenceDocument d) {
        return d.tuples().get(0).status().basic().orElseThrow();
    }

    private static PresenceDocument presence(ListNotification n, String uri) {
        PartContent c = n.resource(uri).orElseThrow().instances().get(0).content();
        return assertInstanceOf(PartContent.Presence.class, c).document();
    }

    @Test
    void step3AsPrintedIsRefusedForItsMalformedRlmiRootButItsPartsSplit() {
        SipMessages m = message("rfc4662-step03-notify-fullstate.txt");
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> NotificationDecoder.standard().decode(m.contentType(), m.body()));
        assertEquals(DocumentParseException.Reason.MALFORMED, e.reason());
        assertEquals(7, e.line(), e.getMessage());
        Multipart parts = MultipartCodec.standard().read(m.contentType(), m.body());
        assertEquals(3, parts.parts().size());
        assertEquals("nXYxAE@pres.vancouver.example.com", parts.root().orElseThrow().contentId().orElseThrow());
        assertTrue(parts.warnings().isEmpty(), () -> parts.warnings().toString());
        assertEquals(PidfCodec.standard().read(Vectors.bytes("rfc4662-msg03-part2-pidf.xml")),
                parts.part("bUZBsM@pres.vancouver.example.com").orElseThrow().read(PidfCodec.standard()::read));
        assertEquals(Optional.empty(), MultipartCodec.standard().read(m.contentType(), m.body())
                .part("nope").flatMap(MimePart::contentId));
    }

    @Test
    void step3RepairedIsAFullStateWithTwoPresenceDocumentsAndTwoResourcesWithoutInstances() {
        SipMessages m = step3Repaired();
        ListNotification n = NotificationDecoder.standard().decode(m.contentType(), m.body());
        assertEquals(ROOT, n.list().uri());
        assertEquals(1, n.list().version().getAsLong());
        assertTrue(n.list().fullState());
        assertEquals(4, n.resources().size());
        assertEquals(Basic.OPEN, basic(presence(n, "sip:bob@vancouver.example.com")));
        assertEquals(Basic.CLOSED, basic(presence(n, "sip:dave@vancouver.example.com")));
        assertEquals(List.of(), n.resource("sip:ed@dallas.example.net").orElseThrow().instances());
        assertEquals(List.of(), n.resource(ORG).orElseThrow().instances());
    }

    @Test
    void step7IsAPendingNotifyWithoutBody() {
        SipMessages m = message("rfc4662-step07-notify-pending.txt");
        assertTrue(m.header("Subscription-State").orElseThrow().startsWith("pending"));
        assertEquals(Optional.empty(), m.header("Content-Type"));
        assertEquals(0, m.body().length, "nothing to decode: the list server learns the member is pending");
    }

    @Test
    void step11SignedListIsUnwrappedWithoutVerifyingTheSignature() {
        SipMessages m = message("rfc4662-step11-notify-signed.txt");
        assertTrue(m.contentType().startsWith("multipart/signed"));
        ListNotification n = NotificationDecoder.standard().decode(m.contentType(), m.body());
        assertEquals(ORG, n.list().uri());
        assertTrue(n.list().fullState());
        assertTrue(n.warnings().stream().anyMatch(w -> w.contains("signature not verified")), n.warnings()::toString);
        assertEquals(Basic.OPEN, basic(presence(n, "sip:joe@stockholm.example.org")));
        assertEquals(Basic.CLOSED, basic(presence(n, "sip:mark@stockholm.example.org")));
        assertEquals(PidfCodec.standard().read(Vectors.bytes("rfc4662-msg11-part2-pidf.xml")),
                presence(n, "sip:joe@stockholm.example.org"));
        // the signature part is still there for an application that verifies it
        Multipart signed = MultipartCodec.standard().read(m.contentType(), m.body());
        assertEquals("application/pkcs7-signature", signed.parts().get(1).contentType().essence());
    }

    @Test
    void step13PartialStateCarriesANestedSignedList() {
        SipMessages m = message("rfc4662-step13-notify-partial.txt");
        ListNotification n = NotificationDecoder.standard().decode(m.contentType(), m.body());
        assertEquals(RlmiCodec.standard().read(Vectors.bytes("rfc4662-msg13-part1-rlmi-partial.xml")), n.list());
        assertEquals(2, n.list().version().getAsLong());
        Instance ed = n.resource("sip:ed@dallas.example.net").orElseThrow().instances().get(0).instance();
        assertEquals(Instance.State.PENDING, ed.state());
        PartContent org = n.resource(ORG).orElseThrow().instances().get(0).content();
        ListNotification nested = assertInstanceOf(PartContent.NestedList.class, org).list();
        assertEquals(RlmiCodec.standard().read(Vectors.bytes("rfc4662-msg13-inner-rlmi-full.xml")), nested.list());
        assertEquals(PidfCodec.standard().read(Vectors.bytes("rfc4662-msg13-inner-pidf1.xml")),
                presence(nested, "sip:joe@stockholm.example.org"));
        assertEquals(PidfCodec.standard().read(Vectors.bytes("rfc4662-msg13-inner-pidf2.xml")),
                presence(nested, "sip:mark@stockholm.example.org"));
        assertTrue(n.warnings().stream().anyMatch(w -> w.contains("no empty line")), n.warnings()::toString);
        assertThrows(MultipartParseException.class, () -> NotificationDecoder.builder()
                .multipartCodec(MultipartCodec.strict()).strict(true).build().decode(m.contentType(), m.body()),
                "the inner RLMI part has no blank line after its headers");
    }

    @Test
    void theExampleFlowReconcilesIntoAFlatListWithPaths() {
        ListState state = ListState.forList(ROOT);
        SipMessages s3 = step3Repaired();
        ListUpdate first = state.apply(NotificationDecoder.standard().decode(s3.contentType(), s3.body()));
        assertEquals(ListUpdate.Outcome.APPLIED, first.outcome());
        assertEquals(List.of("sip:bob@vancouver.example.com", "sip:dave@vancouver.example.com",
                "sip:ed@dallas.example.net", ORG), first.added());
        assertEquals(Optional.empty(), state.resource("sip:ed@dallas.example.net").orElseThrow().state());

        SipMessages s13 = message("rfc4662-step13-notify-partial.txt");
        ListUpdate second = state.apply(NotificationDecoder.standard().decode(s13.contentType(), s13.body()));
        assertEquals(ListUpdate.Outcome.APPLIED, second.outcome());
        assertEquals(List.of("sip:joe@stockholm.example.org", "sip:mark@stockholm.example.org"), second.added());
        assertEquals(List.of("sip:ed@dallas.example.net", ORG), second.changed());
        assertEquals(List.of(), second.removed());
        assertEquals(6, state.size());
        ResourceState joe = state.resource("sip:joe@stockholm.example.org").orElseThrow();
        assertEquals(List.of(ROOT, ORG), joe.path());
        assertEquals(Basic.OPEN, basic(joe.presence().get(0)));
        assertEquals(Optional.of("Joe Thomas"), joe.name("en"));
        assertTrue(state.resource(ORG).orElseThrow().list());
        assertEquals(Optional.of(Instance.State.PENDING), state.resource("sip:ed@dallas.example.net").orElseThrow()
                .state());
        assertEquals(Basic.OPEN, basic(state.resource("sip:bob@vancouver.example.com").orElseThrow().presence()
                .get(0)), "untouched by the partial state");

        assertEquals(ListUpdate.Outcome.STALE, state.apply(NotificationDecoder.standard()
                .decode(s13.contentType(), s13.body())).outcome(), "the same NOTIFY again");
    }
}
