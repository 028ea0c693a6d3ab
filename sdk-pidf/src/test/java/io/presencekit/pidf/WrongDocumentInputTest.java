package io.presencekit.pidf;

import static io.presencekit.pidf.HostileInputs.PIDF;
import static io.presencekit.pidf.HostileInputs.assertPositionedAt;
import static io.presencekit.pidf.HostileInputs.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Well-formed XML that is not PIDF is {@link Reason#WRONG_DOCUMENT} in both modes: the root must
 * be {@code presence} in exactly {@code urn:ietf:params:xml:ns:pidf}. Namespace names compare as
 * strings (Namespaces in XML 1.0, section 2.3), so case and spacing variants are other namespaces.
 */
class WrongDocumentInputTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "<presence entity=\"pres:a@example.com\"/>",
        "<presence xmlns=\"urn:ietf:params:xml:ns:PIDF\" entity=\"pres:a@example.com\"/>",
        "<presence xmlns=\"URN:IETF:PARAMS:XML:NS:PIDF\" entity=\"pres:a@example.com\"/>",
        "<presence xmlns=\"urn:ietf:params:xml:ns:pidf \" entity=\"pres:a@example.com\"/>",
        "<presence xmlns=\"urn:ietf:params:xml:ns:pidf:data-model\" entity=\"pres:a@example.com\"/>",
        "<presence xmlns=\"urn:ietf:params:xml:ns:cpim-pidf\" entity=\"pres:a@example.com\"/>",
        "<Presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"pres:a@example.com\"/>",
        "<tuple xmlns=\"urn:ietf:params:xml:ns:pidf\" id=\"t1\"><status/></tuple>",
        "<p:presence xmlns:p=\"urn:example:other\" xmlns=\"urn:ietf:params:xml:ns:pidf\""
                + " entity=\"pres:a@example.com\"/>",
        "<watcherinfo xmlns=\"urn:ietf:params:xml:ns:watcherinfo\" version=\"0\" state=\"full\"/>",
        "<html><body>503 Service Unavailable</body></html>",
    })
    void notAPidfRootIsTheWrongDocument(String document) {
        for (PidfCodec codec : new PidfCodec[] {PidfCodec.standard(), PidfCodec.strict()}) {
            DocumentParseException e = assertThrows(DocumentParseException.class,
                    () -> codec.read(utf8("<?xml version=\"1.0\"?>\n" + document)));
            assertEquals(Reason.WRONG_DOCUMENT, e.reason(), e::getMessage);
            assertPositionedAt(2, 1, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<presence xmlns=\"" + PIDF + "\" entity=\"pres:a@example.com\"/>",
        "<p:presence xmlns:p=\"" + PIDF + "\" entity=\"pres:a@example.com\"/>",
        "<p:presence xmlns:p=\"" + PIDF + "\" xmlns=\"urn:example:other\" entity=\"pres:a@example.com\"/>",
    })
    void pidfRootUnderAnyPrefixIsRead(String document) {
        assertEquals("pres:a@example.com", PidfCodec.strict().read(utf8(document)).entity());
    }
}
