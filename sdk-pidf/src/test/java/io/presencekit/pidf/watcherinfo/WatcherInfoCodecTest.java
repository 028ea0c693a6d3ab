package io.presencekit.pidf.watcherinfo;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.ElementReader;
import io.presencekit.xml.ElementWriter;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.ParseWarning;
import io.presencekit.xml.XmlLimits;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

class WatcherInfoCodecTest {
    private static final String WI = "urn:ietf:params:xml:ns:watcherinfo";
    private static final String EXT = "urn:example:winfo-ext";

    private static final String EVERY_ATTRIBUTE = """
            <?xml version="1.0" encoding="UTF-8"?>
            <watcherinfo xmlns="urn:ietf:params:xml:ns:watcherinfo" version="7" state="full">
              <watcher-list resource="sip:dana@example.org" package="presence">
                <watcher id="w-1" status="waiting" event="timeout" display-name="Émile Zola"
                         xml:lang="fr" expiration="0" duration-subscribed="3600">
                   sip:emile@example.net
                </watcher>
                <watcher id="w-2" status="active" event="approved"
                         expiration="120">sip:fred@example.net</watcher>
              </watcher-list>
              <watcher-list resource="sip:dana@example.org" package="dialog"/>
            </watcherinfo>
            """;

    private static final String WITH_UNKNOWN_CONTENT = """
            <?xml version="1.0"?>
            <watcherinfo xmlns="urn:ietf:params:xml:ns:watcherinfo" xmlns:x="urn:example:winfo-ext"
                         version="3" state="partial" x:origin="server-2">
              <watcher-list resource="sip:dana@example.org" package="presence" x:tag="list-a">
                <watcher id="a1" status="pending" event="subscribe" x:score="5">sip:gus@example.com</watcher>
                <x:note lang="en">first <x:b>bold</x:b> words</x:note>
              </watcher-list>
              <x:summary pending="1"><x:count>1</x:count></x:summary>
            </watcherinfo>
            """;

    private static WatcherInfo read(String xml) {
        return WatcherInfoCodec.standard().read(xml.getBytes(UTF_8));
    }

    private static WatcherInfo readStrict(String xml) {
        return WatcherInfoCodec.strict().read(xml.getBytes(UTF_8));
    }

    private static String doc(String watcherAttributes) {
        return "<watcherinfo xmlns='" + WI + "' version='0' state='full'>"
                + "<watcher-list resource='sip:dana@example.org' package='presence'>"
                + "<watcher " + watcherAttributes + ">sip:hal@example.com</watcher>"
                + "</watcher-list></watcherinfo>";
    }

    private static String messages(List<ParseWarning> warnings) {
        return warnings.toString();
    }

    @Test
    void readsVersionStateAndEveryWatcherList() {
        WatcherInfo d = read(EVERY_ATTRIBUTE);

        assertEquals(OptionalLong.of(7), d.version());
        assertEquals(WatcherInfo.State.FULL, d.state());
        assertTrue(d.isFull());
        assertEquals(2, d.watcherLists().size());
        WatcherList presence = d.watcherList("sip:dana@example.org", "presence").orElseThrow();
        assertEquals("sip:dana@example.org", presence.resource());
        assertEquals("presence", presence.eventPackage());
        assertEquals(2, presence.watchers().size());
        assertEquals(List.of(), d.watcherList("sip:dana@example.org", "dialog").orElseThrow().watchers());
        assertEquals(List.of(), d.warnings());
    }

    @Test
    void readsEveryWatcherAttribute() {
        WatcherInfo d = read(EVERY_ATTRIBUTE);
        Watcher w = d.watchers().get(0);

        assertEquals("w-1", w.id());
        assertEquals(WatcherStatus.WAITING, w.status());
        assertEquals(WatcherEvent.TIMEOUT, w.event());
        assertEquals(Optional.of("Émile Zola"), w.displayName());
        assertEquals("fr", w.lang());
        assertEquals(Optional.of(Duration.ZERO), w.expiration());
        assertEquals(Optional.of(Duration.ofHours(1)), w.durationSubscribed());
        assertEquals("sip:emile@example.net", w.uri(), "the URI's surrounding whitespace is layout");
        assertEquals(Map.of(), w.attributes());
        assertTrue(w.awaitsAuthorization());

        Watcher w2 = d.watchers().get(1);
        assertEquals(WatcherStatus.ACTIVE, w2.status());
        assertEquals(WatcherEvent.APPROVED, w2.event());
        assertEquals(Optional.empty(), w2.displayName());
        assertNull(w2.lang());
        assertEquals(Optional.of(Duration.ofSeconds(120)), w2.expiration());
        assertEquals(Optional.empty(), w2.durationSubscribed());
    }

    @Test
    void readsEveryStatusAndEventToken() {
        for (WatcherStatus s : WatcherStatus.values()) {
            for (WatcherEvent e : WatcherEvent.values()) {
                Watcher w = readStrict(doc("id='x' status='" + s.token() + "' event='" + e.token() + "'"))
                        .watchers().get(0);
                assertEquals(s, w.status());
                assertEquals(e, w.event());
            }
        }
    }

    @Test
    void strictModeAcceptsAValidDocument() {
        WatcherInfo d = readStrict(EVERY_ATTRIBUTE);
        assertEquals(read(EVERY_ATTRIBUTE), d);
    }

    @Test
    void roundTripIsEqual() {
        WatcherInfo d = read(EVERY_ATTRIBUTE);
        byte[] written = WatcherInfoCodec.standard().write(d);
        WatcherInfo again = WatcherInfoCodec.strict().read(written);

        assertEquals(d, again);
        assertArrayEquals(written, WatcherInfoCodec.standard().write(again), "same model, same bytes");
    }

    @Test
    void unknownAttributesAndElementsAreKeptAndWrittenBack() {
        WatcherInfo d = read(WITH_UNKNOWN_CONTENT);

        assertEquals(Map.of(new QName(EXT, "origin"), "server-2"), d.extras().attributes());
        assertEquals(1, d.extras().children().size());
        GenericElement summary = assertInstanceOf(GenericElement.class, d.extras().children().get(0));
        assertEquals(new QName(EXT, "summary"), summary.qname());
        assertEquals("1", summary.elements().get(0).text());

        WatcherList list = d.watcherLists().get(0);
        assertEquals(Map.of(new QName(EXT, "tag"), "list-a"), list.extras().attributes());
        GenericElement note = assertInstanceOf(GenericElement.class, list.extras().children().get(0));
        assertEquals("first  words", note.text(), "mixed content: the direct text runs");
        assertEquals("bold", note.elements().get(0).text());
        assertEquals(Map.of(new QName(EXT, "score"), "5"), list.watchers().get(0).attributes());
        assertEquals(List.of(), d.warnings());

        byte[] written = WatcherInfoCodec.standard().write(d);
        WatcherInfo again = WatcherInfoCodec.strict().read(written);
        assertEquals(d, again);
        String xml = new String(written, UTF_8);
        assertTrue(xml.contains("<x:b>bold</x:b>"), xml);
        assertTrue(xml.contains("x:origin=\"server-2\""), xml);
    }

    @Test
    void writesTheDefaultNamespaceAndSchemaOrderDeterministically() {
        WatcherInfo d = WatcherInfo.builder(4, WatcherInfo.State.PARTIAL)
                .watcherList(WatcherList.builder("sip:dana@example.org", "presence")
                        .watcher(Watcher.builder("p1", "sip:ivy@example.com").status(WatcherStatus.PENDING)
                                .event(WatcherEvent.SUBSCRIBE).displayName("Ivy & Co", "en")
                                .expirationSeconds(3600).durationSubscribedSeconds(5).build())
                        .extension(GenericElement.ofText(new QName(EXT, "hint", "h"), "x"))
                        .build())
                .build();

        String xml = new String(WatcherInfoCodec.standard().write(d), UTF_8);

        assertEquals("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<watcherinfo xmlns=\"urn:ietf:params:xml:ns:watcherinfo\" xmlns:h=\"urn:example:winfo-ext\""
                + " version=\"4\" state=\"partial\">"
                + "<watcher-list resource=\"sip:dana@example.org\" package=\"presence\">"
                + "<watcher id=\"p1\" status=\"pending\" event=\"subscribe\" display-name=\"Ivy &amp; Co\""
                + " xml:lang=\"en\" expiration=\"3600\" duration-subscribed=\"5\">sip:ivy@example.com</watcher>"
                + "<h:hint>x</h:hint>"
                + "</watcher-list></watcherinfo>", xml);
        assertEquals(d, WatcherInfoCodec.strict().read(xml.getBytes(UTF_8)));
    }

    @Test
    void unknownStatusIsAWarningAndTheWatcherIsKeptWithTheRawValue() {
        WatcherInfo d = read(doc("id='x' status='blocked' event='subscribe'"));

        Watcher w = d.watchers().get(0);
        assertNull(w.status());
        assertEquals(WatcherEvent.SUBSCRIBE, w.event());
        assertEquals("sip:hal@example.com", w.uri());
        assertEquals(Map.of(new QName("status"), "blocked"), w.attributes());
        assertEquals(1, d.warnings().size());
        assertTrue(messages(d.warnings()).contains("blocked"), messages(d.warnings()));

        String xml = new String(WatcherInfoCodec.standard().write(d), UTF_8);
        assertTrue(xml.contains("status=\"blocked\""), xml);
        assertEquals(d, read(xml));
    }

    @Test
    void unknownStatusIsAnErrorInStrictMode() {
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> readStrict(doc("id='x' status='blocked' event='subscribe'")));
        assertEquals(Reason.SCHEMA, e.reason());
        assertTrue(e.line() > 0);
    }

    @Test
    void unusableEventAndNumbersAreKeptRaw() {
        WatcherInfo d = read(doc("id='x' status='active' event='Approved' expiration='soon'"
                + " duration-subscribed='18446744073709551615'"));

        Watcher w = d.watchers().get(0);
        assertNull(w.event());
        assertEquals(Optional.empty(), w.expiration());
        assertEquals(Optional.empty(), w.durationSubscribed());
        assertEquals(Map.of(new QName("event"), "Approved", new QName("expiration"), "soon",
                new QName("duration-subscribed"), "18446744073709551615"), w.attributes());
        assertEquals(3, d.warnings().size(), messages(d.warnings()));
        assertEquals(d, read(new String(WatcherInfoCodec.standard().write(d), UTF_8)));
    }

    @Test
    void signedZeroAndPlusSignAreValidNumbers() {
        Watcher w = readStrict(doc("id='x' status='active' event='approved' expiration='+30'"
                + " duration-subscribed='-0'")).watchers().get(0);
        assertEquals(Optional.of(Duration.ofSeconds(30)), w.expiration());
        assertEquals(Optional.of(Duration.ZERO), w.durationSubscribed());
        assertThrows(DocumentParseException.class,
                () -> readStrict(doc("id='x' status='active' event='approved' expiration='-5'")));
    }

    @Test
    void missingRequiredAttributesAreWarningsInStandardModeAndErrorsInStrictMode() {
        String xml = "<watcherinfo xmlns='" + WI + "'><watcher-list>"
                + "<watcher>sip:jo@example.com</watcher></watcher-list></watcherinfo>";

        WatcherInfo d = read(xml);
        assertEquals(OptionalLong.empty(), d.version());
        assertNull(d.state());
        WatcherList list = d.watcherLists().get(0);
        assertNull(list.resource());
        assertNull(list.eventPackage());
        Watcher w = list.watchers().get(0);
        assertNull(w.id());
        assertNull(w.status());
        assertNull(w.event());
        assertEquals("sip:jo@example.com", w.uri());
        assertEquals(7, d.warnings().size(), messages(d.warnings()));

        DocumentParseException e = assertThrows(DocumentParseException.class, () -> readStrict(xml));
        assertEquals(Reason.SCHEMA, e.reason());
    }

    @Test
    void unusableVersionAndStateAreKeptRaw() {
        WatcherInfo d = read("<watcherinfo xmlns='" + WI + "' version='v2' state='FULL'/>");

        assertEquals(OptionalLong.empty(), d.version());
        assertNull(d.state());
        assertEquals(Map.of(new QName("version"), "v2", new QName("state"), "FULL"), d.extras().attributes());
        assertEquals(2, d.warnings().size());
        assertEquals(d, read(new String(WatcherInfoCodec.standard().write(d), UTF_8)));
    }

    @Test
    void wrongNamespaceIsRejectedInEveryMode() {
        String noNamespace = "<watcherinfo version='0' state='full'/>";
        String otherNamespace = "<watcherinfo xmlns='urn:ietf:params:xml:ns:pidf' version='0' state='full'/>";
        for (WatcherInfoCodec codec : List.of(WatcherInfoCodec.standard(), WatcherInfoCodec.strict())) {
            for (String xml : List.of(noNamespace, otherNamespace)) {
                DocumentParseException e = assertThrows(DocumentParseException.class,
                        () -> codec.read(xml.getBytes(UTF_8)));
                assertEquals(Reason.WRONG_DOCUMENT, e.reason(), xml);
            }
        }
    }

    @Test
    void aPidfDocumentIsNotWatcherInfo() {
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> read("<presence xmlns='urn:ietf:params:xml:ns:pidf' entity='sip:a@example.com'/>"));
        assertEquals(Reason.WRONG_DOCUMENT, e.reason());
    }

    @Test
    void doctypeIsRefused() {
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> read("<?xml version='1.0'?><!DOCTYPE watcherinfo [<!ENTITY x 'y'>]>"
                        + "<watcherinfo xmlns='" + WI + "' version='0' state='full'/>"));
        assertEquals(Reason.FORBIDDEN_CONSTRUCT, e.reason());
    }

    @Test
    void malformedAndEmptyInputIsRefused() {
        DocumentParseException truncated = assertThrows(DocumentParseException.class,
                () -> read("<watcherinfo xmlns='" + WI + "' version='0' state='full'><watcher-list"));
        assertEquals(Reason.MALFORMED, truncated.reason());
        DocumentParseException empty = assertThrows(DocumentParseException.class, () -> read("  \n"));
        assertEquals(Reason.EMPTY, empty.reason());
    }

    @Test
    void watcherinfoElementsOutOfPlaceAreKeptWithAWarning() {
        String xml = "<watcherinfo xmlns='" + WI + "' xmlns:x='" + EXT + "' version='0' state='full'>"
                + "<x:first/>"
                + "<watcher-list resource='sip:dana@example.org' package='presence'/>"
                + "<watcher id='stray' status='active' event='approved'>sip:kim@example.com</watcher>"
                + "</watcherinfo>";

        WatcherInfo d = read(xml);

        assertEquals(1, d.watcherLists().size());
        assertEquals(List.of(new QName(EXT, "first"), new QName(WI, "watcher")),
                d.extras().children().stream().map(ExtensionElement::qname).toList());
        assertEquals(2, d.warnings().size(), messages(d.warnings()));
        assertThrows(DocumentParseException.class, () -> readStrict(xml));
    }

    @Test
    void readsFromAStreamWithinTheLimit() {
        WatcherInfoCodec small = WatcherInfoCodec.builder()
                .limits(XmlLimits.custom().maxDocumentBytes(EVERY_ATTRIBUTE.length()).build()).build();
        byte[] bytes = EVERY_ATTRIBUTE.getBytes(UTF_8);

        assertEquals(read(EVERY_ATTRIBUTE), WatcherInfoCodec.standard().read(new ByteArrayInputStream(bytes)));
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> small.read(new ByteArrayInputStream(bytes)));
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
    }

    @Test
    void aRegisteredExtensionCodecReadsItsElement() {
        WatcherInfoCodec codec = WatcherInfoCodec.builder().register(new PriorityCodec()).prefix(EXT, "x").build();
        String xml = "<watcherinfo xmlns='" + WI + "' xmlns:e='" + EXT + "' version='1' state='full'>"
                + "<watcher-list resource='sip:dana@example.org' package='presence'>"
                + "<e:priority>3</e:priority></watcher-list></watcherinfo>";

        WatcherInfo d = codec.read(xml.getBytes(UTF_8));

        assertEquals(List.of(new Priority(3)), d.watcherLists().get(0).extras().children());
        String written = new String(codec.write(d), UTF_8);
        assertTrue(written.contains("<x:priority>3</x:priority>"), written);
        assertEquals(d, codec.read(written.getBytes(UTF_8)));
        assertFalse(WatcherInfoCodec.standard().read(xml.getBytes(UTF_8)).watcherLists().get(0).extras()
                .children().get(0) instanceof Priority, "the standard codec has no extension codecs");
    }

    @Test
    void contentTypeIsWatcherInfo() {
        assertEquals("application/watcherinfo+xml", WatcherInfoCodec.CONTENT_TYPE);
        assertFalse(WatcherInfoCodec.standard().isStrict());
        assertTrue(WatcherInfoCodec.strict().isStrict());
    }

    record Priority(int value) implements ExtensionElement {
        static final QName QNAME = new QName(EXT, "priority");

        @Override
        public QName qname() {
            return QNAME;
        }
    }

    static final class PriorityCodec implements ExtensionCodec<Priority> {
        @Override
        public QName name() {
            return Priority.QNAME;
        }

        @Override
        public Class<Priority> type() {
            return Priority.class;
        }

        @Override
        public Priority read(ElementReader in) {
            return new Priority(in.parseInt(in.text()));
        }

        @Override
        public void write(Priority value, ElementWriter out) {
            out.textElement(Priority.QNAME, Integer.toString(value.value()));
        }
    }
}
