package io.presencekit.xcap.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/** What Conditions, Actions and Transformations share through RulePart. */
class RulePartTest {
    @Test
    void partsWithTheSameContentAreEqualOnlyToTheirOwnKind() {
        assertEquals(Conditions.of(), Conditions.builder().build());
        assertEquals(Conditions.of().hashCode(), Conditions.builder().build().hashCode());
        assertNotEquals(Conditions.of(), Actions.of());
        assertNotEquals(Actions.of(), Transformations.of());
        assertNotEquals(Transformations.of(), Conditions.of());
    }

    @Test
    void toStringNamesThePart() {
        QName a = new QName("urn:x", "a");
        assertEquals("Conditions[]", Conditions.of().toString());
        assertEquals("Actions[]{{urn:x}a=1}", Actions.builder().attribute(a, "1").build().toString());
        assertTrue(Transformations.of().toString().startsWith("Transformations["));
    }

    @Test
    void toBuilderKeepsItemsAndAttributes() {
        QName a = new QName("urn:x", "a");
        Actions actions = Actions.builder().attribute(a, "1").build();
        assertEquals(actions, actions.toBuilder().build());
        assertEquals(Conditions.of(), Conditions.of().toBuilder().build());
        assertTrue(Transformations.of().toBuilder().build().isEmpty());
    }
}
