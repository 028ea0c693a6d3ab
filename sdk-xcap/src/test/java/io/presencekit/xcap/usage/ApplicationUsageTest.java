package io.presencekit.xcap.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.pidf.PresenceDocument;
import io.presencekit.testing.Vectors;
import io.presencekit.xcap.policy.PolicyCodec;
import io.presencekit.xcap.policy.Ruleset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApplicationUsageTest {
    @Test
    void describesTheStandardUsages() {
        assertEquals(List.of("xcap-caps", "resource-lists", "rls-services", "pres-rules",
                "org.openmobilealliance.pres-rules", "pidf-manipulation", "org.openmobilealliance.pres-content",
                "org.openmobilealliance.xcap-directory"),
                ApplicationUsage.standard().stream().map(ApplicationUsage::auid).toList());
        assertEquals(ApplicationUsage.Tree.GLOBAL, ApplicationUsage.XCAP_CAPS.tree());
        assertEquals("index", ApplicationUsage.XCAP_CAPS.defaultDocumentName());
        assertEquals("application/resource-lists+xml", ApplicationUsage.RESOURCE_LISTS.mimeType());
        assertEquals("application/rls-services+xml", ApplicationUsage.RLS_SERVICES.mimeType());
        assertEquals("application/auth-policy+xml", ApplicationUsage.OMA_PRES_RULES.mimeType());
        assertEquals("pres-rules", ApplicationUsage.OMA_PRES_RULES.defaultDocumentName());
        assertEquals("application/pidf+xml", ApplicationUsage.PIDF_MANIPULATION.mimeType());
        assertEquals("application/vnd.oma.pres-content+xml", ApplicationUsage.OMA_PRES_CONTENT.mimeType());
        assertEquals("oma_status-icon/index", ApplicationUsage.OMA_PRES_CONTENT.defaultDocumentName());
        assertEquals("application/vnd.oma.xcap-directory+xml", ApplicationUsage.OMA_XCAP_DIRECTORY.mimeType());
        assertEquals("directory.xml", ApplicationUsage.OMA_XCAP_DIRECTORY.defaultDocumentName());
        for (ApplicationUsage<?> u : ApplicationUsage.standard()) {
            assertEquals(u.mimeType(), u.codec().contentType(), u.auid());
            assertSame(u, ApplicationUsage.forAuid(u.auid()).orElseThrow());
        }
        assertTrue(ApplicationUsage.forAuid("org.openxcap.dialog-rules").isEmpty());
    }

    @Test
    void pidfManipulationDocumentsArePidf() {
        PresenceDocument offline = ApplicationUsage.PIDF_MANIPULATION.codec().read(Vectors.bytes("rfc4827-ex1.xml"));
        assertEquals(offline, ApplicationUsage.PIDF_MANIPULATION.codec()
                .read(ApplicationUsage.PIDF_MANIPULATION.codec().write(offline)));
    }

    @Test
    void aUsageCanCarryAnotherCodec() {
        ApplicationUsage<Ruleset> strict = ApplicationUsage.OMA_PRES_RULES.withCodec(PolicyCodec.strict());
        assertTrue(strict.codec().isStrict());
        assertEquals(ApplicationUsage.OMA_PRES_RULES.auid(), strict.auid());
        assertEquals("index", ApplicationUsage.OMA_PRES_RULES.withDefaultDocumentName("index").defaultDocumentName());
        ApplicationUsage<?> custom = ApplicationUsage.of("org.openmobilealliance.user-profile",
                "application/vnd.oma.user-profile+xml", "urn:oma:xml:xdm:user-profile", "user-profile",
                ApplicationUsage.Tree.USERS, GenericDocumentCodec.standard());
        assertEquals("user-profile", custom.defaultDocumentName());
    }
}
