package io.presencekit.pidf.rpid;

import static io.presencekit.pidf.rpid.RpidFixtures.assertSlip;
import static io.presencekit.pidf.rpid.RpidFixtures.assertUnreadable;
import static io.presencekit.pidf.rpid.RpidFixtures.assertValidRoundTrip;
import static io.presencekit.pidf.rpid.RpidFixtures.read;
import static io.presencekit.pidf.rpid.RpidFixtures.readValid;
import static io.presencekit.pidf.rpid.RpidFixtures.tuple;
import static io.presencekit.pidf.rpid.RpidFixtures.vendor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServiceClassTest {
    @Test
    void readsEveryTypeOnATuple() {
        for (ServiceClass.Type t : ServiceClass.Type.values()) {
            String xml = tuple("<rpid:service-class><rpid:" + t.token() + "/></rpid:service-class>");
            assertEquals(Optional.of(t), readValid(xml, ServiceClass.class).type());
            assertValidRoundTrip(read(xml));
        }
        assertEquals("in-person", ServiceClass.Type.IN_PERSON.token());
    }

    @Test
    void readsForeignValues() {
        String xml = tuple("<rpid:service-class><rpid:note>drone</rpid:note><x:airdrop/></rpid:service-class>");
        ServiceClass s = readValid(xml, ServiceClass.class);
        assertEquals(List.of(GenericElement.builder(vendor("airdrop")).build()), s.elements());
        assertEquals(Optional.empty(), s.type());
        assertValidRoundTrip(read(xml));
    }

    @Test
    void keepsAttributesAndChildrenAsASlip() {
        ServiceClass s = assertSlip(tuple("<rpid:service-class weight=\"1\"><rpid:postal/><hint xmlns=\"\"/>"
                + "</rpid:service-class>"), ServiceClass.class);
        assertEquals(1, s.extras().attributes().size());
        assertEquals(1, s.extras().children().size());
    }

    @Test
    void missingOrExtraValueIsUnreadable() {
        assertUnreadable(tuple("<rpid:service-class/>"), ServiceClass.QNAME);
        assertUnreadable(tuple("<rpid:service-class><rpid:postal/><rpid:courier/></rpid:service-class>"),
                ServiceClass.QNAME);
        assertUnreadable(tuple("<rpid:service-class><rpid:telepathy/></rpid:service-class>"), ServiceClass.QNAME);
    }

    @Test
    void builderNeedsExactlyOneForm() {
        assertThrows(IllegalArgumentException.class, () -> ServiceClass.builder().build());
        assertThrows(IllegalArgumentException.class, () -> ServiceClass.builder().type(ServiceClass.Type.POSTAL)
                .element(GenericElement.builder(vendor("airdrop")).build()).build());
    }
}
