package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.presencekit.error.DocumentParseException;
import io.presencekit.testing.Vectors;
import io.presencekit.xcap.diff.XcapDiff;
import io.presencekit.xcap.diff.XcapDiffCodec;
import io.presencekit.xcap.directory.XcapDirectory;
import io.presencekit.xcap.directory.XcapDirectoryCodec;
import io.presencekit.xcap.policy.PolicyCodec;
import io.presencekit.xcap.policy.Rule;
import io.presencekit.xcap.policy.Ruleset;
import io.presencekit.xcap.policy.Transformations;
import io.presencekit.xcap.prescontent.PresContent;
import io.presencekit.xcap.prescontent.PresContentCodec;
import io.presencekit.xcap.resourcelists.Entry;
import io.presencekit.xcap.resourcelists.ResourceList;
import io.presencekit.xcap.resourcelists.ResourceLists;
import io.presencekit.xcap.resourcelists.ResourceListsCodec;
import io.presencekit.xcap.rlsservices.RlsServices;
import io.presencekit.xcap.rlsservices.RlsServicesCodec;
import io.presencekit.xcap.usage.GenericDocumentCodec;
import io.presencekit.xcap.usage.XcapDocumentCodec;
import io.presencekit.xcap.usage.XcapNamespaces;
import io.presencekit.xcap.xcapcaps.XcapCaps;
import io.presencekit.xcap.xcapcaps.XcapCapsCodec;
import io.presencekit.xml.ExtensionElement;
import io.presencekit.xml.GenericElement;
import io.presencekit.xml.ParseWarning;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import javax.xml.namespace.QName;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the {@code xcap-document} vector family, as the manifest says: read by the codec
 * for its root element and round-tripped equal (strict and warning-free unless marked
 * {@code lenient}), refused for the stated reason by every typed codec, read as a fragment inside
 * its parent, or read by the generic codec because no typed codec claims its root.
 */
class XcapDocumentVectorTest {
    /** A typed codec pair and how to get a parsed document's warnings. */
    private record Typed(String name, XcapDocumentCodec<?> standard, XcapDocumentCodec<?> strict,
            Function<Object, List<ParseWarning>> warnings) {
    }

    private static final Map<QName, Typed> CODECS = new LinkedHashMap<>();

    static {
        put(ResourceLists.QNAME, "resource-lists", ResourceListsCodec.standard(), ResourceListsCodec.strict(),
                d -> ((ResourceLists) d).warnings());
        put(RlsServices.QNAME, "rls-services", RlsServicesCodec.standard(), RlsServicesCodec.strict(),
                d -> ((RlsServices) d).warnings());
        put(Ruleset.QNAME, "ruleset", PolicyCodec.standard(), PolicyCodec.strict(), d -> ((Ruleset) d).warnings());
        put(PresContent.QNAME, "pres-content", PresContentCodec.standard(), PresContentCodec.strict(),
                d -> ((PresContent) d).warnings());
        put(XcapDirectory.QNAME, "xcap-directory", XcapDirectoryCodec.standard(), XcapDirectoryCodec.strict(),
                d -> ((XcapDirectory) d).warnings());
        put(XcapCaps.QNAME, "xcap-caps", XcapCapsCodec.standard(), XcapCapsCodec.strict(),
                d -> ((XcapCaps) d).warnings());
        put(XcapDiff.QNAME, "xcap-diff", XcapDiffCodec.standard(), XcapDiffCodec.strict(),
                d -> ((XcapDiff) d).warnings());
    }

    private static final Map<String, Integer> COUNTS = new TreeMap<>();

    private static void put(QName root, String name, XcapDocumentCodec<?> standard, XcapDocumentCodec<?> strict,
            Function<Object, List<ParseWarning>> warnings) {
        CODECS.put(new QName(root.getNamespaceURI(), root.getLocalPart()), new Typed(name, standard, strict,
                warnings));
    }

    @TestFactory
    Stream<DynamicTest> xcapDocuments() {
        return Vectors.manifest().family("xcap-document").stream()
                .map(e -> DynamicTest.dynamicTest(e.file() + " (" + e.expectation() + ")", () -> check(e)));
    }

    @AfterAll
    static void printCounts() {
        if (!COUNTS.isEmpty()) {
            StringBuilder sb = new StringBuilder("xcap-document vectors checked:\n");
            COUNTS.forEach((k, v) -> sb.append(String.format("  %-32s %d%n", k, v)));
            System.out.print(sb);
        }
    }

    private static void count(String key) {
        synchronized (COUNTS) {
            COUNTS.merge(key, 1, Integer::sum);
        }
    }

    private static void check(Vectors.Entry e) {
        byte[] input = Vectors.bytes(e.file());
        switch (e.expectation()) {
            case "parse" -> {
                Typed codec = codecFor(input, e);
                roundTrip(codec, input, e.argument().equals("lenient"));
                count("parse " + codec.name() + (e.argument().isEmpty() ? "" : " (lenient)"));
            }
            case "reject" -> {
                DocumentParseException.Reason reason = DocumentParseException.Reason.valueOf(e.argument());
                for (Typed codec : CODECS.values()) {
                    DocumentParseException ex = assertThrows(DocumentParseException.class,
                            () -> codec.standard().read(input), codec.name() + " accepted it");
                    assertEquals(reason, ex.reason(), codec.name() + ": " + ex.getMessage());
                }
                count("reject " + reason);
            }
            case "fragment" -> {
                fragment(e, input);
                count("fragment " + e.argument());
            }
            case "generic" -> {
                GenericElement root = GenericDocumentCodec.standard().read(input);
                QName name = new QName(root.qname().getNamespaceURI(), root.qname().getLocalPart());
                assertFalse(CODECS.containsKey(name), "a typed codec claims " + name + ": expect parse");
                byte[] written = GenericDocumentCodec.standard().write(root);
                assertEquals(root, GenericDocumentCodec.standard().read(written),
                        () -> "round trip changed the tree; written:\n" + text(written));
                count("generic");
            }
            default -> fail("unexpected expectation for this family: " + e);
        }
    }

    private static Typed codecFor(byte[] input, Vectors.Entry e) {
        GenericElement root = GenericDocumentCodec.standard().read(input);
        Typed codec = CODECS.get(new QName(root.qname().getNamespaceURI(), root.qname().getLocalPart()));
        assertNotNull(codec, () -> "no typed codec for root " + root.qname() + " of " + e.file());
        return codec;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Object roundTrip(Typed codec, byte[] input, boolean lenient) {
        XcapDocumentCodec c = codec.standard();
        Object doc = c.read(input);
        List<ParseWarning> warnings = codec.warnings().apply(doc);
        if (lenient) {
            assertFalse(warnings.isEmpty(), "marked lenient, but read without warnings");
            DocumentParseException ex = assertThrows(DocumentParseException.class, () -> codec.strict().read(input),
                    "the strict codec accepted it");
            assertEquals(DocumentParseException.Reason.SCHEMA, ex.reason(), ex.getMessage());
        } else {
            assertTrue(warnings.isEmpty(), () -> "warnings: " + warnings);
            assertEquals(doc, codec.strict().read(input), "the strict codec read it differently");
        }
        byte[] written = c.write(doc);
        Object again = c.read(written);
        assertEquals(doc, again, () -> "round trip changed the model; written:\n" + text(written));
        List<ParseWarning> againWarnings = codec.warnings().apply(again);
        assertTrue(againWarnings.isEmpty() || !warnings.isEmpty(), () -> "writing introduced slips: " + againWarnings);
        assertArrayEquals(written, c.write(again), "writing is not deterministic");
        return doc;
    }

    private static void fragment(Vectors.Entry e, byte[] raw) {
        String fragment = new String(raw, StandardCharsets.UTF_8).replaceFirst("^\\s*<\\?xml[^>]*\\?>", "");
        String rl = XcapNamespaces.RESOURCE_LISTS;
        switch (e.argument()) {
            case "rl:resource-lists" -> {
                ResourceLists doc = (ResourceLists) roundTrip(CODECS.get(ResourceLists.QNAME),
                        bytes("<resource-lists xmlns=\"" + rl + "\">" + fragment + "</resource-lists>"), false);
                assertEquals(1, doc.items().size(), "one element in the fragment");
                assertTyped(doc.items().get(0));
            }
            case "rl:list" -> {
                ResourceLists doc = (ResourceLists) roundTrip(CODECS.get(ResourceLists.QNAME),
                        bytes("<resource-lists xmlns=\"" + rl + "\"><list name=\"fragment\">" + fragment
                                + "</list></resource-lists>"), false);
                ResourceList list = doc.lists().get(0);
                assertEquals(1, list.items().size(), "one element in the fragment");
                assertTyped(list.items().get(0));
            }
            case "rl:entry" -> {
                ResourceLists doc = (ResourceLists) roundTrip(CODECS.get(ResourceLists.QNAME),
                        bytes("<resource-lists xmlns=\"" + rl + "\"><list name=\"fragment\">"
                                + "<entry uri=\"sip:fragment@example.com\">" + fragment
                                + "</entry></list></resource-lists>"), false);
                Entry entry = doc.lists().get(0).entries().get(0);
                assertTrue(entry.displayName().isPresent(), "the fragment is the entry's display name");
                assertTrue(entry.extras().isEmpty(), () -> "kept as extras: " + entry.extras());
            }
            case "pr:transformations" -> {
                Ruleset doc = (Ruleset) roundTrip(CODECS.get(Ruleset.QNAME), bytes("<cp:ruleset xmlns:cp=\""
                        + XcapNamespaces.COMMON_POLICY + "\" xmlns=\"" + XcapNamespaces.PRES_RULES
                        + "\"><cp:rule id=\"fragment\"><cp:transformations>" + fragment
                        + "</cp:transformations></cp:rule></cp:ruleset>"), false);
                Rule rule = doc.rules().get(0);
                Transformations t = rule.transformations().orElseThrow();
                assertEquals(1, t.items().size(), "one element in the fragment");
                assertTyped(t.items().get(0));
            }
            default -> fail("unknown fragment parent " + e.argument());
        }
    }

    private static void assertTyped(ExtensionElement e) {
        assertFalse(e instanceof GenericElement, () -> "fragment read as a generic element: " + e);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
