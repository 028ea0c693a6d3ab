package io.presencekit.xcap.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.testing.Vectors;
import io.presencekit.xml.GenericElement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class XcapErrorCodecTest {
    private static final String NS = XcapErrorCodec.NAMESPACE;
    private static final XcapErrorCodec CODEC = XcapErrorCodec.standard();

    private static XcapError read(String xml) {
        return CODEC.read(xml.getBytes(StandardCharsets.UTF_8));
    }

    private static XcapError roundTrip(XcapError e) {
        XcapError again = CODEC.read(CODEC.write(e));
        assertEquals(e, again);
        return again;
    }

    @Test
    void readsTheUniquenessFailureExampleOfRfc4825Section11() {
        XcapError e = CODEC.read(Vectors.bytes("rfc4825-xcap-error-ex1.xml"));
        XcapErrorCondition.UniquenessFailure uf = assertInstanceOf(XcapErrorCondition.UniquenessFailure.class,
                e.condition());
        assertEquals(XcapErrorType.UNIQUENESS_FAILURE, e.type());
        assertEquals(List.of(new XcapErrorCondition.Exists("rls-services/service/@uri",
                List.of("sip:mybuddies@example.com"), null)), uf.exists());
        assertEquals("uniqueness-failure (rls-services/service/@uri, try sip:mybuddies@example.com)", e.describe());
        roundTrip(e);
    }

    static Stream<Arguments> phraseOnlyConditions() {
        return Stream.of(XcapErrorType.NOT_WELL_FORMED, XcapErrorType.NOT_UTF_8, XcapErrorType.NOT_XML_FRAG,
                XcapErrorType.NOT_XML_ATT_VALUE, XcapErrorType.SCHEMA_VALIDATION_ERROR, XcapErrorType.CANNOT_INSERT,
                XcapErrorType.CANNOT_DELETE, XcapErrorType.CONSTRAINT_FAILURE).map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("phraseOnlyConditions")
    void readsEveryPhraseOnlyConditionWithAndWithoutPhrase(XcapErrorType type) {
        String name = type.elementName().orElseThrow();
        XcapError bare = read("<xcap-error xmlns='" + NS + "'><" + name + "/></xcap-error>");
        assertEquals(type, bare.type());
        assertEquals(Optional.empty(), bare.reasonPhrase());
        XcapError withPhrase = read("<?xml version='1.0' encoding='UTF-8'?>\n<xcap-error xmlns='" + NS + "'>\n  <"
                + name + " phrase='Bad &amp; worse'/>\n</xcap-error>");
        assertEquals(type, withPhrase.type());
        assertEquals(Optional.of("Bad & worse"), withPhrase.reasonPhrase());
        assertInstanceOf(XcapErrorCondition.Simple.class, withPhrase.condition());
        roundTrip(withPhrase);
        roundTrip(bare);
    }

    @Test
    void readsNoParentWithItsAncestor() {
        XcapError e = read("<xcap-error xmlns='" + NS + "'><no-parent phrase='Parent does not exist'>"
                + "<ancestor>http://xcap.example.com/resource-lists/users/sip:bill@example.com/index/~~/resource-lists"
                + "</ancestor></no-parent></xcap-error>");
        XcapErrorCondition.NoParent np = assertInstanceOf(XcapErrorCondition.NoParent.class, e.condition());
        assertEquals(Optional.of("http://xcap.example.com/resource-lists/users/sip:bill@example.com/index/~~/"
                + "resource-lists"), np.ancestorUri());
        assertEquals(Optional.of("Parent does not exist"), e.reasonPhrase());
        roundTrip(e);
        assertEquals(Optional.empty(), ((XcapErrorCondition.NoParent) read("<xcap-error xmlns='" + NS
                + "'><no-parent/></xcap-error>").condition()).ancestorUri());
    }

    @Test
    void readsUniquenessFailureWithSeveralFieldsAndNoAlternatives() {
        XcapError e = read("<xcap-error xmlns='" + NS + "'><uniqueness-failure phrase='dup'>"
                + "<exists field='a/@b'/><exists field='c/@d'><alt-value>x</alt-value><alt-value>y</alt-value></exists>"
                + "</uniqueness-failure></xcap-error>");
        XcapErrorCondition.UniquenessFailure uf = (XcapErrorCondition.UniquenessFailure) e.condition();
        assertEquals(2, uf.exists().size());
        assertEquals(List.of(), uf.exists().get(0).altValues());
        assertEquals(List.of("x", "y"), uf.exists().get(1).altValues());
        roundTrip(e);
    }

    @Test
    void extensionConditionKeepsItsContent() {
        XcapError e = read("<xcap-error xmlns='" + NS + "'><extension><q:quota-exceeded xmlns:q='urn:example:quota'"
                + " limit='100'><q:used>101</q:used></q:quota-exceeded></extension></xcap-error>");
        XcapErrorCondition.Extension ext = assertInstanceOf(XcapErrorCondition.Extension.class, e.condition());
        GenericElement quota = ext.content().get(0);
        assertEquals(new QName("urn:example:quota", "quota-exceeded"), quota.qname());
        assertEquals("100", quota.attribute(new QName("limit")));
        roundTrip(e);
    }

    @Test
    void unknownConditionsAttributesAndChildrenAreKept() {
        XcapError e = read("<xcap-error xmlns='" + NS + "' xmlns:v='urn:example:vendor' v:trace='42'>"
                + "<too-many-lists phrase='slow down' max='5'/>"
                + "<v:hint>split the list</v:hint></xcap-error>");
        XcapErrorCondition.Unknown u = assertInstanceOf(XcapErrorCondition.Unknown.class, e.condition());
        assertEquals(new QName(NS, "too-many-lists"), u.element().qname());
        assertEquals(Optional.of("slow down"), e.reasonPhrase());
        assertEquals("42", e.extras().attributes().get(new QName("urn:example:vendor", "trace")));
        assertEquals(1, e.extras().children().size());
        roundTrip(e);

        XcapError known = read("<xcap-error xmlns='" + NS + "'><cannot-delete phrase='p' v:x='1'"
                + " xmlns:v='urn:example:vendor'><v:why>idempotency</v:why></cannot-delete></xcap-error>");
        XcapErrorCondition.Simple s = (XcapErrorCondition.Simple) known.condition();
        assertEquals("1", s.extras().attributes().get(new QName("urn:example:vendor", "x")));
        assertEquals(1, s.extras().children().size());
        roundTrip(known);
    }

    @Test
    void writesTheRfcNamespaceAsDefault() {
        String xml = new String(CODEC.write(XcapError.of(XcapErrorType.NOT_WELL_FORMED, null)), StandardCharsets.UTF_8);
        assertTrue(xml.contains("<xcap-error xmlns=\"urn:ietf:params:xml:ns:xcap-error\"><not-well-formed/></xcap-error>"),
                xml);
    }

    @Test
    void refusesWhatIsNotAnXcapErrorReport() {
        DocumentParseException wrong = assertThrows(DocumentParseException.class,
                () -> read("<xcap-error xmlns='urn:other'><not-well-formed/></xcap-error>"));
        assertEquals(DocumentParseException.Reason.WRONG_DOCUMENT, wrong.reason());
        DocumentParseException empty = assertThrows(DocumentParseException.class,
                () -> read("<xcap-error xmlns='" + NS + "'/>"));
        assertEquals(DocumentParseException.Reason.SCHEMA, empty.reason());
        DocumentParseException doctype = assertThrows(DocumentParseException.class,
                () -> read("<!DOCTYPE x [<!ENTITY e 'boom'>]><xcap-error xmlns='" + NS + "'><not-well-formed phrase='&e;'/></xcap-error>"));
        assertEquals(DocumentParseException.Reason.FORBIDDEN_CONSTRUCT, doctype.reason());
        assertThrows(DocumentParseException.class, () -> read("<xcap-error xmlns='" + NS + "'><not-well-formed>"));
    }
}
