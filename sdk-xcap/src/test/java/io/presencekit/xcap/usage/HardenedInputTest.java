package io.presencekit.xcap.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.presencekit.error.DocumentParseException;
import io.presencekit.error.DocumentParseException.Reason;
import io.presencekit.xcap.diff.XcapDiffCodec;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every XCAP document codec refuses hostile and broken input the same way, lenient or strict. */
class HardenedInputTest {
    private static List<XcapDocumentCodec<?>> codecs() {
        List<XcapDocumentCodec<?>> all = new ArrayList<>();
        for (ApplicationUsage<?> u : ApplicationUsage.standard()) {
            all.add(u.codec());
        }
        all.add(XcapDiffCodec.standard());
        all.add(XcapDiffCodec.strict());
        all.add(GenericDocumentCodec.standard());
        return all;
    }

    private static void refused(XcapDocumentCodec<?> codec, String input, Reason reason) {
        refused(codec, input, reason, null);
    }

    /** As above; {@code latin1} replaces the one non-ASCII character of {@code input} with raw bytes. */
    private static void refused(XcapDocumentCodec<?> codec, String input, Reason reason, byte[] latin1) {
        byte[] b = input.getBytes(StandardCharsets.UTF_8);
        if (latin1 != null) {
            String[] parts = input.split("\u00e9");
            byte[] head = parts[0].getBytes(StandardCharsets.UTF_8);
            byte[] tail = parts[1].getBytes(StandardCharsets.UTF_8);
            b = new byte[head.length + latin1.length + tail.length];
            System.arraycopy(head, 0, b, 0, head.length);
            System.arraycopy(latin1, 0, b, head.length, latin1.length);
            System.arraycopy(tail, 0, b, head.length + latin1.length, tail.length);
        }
        byte[] in = b;
        DocumentParseException e = assertThrows(DocumentParseException.class, () -> codec.read(in));
        assertEquals(reason, e.reason(), e.getMessage());
        DocumentParseException s = assertThrows(DocumentParseException.class,
                () -> codec.read(new ByteArrayInputStream(in)));
        assertEquals(reason, s.reason(), s.getMessage());
    }

    /** The root start tag each codec accepts, so that the faults below are met inside a document of its kind. */
    private static String root(XcapDocumentCodec<?> c) {
        return switch (c.contentType()) {
            case "application/xcap-caps+xml" -> "xcap-caps xmlns=\"urn:ietf:params:xml:ns:xcap-caps\"";
            case "application/resource-lists+xml" -> "resource-lists xmlns=\"urn:ietf:params:xml:ns:resource-lists\"";
            case "application/rls-services+xml" -> "rls-services xmlns=\"urn:ietf:params:xml:ns:rls-services\"";
            case "application/auth-policy+xml" -> "ruleset xmlns=\"urn:ietf:params:xml:ns:common-policy\"";
            case "application/pidf+xml" -> "presence xmlns=\"urn:ietf:params:xml:ns:pidf\" entity=\"sip:a@example.com\"";
            case "application/vnd.oma.pres-content+xml" -> "content xmlns=\"urn:oma:xml:prs:pres-content\"";
            case "application/vnd.oma.xcap-directory+xml" -> "xcap-directory xmlns=\"urn:oma:xml:xdm:xcap-directory\"";
            case "application/xcap-diff+xml" -> "xcap-diff xmlns=\"urn:ietf:params:xml:ns:xcap-diff\" xcap-root=\"http://x/\"";
            default -> "a";
        };
    }

    @TestFactory
    Stream<DynamicTest> refusesHostileInput() {
        return codecs().stream().map(c -> DynamicTest.dynamicTest(c.contentType() + (c.isStrict() ? " strict" : ""),
                () -> {
                    String open = "<" + root(c) + ">";
                    String close = "</" + root(c).split(" ")[0] + ">";
                    refused(c, "", Reason.EMPTY);
                    refused(c, " \n\t", Reason.EMPTY);
                    refused(c, open + "</wrong>", Reason.MALFORMED);
                    refused(c, open + "<x:b xmlns:x=\"urn:x\"><y:c/></x:b>" + close, Reason.MALFORMED);
                    refused(c, open + close + "<b/>", Reason.MALFORMED);
                    refused(c, open, Reason.MALFORMED);
                    refused(c, "<?xml version=\"1.0\"?><!DOCTYPE a [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>" + open
                            + "&e;" + close, Reason.FORBIDDEN_CONSTRUCT);
                    refused(c, "<!DOCTYPE a [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;\">]>" + open
                            + "&b;" + close, Reason.FORBIDDEN_CONSTRUCT);
                    refused(c, open + "<x:b xmlns:x=\"urn:x\">&unknown;</x:b>" + close, Reason.FORBIDDEN_CONSTRUCT);
                    refused(c, open + "<x:b xmlns:x=\"urn:x\">".repeat(40) + "</x:b>".repeat(40) + close,
                            Reason.LIMIT_EXCEEDED);
                    refused(c, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>" + open + "\u00e9" + close,
                            Reason.ENCODING, "\u00e9".getBytes(StandardCharsets.ISO_8859_1));
                }));
    }

    @TestFactory
    Stream<DynamicTest> refusesDocumentsOfAnotherUsage() {
        return ApplicationUsage.standard().stream().map(u -> DynamicTest.dynamicTest(u.auid(),
                () -> refused(u.codec(), "<watchers xmlns=\"http://openxcap.org/ns/watchers\"/>",
                        Reason.WRONG_DOCUMENT)));
    }
}
