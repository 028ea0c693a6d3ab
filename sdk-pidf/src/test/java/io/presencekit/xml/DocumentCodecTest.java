package io.presencekit.xml;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.error.PresenceKitException;
import io.presencekit.pidf.cipid.CipidCodecs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.Test;

/**
 * DocumentCodec with a document type of its own, so that what the base provides is tested apart
 * from PIDF and watcherinfo (whose codecs have their own tests).
 */
class DocumentCodecTest {
    private static final String NS = "urn:example:greeting";
    private static final QName GREETING = new QName(NS, "greeting");

    /** The whole document: one text element with an optional language. */
    record Greeting(String text, String lang, Map<QName, String> attributes) {
    }

    static final class GreetingCodec extends DocumentCodec<Greeting> {
        private static final Format<Greeting> FORMAT = new Format<>("greeting", GreetingCodec::read,
                GreetingCodec::write, null);

        private GreetingCodec(Builder b) {
            this(FORMAT, b);
        }

        private GreetingCodec(Format<Greeting> format, Builder b) {
            super(format, b);
        }

        /** A codec whose format claims {@code own} as the document's own codecs. */
        static GreetingCodec withOwnCodecs(Builder b, List<ExtensionCodec<?>> own) {
            return new GreetingCodec(new Format<>("greeting", GreetingCodec::read, GreetingCodec::write, null, own), b);
        }

        static Builder builder() {
            return new Builder();
        }

        Builder toBuilder() {
            return new Builder(this);
        }

        private static Greeting read(DocumentReader in) {
            in.requireRoot(NS, "greeting", "greeting");
            if (in.attribute("mood") != null) {
                in.schemaViolation("a greeting has no mood");
            }
            return in.textWithLang(Greeting::new);
        }

        private static byte[] write(Greeting g, ExtensionRegistry registry) {
            if (g.text().isBlank()) {
                throw new IllegalArgumentException("blank greeting");
            }
            DocumentWriter out = new DocumentWriter(registry);
            out.textElement(GREETING, g.text(), g.lang(), g.attributes());
            return out.toByteArray();
        }

        static final class Builder extends DocumentCodec.Builder<GreetingCodec, Builder> {
            private Builder() {
                super(ExtensionRegistry.empty());
            }

            private Builder(GreetingCodec codec) {
                super(codec);
            }

            @Override
            public GreetingCodec build() {
                return new GreetingCodec(this);
            }
        }
    }

    private static final GreetingCodec LENIENT = GreetingCodec.builder().build();

    private static byte[] bytes(String xml) {
        return xml.getBytes(UTF_8);
    }

    @Test
    void readsWithTheFormatsReaderFromBytesASliceAndAStream() {
        String xml = "<greeting xmlns='urn:example:greeting' xml:lang='fr'>bonjour</greeting>";
        Greeting expected = new Greeting("bonjour", "fr", Map.of());
        assertEquals(expected, LENIENT.read(bytes(xml)));
        byte[] padded = bytes("##" + xml + "##");
        assertEquals(expected, LENIENT.read(padded, 2, padded.length - 4));
        assertEquals(expected, LENIENT.read(new ByteArrayInputStream(bytes(xml))));
    }

    @Test
    void writesWithTheFormatsWriterAndReadsBack() {
        Greeting g = new Greeting("hello", "en", Map.of(new QName("urn:example:x", "tone", "x"), "warm"));
        byte[] written = LENIENT.write(g);
        String text = new String(written, UTF_8);
        assertTrue(text.contains("xml:lang=\"en\"") && text.contains(">hello</"), text);
        assertEquals(g, LENIENT.read(written));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LENIENT.write(g, out);
        assertEquals(text, out.toString(UTF_8));
    }

    @Test
    void anotherRootElementIsTheWrongDocument() {
        DocumentParseException e = assertThrows(DocumentParseException.class,
                () -> LENIENT.read(bytes("<farewell xmlns='urn:example:greeting'>bye</farewell>")));
        assertEquals(Reason.WRONG_DOCUMENT, e.reason());
        assertTrue(e.getMessage().startsWith("not a greeting document: root element is {urn:example:greeting}"
                + "farewell, expected {urn:example:greeting}greeting"), e.getMessage());
    }

    @Test
    void aSchemaSlipIsToleratedUnlessStrict() {
        byte[] moody = bytes("<greeting xmlns='urn:example:greeting' mood='grumpy'>hi</greeting>");
        assertEquals("hi", LENIENT.read(moody).text());
        GreetingCodec strict = GreetingCodec.builder().strict(true).build();
        assertTrue(strict.isStrict());
        assertEquals(Reason.SCHEMA, assertThrows(DocumentParseException.class, () -> strict.read(moody)).reason());
    }

    @Test
    void theLimitsApplyToEveryInput() {
        GreetingCodec small = GreetingCodec.builder().limits(XmlLimits.custom().maxDocumentBytes(64).build()).build();
        byte[] big = bytes("<greeting xmlns='urn:example:greeting'>" + "hello ".repeat(20) + "</greeting>");
        assertEquals(Reason.LIMIT_EXCEEDED, assertThrows(DocumentParseException.class, () -> small.read(big)).reason());
        assertEquals(Reason.LIMIT_EXCEEDED, assertThrows(DocumentParseException.class,
                () -> small.read(new ByteArrayInputStream(big))).reason());
    }

    @Test
    void aWriterRefusalNamesTheDocument() {
        PresenceKitException e = assertThrows(PresenceKitException.class,
                () -> LENIENT.write(new Greeting(" ", null, Map.of())));
        assertEquals("cannot write greeting document: blank greeting", e.getMessage());
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertThrows(NullPointerException.class, () -> LENIENT.write(null));
    }

    @Test
    void toBuilderKeepsModeLimitsAndRegistry() {
        ExtensionCodec<?> codec = CipidCodecs.codecs().get(0);
        XmlLimits limits = XmlLimits.custom().maxDepth(5).build();
        GreetingCodec custom = GreetingCodec.builder().strict(true).limits(limits).register(codec)
                .prefix(NS, "g").build();
        GreetingCodec copy = custom.toBuilder().build();
        assertTrue(copy.isStrict());
        assertSame(limits, copy.limits());
        assertSame(codec, copy.registry().codec(codec.name()));
        assertEquals("g", copy.registry().preferredPrefix(NS));

        GreetingCodec without = custom.toBuilder().unregister(codec.name()).strict(false).build();
        assertFalse(without.isStrict());
        assertNull(without.registry().codec(codec.name()));
        assertNotNull(custom.registry().codec(codec.name()), "the original keeps its registry");
    }

    @Test
    void theFormatsOwnCodecsCannotBeRemovedAndStayOutOfToBuilder() {
        List<ExtensionCodec<?>> cipid = CipidCodecs.codecs();
        ExtensionCodec<?> own = cipid.get(0);
        ExtensionCodec<?> other = cipid.get(1);
        assertEquals(List.of(), new DocumentCodec.Format<>("greeting", GreetingCodec::read, GreetingCodec::write, null)
                .ownCodecs());

        // removing an own codec from the builder does nothing: it is registered over the builder's
        GreetingCodec.Builder b = GreetingCodec.builder().register(other).unregister(own.name());
        GreetingCodec codec = GreetingCodec.withOwnCodecs(b, List.of(own));
        assertSame(own, codec.registry().codec(own.name()));
        assertSame(other, codec.registry().codec(other.name()));
        assertEquals(List.of(other, own), List.copyOf(codec.registry().codecs()), "own codecs come after the builder's");

        // toBuilder() starts from what the builder held, so the own codec is not in it
        GreetingCodec rebuilt = codec.toBuilder().build();
        assertNull(rebuilt.registry().codec(own.name()));
        assertSame(other, rebuilt.registry().codec(other.name()));
    }
}
