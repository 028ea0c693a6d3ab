package io.presencekit.pidf.xmpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Basic;
import io.presencekit.pidf.Note;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Status;
import io.presencekit.pidf.Tuple;
import io.presencekit.pidf.agp.DeviceInfo;
import io.presencekit.pidf.agp.ExtendedStatus;
import io.presencekit.pidf.rpid.Activities;
import io.presencekit.xml.GenericElement;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class XmppPresenceTranslatorTest {
    private static final XmppPresenceTranslator T = XmppPresenceTranslator.standard();
    private static final Instant NOW = Instant.parse("2024-05-01T10:00:00.123Z");
    private static final Jid JULIET = Jid.parse("juliet@example.com/balcony");
    private static final Jid ROMEO = Jid.parse("romeo@example.net");

    private static XmppPresence stanza(XmppPresence.Type type, XmppPresence.Show show) {
        return XmppPresence.builder().from(JULIET).to(ROMEO).type(type).show(show).build();
    }

    static Stream<Arguments> everyTypeAndShow() {
        List<Arguments> out = new ArrayList<>();
        for (XmppPresence.Type type : XmppPresence.Type.values()) {
            for (XmppPresence.Show show : XmppPresence.Show.values()) {
                Basic basic = null;
                ExtendedStatus.Value ext = null;
                String activity = null;
                if (type == XmppPresence.Type.UNAVAILABLE) {
                    basic = Basic.CLOSED;
                    ext = ExtendedStatus.Value.OFFLINE;
                } else if (type == XmppPresence.Type.AVAILABLE) {
                    basic = Basic.OPEN;
                    switch (show) {
                        case AWAY, XA -> {
                            ext = ExtendedStatus.Value.AWAY;
                            activity = "away";
                        }
                        case DND -> {
                            ext = ExtendedStatus.Value.BUSY;
                            activity = "busy";
                        }
                        default -> ext = ExtendedStatus.Value.AVAILABLE;
                    }
                }
                out.add(Arguments.of(type, show, basic, ext, activity));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @MethodSource("everyTypeAndShow")
    void translatesEveryTypeAndShowToPidf(XmppPresence.Type type, XmppPresence.Show show, Basic basic,
            ExtendedStatus.Value ext, String activity) {
        XmppPresence p = stanza(type, show);
        if (basic == null) {
            assertThrows(IllegalArgumentException.class, () -> T.toPidf(p, NOW));
            return;
        }
        PresenceDocument d = T.toPidf(p, NOW);
        Tuple t = d.tuples().get(0);
        assertEquals(basic, t.basic().orElseThrow());
        assertEquals(ext, t.status().extension(ExtendedStatus.class).orElseThrow().value());
        List<String> activities = d.person().orElseThrow().extension(Activities.class).map(Activities::tokens)
                .orElse(List.of());
        assertEquals(activity == null ? List.of() : List.of(activity), activities);
        assertEquals(d, PidfCodec.standard().read(PidfCodec.standard().write(d)));
    }

    static Stream<Arguments> everyPidfStatus() {
        List<Arguments> out = new ArrayList<>();
        List<ExtendedStatus.Value> exts = new ArrayList<>(List.of(ExtendedStatus.Value.values()));
        exts.add(null);
        for (ExtendedStatus.Value ext : exts) {
            for (Basic basic : new Basic[] {Basic.OPEN, Basic.CLOSED, null}) {
                for (String activity : new String[] {null, "away", "vacation", "holiday", "busy", "on-the-phone",
                    "meeting", "travel", "working"}) {
                    XmppPresence.Type type;
                    XmppPresence.Show show = XmppPresence.Show.NONE;
                    if (ext != null) {
                        type = ext == ExtendedStatus.Value.OFFLINE ? XmppPresence.Type.UNAVAILABLE
                                : XmppPresence.Type.AVAILABLE;
                        if (ext == ExtendedStatus.Value.AWAY) {
                            show = XmppPresence.Show.AWAY;
                        } else if (ext == ExtendedStatus.Value.BUSY) {
                            show = XmppPresence.Show.DND;
                        }
                    } else if (basic == Basic.OPEN) {
                        type = XmppPresence.Type.AVAILABLE;
                        if (activity != null) {
                            show = switch (activity) {
                                case "away", "travel" -> XmppPresence.Show.AWAY;
                                case "vacation", "holiday" -> XmppPresence.Show.XA;
                                case "busy", "on-the-phone", "meeting" -> XmppPresence.Show.DND;
                                default -> XmppPresence.Show.NONE;
                            };
                        }
                    } else {
                        type = XmppPresence.Type.UNAVAILABLE;
                    }
                    out.add(Arguments.of(ext, basic, activity, type, show));
                }
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "extended {0}, basic {1}, activity {2} -> {3} {4}")
    @MethodSource("everyPidfStatus")
    void translatesEveryStatusToXmpp(ExtendedStatus.Value ext, Basic basic, String activity,
            XmppPresence.Type type, XmppPresence.Show show) {
        Status.Builder status = Status.builder().basic(basic);
        if (ext != null) {
            status.extension(ExtendedStatus.of(ext));
        }
        PresenceDocument.Builder d = PresenceDocument.builder("sip:juliet@example.com")
                .tuple(Tuple.builder("t1").status(status.build()).build());
        if (activity != null) {
            d.person(Person.builder("p1").extension(Activities.of(activity)).build());
        }
        List<XmppPresence> out = T.toXmpp(d.build(), ROMEO);
        assertEquals(1, out.size());
        assertEquals(type, out.get(0).type());
        assertEquals(show, out.get(0).show());
        assertFalse(out.get(0).priority().isPresent());
        assertEquals(Jid.parse("juliet@example.com/t1"), out.get(0).from().orElseThrow());
        assertEquals(ROMEO, out.get(0).to().orElseThrow());
    }

    @Test
    void writesGatewayIdentifiers() {
        PresenceDocument d = T.toPidf(stanza(XmppPresence.Type.AVAILABLE, XmppPresence.Show.NONE), NOW);
        assertEquals("sip:juliet@example.com", d.entity());
        // "balcony" in UTF-8 is 62 61 6c 63 6f 6e 79
        Tuple t = d.tuple("SID-62616c636f6e79").orElseThrow();
        assertEquals("sip:juliet@example.com;gr=62616c636f6e79;xmpp", t.contact().orElseThrow().uri());
        assertEquals(List.of("62616c636f6e79"), t.deviceIds());
        DeviceInfo info = t.extension(DeviceInfo.class).orElseThrow();
        assertEquals("62616c636f6e79", info.id());
        assertEquals("balcony", info.description().orElseThrow());
        assertEquals(NOW, t.timestamp().orElseThrow().toInstant());
        assertEquals(1, d.persons().size());
    }

    @Test
    void personIdIsMd5OfTheBareAddress() throws Exception {
        byte[] digest = MessageDigest.getInstance("MD5").digest("juliet@example.com".getBytes(StandardCharsets.UTF_8));
        String expected = "PID-" + String.format("%032x", new BigInteger(1, digest));
        PresenceDocument d = T.toPidf(stanza(XmppPresence.Type.AVAILABLE, XmppPresence.Show.DND), NOW);
        assertEquals(expected, d.person().orElseThrow().id());
        assertTrue(expected.matches("PID-[0-9a-f]{32}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\ud83d\ude00 phone", "\u624b\u673a", "my laptop", "a/b@c", "caf\u00e9"})
    void unicodeResourcesSurviveHexEncoding(String resource) {
        XmppPresence p = XmppPresence.builder().from(JULIET.withResource(resource)).build();
        PresenceDocument d = T.toPidf(p, NOW);
        Tuple t = d.tuples().get(0);
        String hex = GatewayIds.encodeResource(resource);
        assertTrue(hex.matches("[0-9a-f]+"), hex);
        assertEquals("SID-" + hex, t.id());
        assertEquals(resource, GatewayIds.decodeResource(hex).orElseThrow());
        PresenceDocument read = PidfCodec.standard().read(PidfCodec.standard().write(d));
        assertEquals(d, read);
        XmppPresence back = T.toXmpp(read, ROMEO).get(0);
        assertEquals(JULIET.withResource(resource), back.from().orElseThrow());
        // without device-info the tuple id carries the resource
        Tuple bare = t.toBuilder().removeExtensions(DeviceInfo.class).build();
        assertEquals(resource, XmppPresenceTranslator.resource(bare, JULIET.bare()));
    }

    @Test
    void acceptsLegacyIdPrefixAndFallsBackToTheTupleId() {
        Jid bare = JULIET.bare();
        assertEquals("balcony", XmppPresenceTranslator.resource(Tuple.builder("ID-62616c636f6e79").build(), bare));
        assertEquals("balcony", XmppPresenceTranslator.resource(Tuple.builder("SID-62616C636F6E79").build(), bare));
        assertEquals("SID-zz", XmppPresenceTranslator.resource(Tuple.builder("SID-zz").build(), bare));
        assertEquals("SID-ff", XmppPresenceTranslator.resource(Tuple.builder("SID-ff").build(), bare));
        assertEquals("t-7", XmppPresenceTranslator.resource(Tuple.builder("t-7").build(), bare));
        String uuid = "0b5f5a1c-3e4f-4d2a-9b7c-1234567890ab";
        Tuple blink = Tuple.builder("x").extension(DeviceInfo.builder(uuid).build()).build();
        assertEquals("urn:uuid:" + uuid, XmppPresenceTranslator.resource(blink, bare));
        Tuple prefixed = Tuple.builder("x").extension(DeviceInfo.builder("urn:uuid:" + uuid).build()).build();
        assertEquals("urn:uuid:" + uuid, XmppPresenceTranslator.resource(prefixed, bare));
    }

    @Test
    void stanzaWithoutResourceUsesTheMd5AndComesBackBare() {
        XmppPresence p = XmppPresence.builder().from(JULIET.bare()).build();
        PresenceDocument d = T.toPidf(p, NOW);
        assertEquals("SID-" + GatewayIds.md5(JULIET.bare()), d.tuples().get(0).id());
        assertFalse(d.tuples().get(0).extension(DeviceInfo.class).orElseThrow().description().isPresent());
        assertEquals(JULIET.bare(), T.toXmpp(d, ROMEO).get(0).from().orElseThrow());
    }

    @Test
    void statusTextsBecomeNotesPerLanguageAndBack() {
        XmppPresence p = XmppPresence.builder().from(JULIET).show(XmppPresence.Show.AWAY)
                .status("Gone fishing", null).status("Parti p\u00eacher", "fr").status("\u91e3\u308a", "ja").build();
        PresenceDocument d = T.toPidf(p, NOW);
        assertEquals(List.of(Note.of("Gone fishing"), Note.of("Parti p\u00eacher", "fr"), Note.of("\u91e3\u308a", "ja")),
                d.tuples().get(0).notes());
        XmppPresence back = T.toXmpp(d, ROMEO).get(0);
        assertEquals(p.statuses(), back.statuses());
        // the stanza language is inherited by a status without its own
        XmppPresence en = p.toBuilder().lang("en").build();
        assertEquals("en", T.toPidf(en, NOW).tuples().get(0).notes().get(0).lang());
    }

    @Test
    void notesFallBackToPersonThenDocumentUnlessConfiguredLikeTheGateway() {
        Tuple t = Tuple.builder("SID-61").status(Status.of(Basic.OPEN)).build();
        PresenceDocument withPerson = PresenceDocument.builder("sip:juliet@example.com").tuple(t)
                .person(Person.builder("p").note(Note.of("In a meeting", "en")).build())
                .note(Note.of("document note")).build();
        assertEquals("In a meeting", T.toXmpp(withPerson, ROMEO).get(0).status("en").orElseThrow());
        PresenceDocument docOnly = withPerson.toBuilder().clearPersons().build();
        assertEquals("document note", T.toXmpp(docOnly, ROMEO).get(0).status(null).orElseThrow());
        XmppPresenceTranslator gateway = XmppPresenceTranslator.builder().noteFallback(false).build();
        assertTrue(gateway.toXmpp(withPerson, ROMEO).get(0).statuses().isEmpty());
        // unavailable stanzas keep their statuses; the last note of a language wins
        Tuple closed = Tuple.builder("SID-61").status(Status.of(Basic.CLOSED)).note(Note.of("one", "de"))
                .note(Note.of("two", "de")).build();
        XmppPresence off = T.toXmpp(PresenceDocument.builder("sip:j@example.com").tuple(closed).build(), ROMEO).get(0);
        assertEquals(XmppPresence.Type.UNAVAILABLE, off.type());
        assertEquals(List.of(XmppPresence.StatusText.of("two", "de")), off.statuses());
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "CHAT", "AWAY", "XA", "DND", "UNAVAILABLE"})
    void roundTripsXmppThroughPidf(String what) {
        XmppPresence.Builder b = XmppPresence.builder().from(JULIET).to(ROMEO).status("hi", "en");
        if (what.equals("UNAVAILABLE")) {
            b.type(XmppPresence.Type.UNAVAILABLE);
        } else {
            b.show(XmppPresence.Show.valueOf(what));
        }
        XmppPresence p = b.build();
        PresenceDocument d = PidfCodec.standard().read(PidfCodec.standard().write(T.toPidf(p, NOW)));
        XmppPresence back = T.toXmpp(d, ROMEO).get(0);
        // chat and xa have no PIDF counterpart of their own: chat comes back plain, xa as away
        XmppPresence expected = switch (p.show()) {
            case CHAT -> p.toBuilder().show(XmppPresence.Show.NONE).build();
            case XA -> p.toBuilder().show(XmppPresence.Show.AWAY).build();
            default -> p;
        };
        assertEquals(expected, back);
    }

    @Test
    void roundTripsPidfThroughXmpp() {
        PresenceDocument original = T.toPidf(List.of(
                new XmppPresenceTranslator.Received(XmppPresence.builder().from(JULIET).show(XmppPresence.Show.DND)
                        .status("busy", "en").build(), NOW),
                new XmppPresenceTranslator.Received(XmppPresence.builder().from(JULIET.withResource("\u624b\u673a"))
                        .build(), NOW)));
        List<XmppPresence> stanzas = T.toXmpp(original, ROMEO);
        assertEquals(2, stanzas.size());
        List<XmppPresenceTranslator.Received> again = new ArrayList<>();
        stanzas.forEach(s -> again.add(new XmppPresenceTranslator.Received(s, NOW)));
        assertEquals(original, T.toPidf(again));
    }

    @Test
    void usesTheDelayStampAsTimestamp() {
        XmppPresence p = XmppPresence.builder().from(JULIET).extra(GenericElement.builder(
                new QName("urn:xmpp:delay", "delay")).attribute("stamp", "2002-09-10T23:08:25Z").build()).build();
        assertEquals(Instant.parse("2002-09-10T23:08:25Z"), T.toPidf(p, NOW).tuples().get(0).timestamp().orElseThrow()
                .toInstant());
    }

    @Test
    void refusesStanzasOfDifferentContactsInOneDocument() {
        assertThrows(IllegalArgumentException.class, () -> T.toPidf(List.of(
                new XmppPresenceTranslator.Received(XmppPresence.builder().from(JULIET).build(), NOW),
                new XmppPresenceTranslator.Received(XmppPresence.builder().from(ROMEO).build(), NOW))));
        assertThrows(IllegalArgumentException.class, () -> T.toPidf(XmppPresence.builder().build(), NOW));
    }
}
