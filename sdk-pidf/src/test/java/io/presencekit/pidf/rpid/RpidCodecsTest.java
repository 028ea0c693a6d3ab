package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readStrict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.Device;
import io.presencekit.pidf.Namespaces;
import io.presencekit.pidf.Person;
import io.presencekit.pidf.PidfCodec;
import io.presencekit.pidf.PresenceDocument;
import io.presencekit.pidf.Tuple;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.GenericElement;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class RpidCodecsTest {
    private static final String FULL = """
            <?xml version="1.0" encoding="UTF-8"?>
            <presence xmlns="urn:ietf:params:xml:ns:pidf"
                xmlns:dm="urn:ietf:params:xml:ns:pidf:data-model"
                xmlns:rpid="urn:ietf:params:xml:ns:pidf:rpid"
                xmlns:lt="urn:ietf:params:xml:ns:location-type"
                entity="pres:carol@example.org">
              <tuple id="sip">
                <status><basic>open</basic></status>
                <rpid:class>phone</rpid:class>
                <rpid:relationship><rpid:self/></rpid:relationship>
                <rpid:service-class><rpid:electronic/></rpid:service-class>
                <rpid:status-icon>https://example.org/on-call.png</rpid:status-icon>
                <rpid:user-input>active</rpid:user-input>
                <contact priority="0.9">sip:carol@example.org</contact>
              </tuple>
              <dm:person id="carol">
                <rpid:activities from="2024-04-02T14:00:00+02:00" until="2024-04-02T15:00:00+02:00">
                  <rpid:note xml:lang="en">Quarterly review</rpid:note>
                  <rpid:meeting/>
                  <rpid:presentation/>
                </rpid:activities>
                <rpid:class>work</rpid:class>
                <rpid:mood><rpid:stressed/><rpid:other>focused</rpid:other></rpid:mood>
                <rpid:place-is><rpid:audio><rpid:quiet/></rpid:audio><rpid:text><rpid:ok/></rpid:text></rpid:place-is>
                <rpid:place-type><lt:office/></rpid:place-type>
                <rpid:privacy><rpid:text/></rpid:privacy>
                <rpid:sphere><rpid:work/></rpid:sphere>
                <rpid:status-icon>https://example.org/busy.png</rpid:status-icon>
                <rpid:time-offset description="Europe/Paris">120</rpid:time-offset>
                <rpid:user-input idle-threshold="300">active</rpid:user-input>
                <dm:note>At the office</dm:note>
                <dm:timestamp>2024-04-02T14:05:00+02:00</dm:timestamp>
              </dm:person>
              <dm:device id="laptop">
                <rpid:user-input last-input="2024-04-02T14:04:00+02:00">active</rpid:user-input>
                <dm:deviceID>urn:uuid:3f2504e0-4f89-11d3-9a0c-0305e82c3301</dm:deviceID>
              </dm:device>
            </presence>
            """;

    @Test
    void providesOneCodecPerElement() {
        List<ExtensionCodec<?>> codecs = RpidCodecs.codecs();
        Set<QName> names = new HashSet<>();
        for (ExtensionCodec<?> c : codecs) {
            assertEquals(Namespaces.RPID, c.name().getNamespaceURI());
            assertTrue(names.add(c.name()), () -> "two codecs for " + c.name());
        }
        assertEquals(Set.of(Activities.QNAME, RpidClass.QNAME, Mood.QNAME, PlaceIs.QNAME, PlaceType.QNAME,
                Privacy.QNAME, Relationship.QNAME, ServiceClass.QNAME, Sphere.QNAME, StatusIcon.QNAME,
                TimeOffset.QNAME, UserInput.QNAME), names);
    }

    @Test
    void readsAFullDocumentTypedEverywhere() {
        PresenceDocument doc = readStrict(FULL);
        Tuple t = doc.tuple("sip").orElseThrow();
        assertEquals(5, t.extensions().size());
        assertEquals(ServiceClass.Type.ELECTRONIC, t.extension(ServiceClass.class).orElseThrow().type().orElseThrow());
        assertEquals(Relationship.Type.SELF, t.extension(Relationship.class).orElseThrow().type().orElseThrow());
        Person p = doc.person().orElseThrow();
        assertEquals(10, p.extensions().size());
        p.extensions().forEach(e -> assertTrue(!(e instanceof GenericElement), () -> "generic: " + e));
        assertEquals(List.of("meeting", "presentation"), p.extension(Activities.class).orElseThrow().tokens());
        assertEquals(List.of("focused"), p.extension(Mood.class).orElseThrow().otherTexts());
        assertEquals(List.of("office"), p.extension(PlaceType.class).orElseThrow().locationTypes());
        assertEquals(120, p.extension(TimeOffset.class).orElseThrow().minutes());
        Device d = doc.devices().get(0);
        assertTrue(d.extension(UserInput.class).orElseThrow().lastInput().orElseThrow()
                .isEqual(OffsetDateTime.parse("2024-04-02T12:04:00Z")));
        assertEquals(doc, read(FULL));
    }

    @Test
    void writesAFullDocumentBackEqual() {
        String written = assertValidRoundTrip(read(FULL));
        assertTrue(written.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<presence"
                + " xmlns=\"urn:ietf:params:xml:ns:pidf\" xmlns:dm=\"urn:ietf:params:xml:ns:pidf:data-model\""
                + " xmlns:rpid=\"urn:ietf:params:xml:ns:pidf:rpid\" xmlns:lt=\"urn:ietf:params:xml:ns:location-type\""),
                written);
    }

    @Test
    void withoutTheCodecsRpidStaysGenericAndRoundTrips() {
        PidfCodec.Builder withoutRpid = PidfCodec.builder();
        RpidCodecs.codecs().forEach(c -> withoutRpid.unregister(c.name()));
        PidfCodec plain = withoutRpid.build();
        PresenceDocument generic = plain.read(FULL.getBytes(StandardCharsets.UTF_8));
        assertInstanceOf(GenericElement.class, generic.person().orElseThrow().extensions().get(0));
        // what the generic reader writes, the typed reader reads, and vice versa
        PresenceDocument typed = read(new String(plain.write(generic), StandardCharsets.UTF_8));
        assertEquals(read(FULL), typed);
        assertEquals(generic, plain.read(RpidFixtures.LENIENT.write(typed)));
    }

    /**
     * The sphere codec reads its element with {@code readGeneric()} (the reader has no cursor for
     * mixed content), and {@code readGeneric()} applies the mustUnderstand check meant for
     * unclaimed elements, so an understood sphere marked mustUnderstand is refused.
     */
    @Test
    void sphereMarkedMustUnderstandIsRead() {
        PresenceDocument doc = read(RpidFixtures.person("<rpid:sphere xmlns:pidf=\"urn:ietf:params:xml:ns:pidf\""
                + " pidf:mustUnderstand=\"true\"><rpid:work/></rpid:sphere>"));
        assertEquals(Sphere.Type.WORK, RpidFixtures.only(doc, Sphere.class).type().orElseThrow());
    }
}
