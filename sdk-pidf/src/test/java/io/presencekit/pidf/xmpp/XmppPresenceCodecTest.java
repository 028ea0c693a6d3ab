package io.presencekit.pidf.xmpp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xml.GenericElement;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class XmppPresenceCodecTest {
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static final String FULL = "<presence xmlns='jabber:client' from='juliet@example.com/balcony'"
            + " to='romeo@example.net' id='p1' xml:lang='en' xmlns:x='urn:example:x' x:flag='1' extra='2'>"
            + "<show>away</show><status>Out</status><status xml:lang='fr'>Sortie</status><priority>-5</priority>"
            + "<c xmlns='http://jabber.org/protocol/caps' hash='sha-1' node='n' ver='v'/>"
            + "<x:thing a='b'>t<x:inner/></x:thing></presence>";

    @Test
    void readsEveryPart() {
        XmppPresence p = XmppPresenceCodec.standard().read(utf8(FULL));
        assertEquals(Jid.parse("juliet@example.com/balcony"), p.from().orElseThrow());
        assertEquals(Jid.parse("romeo@example.net"), p.to().orElseThrow());
        assertEquals("p1", p.id().orElseThrow());
        assertEquals(XmppPresence.Type.AVAILABLE, p.type());
        assertEquals(XmppPresence.Show.AWAY, p.show());
        assertEquals("en", p.lang().orElseThrow());
        assertEquals("Out", p.status(null).orElseThrow());
        assertEquals("Sortie", p.status("fr").orElseThrow());
        assertEquals(-5, p.priority().getAsInt());
        assertEquals(2, p.extras().attributes().size());
        assertEquals("1", p.extras().attributes().get(new QName("urn:example:x", "flag")));
        assertEquals(2, p.extras().children().size());
        assertEquals(new QName("http://jabber.org/protocol/caps", "c"), p.extras().children().get(0).qname());
        assertTrue(p.warnings().isEmpty());
    }

    @ParameterizedTest
    @EnumSource(StanzaNamespace.class)
    void roundTripsInEveryNamespace(StanzaNamespace ns) {
        XmppPresence p = XmppPresenceCodec.standard().read(utf8(FULL));
        byte[] written = XmppPresenceCodec.standard().write(p, ns);
        assertTrue(new String(written, StandardCharsets.UTF_8).contains("xmlns=\"" + ns.uri() + "\""));
        assertEquals(p, XmppPresenceCodec.standard().read(written));
        XmppPresenceCodec codec = XmppPresenceCodec.builder().namespace(ns).build();
        assertEquals(p, codec.read(codec.write(p)));
    }

    @Test
    void keepsStanzaNamespaceChildrenIndependentOfTheStream() {
        String server = "<presence xmlns='jabber:server' type='error' from='a@b'><error type='cancel'>"
                + "<item-not-found xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/></error></presence>";
        XmppPresence p = XmppPresenceCodec.standard().read(utf8(server));
        assertEquals(XmppPresence.Type.ERROR, p.type());
        GenericElement error = (GenericElement) p.extras().children().get(0);
        assertEquals(new QName("jabber:client", "error"), error.qname());
        String written = new String(XmppPresenceCodec.standard().write(p, StanzaNamespace.COMPONENT_ACCEPT),
                StandardCharsets.UTF_8);
        assertTrue(written.contains("<error type=\"cancel\">"), written);
        assertEquals(p, XmppPresenceCodec.standard().read(utf8(written)));
    }

    @ParameterizedTest
    @EnumSource(XmppPresence.Type.class)
    void roundTripsEveryType(XmppPresence.Type type) {
        XmppPresence p = XmppPresence.builder().from(Jid.parse("a@b/c")).type(type).build();
        assertEquals(p, XmppPresenceCodec.strict().read(XmppPresenceCodec.strict().write(p)));
    }

    @ParameterizedTest
    @EnumSource(XmppPresence.Show.class)
    void roundTripsEveryShow(XmppPresence.Show show) {
        XmppPresence p = XmppPresence.builder().from(Jid.parse("a@b/c")).show(show).priority(127).build();
        assertEquals(p, XmppPresenceCodec.strict().read(XmppPresenceCodec.strict().write(p)));
    }

    @Test
    void badShowAndPriorityAreWarningsWhenLenientAndErrorsWhenStrict() {
        String doc = "<presence xmlns='jabber:client'><show>sleepy</show><priority>300</priority></presence>";
        XmppPresence p = XmppPresenceCodec.standard().read(utf8(doc));
        assertEquals(XmppPresence.Show.NONE, p.show());
        assertFalse(p.priority().isPresent());
        assertEquals(2, p.warnings().size());
        assertEquals(2, p.extras().children().size());
        assertEquals(p, XmppPresenceCodec.standard().read(XmppPresenceCodec.standard().write(p)));
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> XmppPresenceCodec.strict().read(utf8(doc)));
        assertEquals(Reason.SCHEMA, e.reason());
        assertTrue(e.line() > 0);
    }

    @Test
    void refusesUnknownTypeBadJidAndOtherRoots() {
        assertEquals(Reason.SCHEMA, assertThrows(DocumentParseException.class, () -> XmppPresenceCodec.standard()
                .read(utf8("<presence xmlns='jabber:client' type='online'/>"))).reason());
        assertEquals(Reason.SCHEMA, assertThrows(DocumentParseException.class, () -> XmppPresenceCodec.standard()
                .read(utf8("<presence xmlns='jabber:client' from='a@'/>"))).reason());
        assertEquals(Reason.WRONG_DOCUMENT, assertThrows(DocumentParseException.class,
                () -> XmppPresenceCodec.standard().read(utf8("<message xmlns='jabber:client'/>"))).reason());
        assertEquals(Reason.WRONG_DOCUMENT, assertThrows(DocumentParseException.class,
                () -> XmppPresenceCodec.standard().read(utf8("<presence/>"))).reason());
    }

    @Test
    void refusesExternalEntities() {
        String xxe = "<?xml version='1.0'?>\n<!DOCTYPE presence [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>\n"
                + "<presence xmlns='jabber:client'><status>&x;</status></presence>";
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> XmppPresenceCodec.standard().read(utf8(xxe)));
        assertEquals(Reason.FORBIDDEN_CONSTRUCT, e.reason());
        assertTrue(e.line() >= 1 && e.column() >= 1, e.getMessage());
    }

    @Test
    void refusesEntityExpansion() {
        StringBuilder sb = new StringBuilder("<?xml version='1.0'?>\n<!DOCTYPE presence [<!ENTITY a0 'lol'>");
        for (int i = 1; i < 10; i++) {
            sb.append("<!ENTITY a").append(i).append(" '").append(("&a" + (i - 1) + ";").repeat(10)).append("'>");
        }
        sb.append("]>\n<presence xmlns='jabber:client'><status>&a9;</status></presence>");
        DocumentParseException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(DocumentParseException.class, () -> XmppPresenceCodec.standard()
                        .read(utf8(sb.toString()))));
        assertEquals(Reason.FORBIDDEN_CONSTRUCT, e.reason());
        // an undeclared entity without DOCTYPE is refused as well
        assertEquals(Reason.FORBIDDEN_CONSTRUCT, assertThrows(DocumentParseException.class,
                () -> XmppPresenceCodec.standard()
                        .read(utf8("<presence xmlns='jabber:client'><status>&lol;</status></presence>"))).reason());
    }

    @Test
    void refusesDeepNesting() {
        String deep = "<presence xmlns='jabber:client'>" + "<x xmlns='urn:x'>".repeat(10_000)
                + "</x>".repeat(10_000) + "</presence>";
        DocumentParseException e = assertTimeoutPreemptively(HANG_GUARD,
                () -> assertThrows(DocumentParseException.class, () -> XmppPresenceCodec.standard().read(utf8(deep))));
        assertEquals(Reason.LIMIT_EXCEEDED, e.reason());
        assertTrue(e.line() >= 1 && e.column() > 1, e.getMessage());
    }

    @Test
    void refusesMalformedAndEmptyInput() {
        assertEquals(Reason.MALFORMED, assertThrows(DocumentParseException.class,
                () -> XmppPresenceCodec.standard().read(utf8("<presence xmlns='jabber:client'><show>"))).reason());
        assertEquals(Reason.EMPTY, assertThrows(DocumentParseException.class,
                () -> XmppPresenceCodec.standard().read(utf8("  "))).reason());
    }
}
