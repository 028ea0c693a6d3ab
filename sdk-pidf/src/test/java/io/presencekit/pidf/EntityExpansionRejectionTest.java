package io.presencekit.pidf;

import static io.presencekit.pidf.HostileInputs.PIDF;
import static io.presencekit.pidf.HostileInputs.assertPositioned;
import static io.presencekit.pidf.HostileInputs.assertRejected;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import org.junit.jupiter.api.Test;

/**
 * Entity expansion bombs are refused at the DOCTYPE, before any expansion: the refusal is
 * {@link Reason#FORBIDDEN_CONSTRUCT}, never an out-of-memory error or a hang.
 */
class EntityExpansionRejectionTest {

    private static String billionLaughs(String use) {
        StringBuilder dtd = new StringBuilder("<!DOCTYPE presence [\n  <!ENTITY lol0 \"lol\">\n");
        for (int i = 1; i <= 9; i++) {
            dtd.append("  <!ENTITY lol").append(i).append(" \"");
            for (int j = 0; j < 10; j++) {
                dtd.append("&lol").append(i - 1).append(';');
            }
            dtd.append("\">\n");
        }
        dtd.append("]>\n");
        return "<?xml version=\"1.0\"?>\n" + dtd + use;
    }

    @Test
    void billionLaughsInTextIsRefused() {
        DocumentParseException e = assertRejected(Reason.FORBIDDEN_CONSTRUCT,
                billionLaughs("<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\"><note>&lol9;</note>"
                        + "</presence>"));
        assertPositioned(e);
    }

    @Test
    void billionLaughsInAnAttributeIsRefused() {
        DocumentParseException e = assertRejected(Reason.FORBIDDEN_CONSTRUCT,
                billionLaughs("<presence xmlns=\"" + PIDF + "\" entity=\"&lol9;\"/>"));
        assertPositioned(e);
    }

    @Test
    void quadraticBlowupIsRefused() {
        // one 100,000-character entity referenced 100,000 times: 10^10 characters if expanded
        String big = "a".repeat(100_000);
        String document = "<?xml version=\"1.0\"?>\n<!DOCTYPE presence [<!ENTITY a \"" + big + "\">]>\n"
                + "<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\"><note>" + "&a;".repeat(100_000)
                + "</note></presence>";
        assertTrue(document.length() < 2 * 1024 * 1024, "fits the default size limit");
        DocumentParseException e = assertRejected(Reason.FORBIDDEN_CONSTRUCT, document);
        assertPositioned(e);
    }

    @Test
    void quadraticBlowupWithoutADoctypeIsRefusedAtTheFirstReference() {
        DocumentParseException e = assertRejected(Reason.FORBIDDEN_CONSTRUCT,
                "<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\"><note>" + "&a;".repeat(100_000)
                        + "</note></presence>");
        assertPositioned(e);
    }
}
