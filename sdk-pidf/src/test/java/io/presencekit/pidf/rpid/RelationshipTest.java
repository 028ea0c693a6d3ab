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

import io.presencekit.pidf.Note;
import io.presencekit.xml.GenericElement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RelationshipTest {
    @Test
    void readsEveryTypeOnATuple() {
        for (Relationship.Type t : Relationship.Type.values()) {
            String xml = tuple("<rpid:relationship><rpid:note>who</rpid:note><rpid:" + t.token()
                    + "/></rpid:relationship>");
            Relationship r = readValid(xml, Relationship.class);
            assertEquals(Optional.of(t), r.type());
            assertEquals(List.of(Note.of("who")), r.notes());
            assertValidRoundTrip(read(xml));
        }
    }

    @Test
    void readsOtherForeignAndNoValue() {
        assertEquals(Optional.of(Note.of("coach", "en")), readValid(tuple("<rpid:relationship>"
                + "<rpid:other xml:lang=\"en\">coach</rpid:other></rpid:relationship>"), Relationship.class).other());
        assertEquals(List.of(GenericElement.builder(vendor("mentor")).build()), readValid(tuple(
                "<rpid:relationship><x:mentor/></rpid:relationship>"), Relationship.class).elements());
        Relationship none = readValid(tuple("<rpid:relationship/>"), Relationship.class);
        assertEquals(Optional.empty(), none.type());
        assertValidRoundTrip(read(tuple("<rpid:relationship><rpid:other>coach</rpid:other></rpid:relationship>")));
        assertValidRoundTrip(read(tuple("<rpid:relationship><x:mentor/><x:tutor/></rpid:relationship>")));
    }

    @Test
    void attributesAreASlipButKept() {
        Relationship r = assertSlip(tuple("<rpid:relationship x:since=\"2001\"><rpid:family/></rpid:relationship>"),
                Relationship.class);
        assertEquals(Map.of(vendor("since"), "2001"), r.extras().attributes());
        assertEquals(Optional.of(Relationship.Type.FAMILY), r.type());
    }

    @Test
    void moreThanOneValueIsUnreadable() {
        assertUnreadable(tuple("<rpid:relationship><rpid:friend/><rpid:family/></rpid:relationship>"),
                Relationship.QNAME);
        assertUnreadable(tuple("<rpid:relationship><rpid:friend/><x:mentor/></rpid:relationship>"),
                Relationship.QNAME);
        assertUnreadable(tuple("<rpid:relationship><rpid:cousin/></rpid:relationship>"), Relationship.QNAME);
    }

    @Test
    void builderRefusesTwoForms() {
        assertThrows(IllegalArgumentException.class,
                () -> Relationship.builder().type(Relationship.Type.SELF).other("me").build());
        assertEquals(Optional.of(Relationship.Type.SELF), Relationship.of(Relationship.Type.SELF).type());
    }
}
