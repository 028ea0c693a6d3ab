package io.presencekit.xcap.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.xcap.diff.XcapDiffCodec;
import io.presencekit.xcap.diff.internal.DiffSupport;
import io.presencekit.xcap.directory.XcapDirectoryCodec;
import io.presencekit.xcap.directory.internal.DirectorySupport;
import io.presencekit.xcap.policy.PolicyCodec;
import io.presencekit.xcap.policy.internal.PolicySupport;
import io.presencekit.xcap.prescontent.PresContentCodec;
import io.presencekit.xcap.prescontent.internal.PresContentSupport;
import io.presencekit.xcap.resourcelists.ResourceListsCodec;
import io.presencekit.xcap.resourcelists.internal.ResourceListsCodecs;
import io.presencekit.xcap.rlsservices.RlsServicesCodec;
import io.presencekit.xcap.rlsservices.internal.RlsServicesSupport;
import io.presencekit.xcap.xcapcaps.XcapCapsCodec;
import io.presencekit.xcap.xcapcaps.internal.XcapCapsSupport;
import io.presencekit.xml.DocumentCodec;
import io.presencekit.xml.ExtensionCodec;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.XmlLimits;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What every XCAP document codec shares through {@link DocumentCodec}: the shared instances'
 * modes, the settings toBuilder() keeps, and the document's own codecs, which a builder can
 * neither remove nor lose on a round trip through toBuilder().
 */
class DocumentCodecSettingsTest {
    /** One codec: its shared instances, and a builder started from standard() with an element removed. */
    record Case(String name, DocumentCodec<?> standard, DocumentCodec<?> strict,
            Function<QName, DocumentCodec<?>> withoutElement, Function<DocumentCodec<?>, DocumentCodec<?>> rebuilt,
            List<ExtensionCodec<?>> own) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> codecs() {
        return Stream.of(
                new Case("xcap-diff", XcapDiffCodec.standard(), XcapDiffCodec.strict(),
                        n -> XcapDiffCodec.builder().unregister(n).build(),
                        c -> ((XcapDiffCodec) c).toBuilder().build(), DiffSupport.core()),
                new Case("xcap-directory", XcapDirectoryCodec.standard(), XcapDirectoryCodec.strict(),
                        n -> XcapDirectoryCodec.builder().unregister(n).build(),
                        c -> ((XcapDirectoryCodec) c).toBuilder().build(), DirectorySupport.core()),
                new Case("policy", PolicyCodec.standard(), PolicyCodec.strict(),
                        n -> PolicyCodec.builder().unregister(n).build(),
                        c -> ((PolicyCodec) c).toBuilder().build(), PolicySupport.core()),
                new Case("pres-content", PresContentCodec.standard(), PresContentCodec.strict(),
                        n -> PresContentCodec.builder().unregister(n).build(),
                        c -> ((PresContentCodec) c).toBuilder().build(), PresContentSupport.core()),
                new Case("resource-lists", ResourceListsCodec.standard(), ResourceListsCodec.strict(),
                        n -> ResourceListsCodec.builder().unregister(n).build(),
                        c -> ((ResourceListsCodec) c).toBuilder().build(), ResourceListsCodecs.core()),
                new Case("rls-services", RlsServicesCodec.standard(), RlsServicesCodec.strict(),
                        n -> RlsServicesCodec.builder().unregister(n).build(),
                        c -> ((RlsServicesCodec) c).toBuilder().build(), RlsServicesSupport.core()),
                new Case("xcap-caps", XcapCapsCodec.standard(), XcapCapsCodec.strict(),
                        n -> XcapCapsCodec.builder().unregister(n).build(),
                        c -> ((XcapCapsCodec) c).toBuilder().build(), XcapCapsSupport.core()));
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void theSharedInstancesAreLenientAndStrict(Case c) {
        assertFalse(c.standard().isStrict());
        assertTrue(c.strict().isStrict());
        assertSame(c.standard().limits(), c.strict().limits());
        assertTrue(c.standard() instanceof XcapDocumentCodec<?>);
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void theDocumentsOwnCodecsCannotBeRemoved(Case c) {
        assertFalse(c.own().isEmpty());
        for (ExtensionCodec<?> own : c.own()) {
            assertNotNull(c.standard().registry().codec(own.name()), own.name().toString());
            DocumentCodec<?> without = c.withoutElement().apply(own.name());
            assertEquals(own.name(), without.registry().codec(own.name()).name());
        }
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void toBuilderKeepsTheRegistryInItsOrder(Case c) {
        DocumentCodec<?> copy = c.rebuilt().apply(c.strict());
        assertTrue(copy.isStrict());
        assertSame(c.strict().limits(), copy.limits());
        assertEquals(List.copyOf(c.strict().registry().codecs()), List.copyOf(copy.registry().codecs()));
        assertEquals(c.strict().registry().preferredPrefixes(), copy.registry().preferredPrefixes());
    }

    @org.junit.jupiter.api.Test
    void presContentsDefaultLimitsLeaveRoomForAnIcon() {
        assertEquals(PresContentCodec.MAX_TEXT_LENGTH, PresContentCodec.standard().limits().maxTextLength());
        assertEquals(PresContentCodec.MAX_TEXT_LENGTH, PresContentCodec.builder().build().limits().maxTextLength());
    }

    @org.junit.jupiter.api.Test
    void theGenericCodecKeepsItsLimitsAndContentType() {
        XmlLimits limits = XmlLimits.custom().maxDepth(3).build();
        GenericDocumentCodec codec = GenericDocumentCodec.of(limits, "application/vnd.example+xml");
        assertSame(limits, codec.limits());
        assertFalse(codec.isStrict());
        assertEquals("application/vnd.example+xml", codec.contentType());
        assertEquals(GenericDocumentCodec.CONTENT_TYPE, GenericDocumentCodec.standard().contentType());
        assertThrows(NullPointerException.class, () -> GenericDocumentCodec.of(null, "application/xml"));
        assertThrows(NullPointerException.class, () -> GenericDocumentCodec.of(limits, null));
        assertThrows(NullPointerException.class, () -> codec.write(null));
        GenericElement e = codec.read("<a xmlns='urn:x'><b/></a>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertEquals(e, codec.read(codec.write(e)));
    }
}
