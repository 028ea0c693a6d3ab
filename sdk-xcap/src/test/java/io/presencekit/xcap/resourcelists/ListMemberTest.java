package io.presencekit.xcap.resourcelists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** What Entry, EntryRef and External share through ListMember. */
class ListMemberTest {
    private static final QName ATTR = new QName("urn:x", "a", "x");

    @Test
    void toBuilderKeepsTheAttributeTheDisplayNameAndTheExtras() {
        Entry entry = Entry.builder("sip:a@example.com").displayName("A").attribute(ATTR, "1").build();
        assertEquals(entry, entry.toBuilder().build());
        assertEquals("A", entry.toBuilder().build().displayNameText().orElseThrow());
        EntryRef ref = EntryRef.builder("resource-lists/users/x/index/~~/a").displayName("R").build();
        assertEquals(ref, ref.toBuilder().build());
        External external = External.builder().anchor("http://example.com/list").attribute(ATTR, "2").build();
        assertEquals(external, external.toBuilder().build());
        assertEquals(external.hashCode(), external.toBuilder().build().hashCode());
    }

    @Test
    void membersWithTheSameTextAreEqualOnlyToTheirOwnKind() {
        assertNotEquals(Entry.of("x"), EntryRef.of("x"));
        assertNotEquals(EntryRef.of("x"), External.of("x"));
    }

    @Test
    void toStringNamesTheMember() {
        assertEquals("Entry[uri=sip:a@example.com, displayName=A]", Entry.of("sip:a@example.com", "A").toString());
        assertTrue(EntryRef.of("r").toString().startsWith("EntryRef[ref=r"));
        assertTrue(External.of("h").toString().startsWith("External[anchor=h"));
    }
}
