package io.presencekit.xcap.xcapcaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.xml.GenericElement;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class XcapCapsCodecTest {
    /** The capabilities document the Kamailio harness serves (interop/kamailio/kamailio.cfg; the RFC has no example). */
    private static final String KAMAILIO = """
            <?xml version="1.0" encoding="UTF-8"?>
            <xcap-caps xmlns="urn:ietf:params:xml:ns:xcap-caps">
              <auids>
                <auid>xcap-caps</auid>
                <auid>resource-lists</auid>
                <auid>rls-services</auid>
                <auid>pres-rules</auid>
                <auid>org.openmobilealliance.pres-rules</auid>
                <auid>pidf-manipulation</auid>
                <auid>org.openmobilealliance.user-profile</auid>
                <auid>org.openmobilealliance.pres-content</auid>
                <auid>org.openmobilealliance.xcap-directory</auid>
              </auids>
              <extensions/>
              <namespaces>
                <namespace>urn:ietf:params:xml:ns:xcap-caps</namespace>
                <namespace>urn:ietf:params:xml:ns:resource-lists</namespace>
                <namespace>urn:ietf:params:xml:ns:rls-services</namespace>
                <namespace>urn:ietf:params:xml:ns:pres-rules</namespace>
                <namespace>urn:ietf:params:xml:ns:pidf</namespace>
                <namespace>urn:oma:xml:xdm:user-profile</namespace>
                <namespace>urn:oma:xml:prs:pres-content</namespace>
                <namespace>urn:oma:xml:xdm:xcap-directory</namespace>
              </namespaces>
            </xcap-caps>
            """;

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void readsAuidsExtensionsAndNamespaces() {
        XcapCaps caps = XcapCapsCodec.strict().read(bytes(KAMAILIO));
        assertTrue(caps.supports("org.openmobilealliance.pres-rules"));
        assertFalse(caps.supports("org.openxcap.dialog-rules"));
        assertTrue(caps.hasExtensions());
        assertTrue(caps.extensions().isEmpty());
        // python-sipsimple maps <namespace> to the wrong tag and reads none of these
        assertEquals(8, caps.namespaces().size());
        assertTrue(caps.understands("urn:ietf:params:xml:ns:pres-rules"));
        assertEquals(caps, XcapCapsCodec.standard().read(XcapCapsCodec.standard().write(caps)));
    }

    @Test
    void writesTheRequiredListsEvenWhenEmpty() {
        XcapCaps caps = XcapCaps.builder().auid("resource-lists").build();
        assertEquals("""
                <?xml version="1.0" encoding="UTF-8"?>
                <xcap-caps xmlns="urn:ietf:params:xml:ns:xcap-caps"><auids><auid>resource-lists</auid></auids>\
                <namespaces/></xcap-caps>""", new String(XcapCapsCodec.standard().write(caps), StandardCharsets.UTF_8));
        XcapCaps withExtensions = caps.toBuilder().extension("xcap-diff").namespace("urn:x").build();
        assertEquals(withExtensions,
                XcapCapsCodec.strict().read(XcapCapsCodec.standard().write(withExtensions)));
    }

    @Test
    void keepsElementsFromOtherNamespaces() {
        XcapCaps caps = XcapCapsCodec.strict().read(bytes("""
                <xcap-caps xmlns="urn:ietf:params:xml:ns:xcap-caps" xmlns:o="urn:example:openxcap">
                  <auids><auid>resource-lists</auid></auids>
                  <namespaces><namespace>urn:ietf:params:xml:ns:resource-lists</namespace></namespaces>
                  <o:max-document-size>65536</o:max-document-size>
                </xcap-caps>
                """));
        assertEquals("65536", ((GenericElement) caps.extensionElements().get(0)).text());
        assertEquals(caps, XcapCapsCodec.standard().read(XcapCapsCodec.standard().write(caps)));
    }

    @Test
    void missingNamespacesIsALenientSlip() {
        String xml = "<xcap-caps xmlns=\"urn:ietf:params:xml:ns:xcap-caps\"><auids><auid>a</auid></auids></xcap-caps>";
        XcapCaps caps = XcapCapsCodec.standard().read(bytes(xml));
        assertEquals(List.of("a"), caps.auids());
        assertEquals(1, caps.warnings().size());
        assertThrows(DocumentParseException.class, () -> XcapCapsCodec.strict().read(bytes(xml)));
    }

    @Test
    void aListHoldingSomethingElseIsKeptWhole() {
        String xml = "<xcap-caps xmlns=\"urn:ietf:params:xml:ns:xcap-caps\"><auids><auid>a</auid><other/></auids>"
                + "<namespaces/></xcap-caps>";
        XcapCaps caps = XcapCapsCodec.standard().read(bytes(xml));
        assertTrue(caps.auids().isEmpty());
        assertEquals("auids", caps.extensionElements().get(0).qname().getLocalPart());
        assertEquals(caps, XcapCapsCodec.standard().read(XcapCapsCodec.standard().write(caps)));
        assertThrows(DocumentParseException.class, () -> XcapCapsCodec.strict().read(bytes(xml)));
    }
}
