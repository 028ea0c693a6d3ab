package io.presencekit.xcap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.presencekit.testing.Vectors;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every HTTP example message of RFC 4825, RFC 5874 and RFC 5875 appendix A (manifest family
 * {@code http-message}): each request line's target is parsed by {@link XcapUri} and rebuilt to
 * exactly the same path and query; the node selector's target agrees with the request's
 * Content-Type; XCAP URIs inside the bodies parse and rebuild too. Responses: status line, entity
 * tag and attribute value.
 */
class XcapHttpVectorTest {
    private static final Pattern RESOURCE_LIST = Pattern.compile("<resource-list>\\s*(\\S+?)\\s*</resource-list>");

    /** A message split into start line, headers (the first of each name, lower-cased) and body. */
    private record Message(String startLine, Map<String, String> headers, String body) {
        static Message parse(byte[] bytes) {
            String text = new String(bytes, StandardCharsets.UTF_8).replace("\r\n", "\n");
            int end = text.indexOf("\n\n");
            String head = end < 0 ? text : text.substring(0, end);
            String body = end < 0 ? "" : text.substring(end + 2);
            List<String> lines = head.lines().toList();
            Map<String, String> headers = new LinkedHashMap<>();
            for (String line : lines.subList(1, lines.size())) {
                int colon = line.indexOf(':');
                if (colon > 0) { // RFC 5874's examples elide headers with "...."
                    headers.putIfAbsent(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
                            line.substring(colon + 1).strip());
                }
            }
            return new Message(lines.get(0), headers, body);
        }
    }

    @TestFactory
    Stream<DynamicTest> httpMessages() {
        List<Vectors.Entry> entries = Vectors.manifest().family("http-message");
        assertTrue(entries.size() >= 24, "the RFC 4825, RFC 5874 and RFC 5875 messages are listed");
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> {
            assertEquals("parse", e.expectation(), e.file());
            Message m = Message.parse(Vectors.bytes(e.file()));
            if (m.startLine().startsWith("HTTP/")) {
                checkResponse(m, previousRequest(entries, e));
            } else {
                checkRequest(m);
            }
        }));
    }

    private static XcapUri checkRequest(Message m) {
        String[] line = m.startLine().split(" ");
        assertEquals(3, line.length, m.startLine());
        assertTrue(List.of("GET", "PUT", "DELETE").contains(line[0]), line[0]);
        assertEquals("HTTP/1.1", line[2]);
        String target = line[1];
        String root = "http://" + m.headers().getOrDefault("host", "xcap.example.com");

        XcapUri uri = XcapUri.parse(root, target);
        assertEquals(target, uri.requestTarget(), "rebuilt path and query");
        int q = target.indexOf('?');
        assertEquals(q < 0 ? target : target.substring(0, q), uri.path());
        assertEquals(q < 0 ? Optional.empty() : Optional.of(target.substring(q + 1)), uri.query());
        assertEquals(uri, XcapUri.parse(root, root + target), "absolute and origin forms agree");
        assertEquals(uri, XcapUri.parse(root, uri.toString()));

        String contentType = m.headers().get("content-type");
        if (line[0].equals("PUT") && contentType != null) {
            NodeSelector.Target expected = uri.nodeSelector().map(NodeSelector::target).orElse(null);
            if (XcapMediaTypes.is(contentType, XcapMediaTypes.ELEMENT)) {
                assertEquals(NodeSelector.Target.ELEMENT, expected);
            } else if (XcapMediaTypes.is(contentType, XcapMediaTypes.ATTRIBUTE)) {
                assertEquals(NodeSelector.Target.ATTRIBUTE, expected);
            } else {
                assertTrue(uri.isDocument(), "a document type goes to a document URI");
            }
        }
        Matcher inBody = RESOURCE_LIST.matcher(m.body());
        while (inBody.find()) {
            String reference = inBody.group(1);
            XcapUri referenced = XcapUri.parse(root, reference);
            assertEquals(reference, referenced.toString(), "XCAP URI in the body");
        }
        return uri;
    }

    private static XcapUri previousRequest(List<Vectors.Entry> entries, Vectors.Entry response) {
        int i = entries.indexOf(response);
        assertTrue(i > 0, "a response follows its request in the manifest");
        return checkRequest(Message.parse(Vectors.bytes(entries.get(i - 1).file())));
    }

    private static void checkResponse(Message m, XcapUri requested) {
        String[] status = m.startLine().split(" ", 3);
        assertEquals("HTTP/1.1", status[0]);
        int code = Integer.parseInt(status[1]);
        XcapResponse.Builder b = XcapResponse.builder("GET", requested, code).reason(status[2]);
        m.headers().forEach(b::header);
        XcapResponse r = b.body(m.body().getBytes(StandardCharsets.UTF_8)).build();
        assertEquals(200, r.status());
        assertEquals("OK", r.reason());
        String etag = r.etag().orElseThrow();
        assertTrue(etag.matches("\"[^\"]+\""), "a strong, quoted entity tag: " + etag);
        assertEquals(m.headers().get("etag"), etag, "kept exactly as sent");
        assertEquals("\"" + etag.substring(1, etag.length() - 1) + "\"", Precondition.ifMatch(etag).etag().orElseThrow());
        String type = r.contentType().orElseThrow();
        if (XcapMediaTypes.is(type, XcapMediaTypes.ATTRIBUTE)) {
            assertEquals(NodeSelector.Target.ATTRIBUTE, requested.nodeSelector().orElseThrow().target());
            assertEquals("sip:nancy@example.com", r.attributeValue());
        } else {
            assertTrue(requested.isDocument());
            assertTrue(r.bodyAsString().contains("<resource-lists"), "the document");
        }
    }
}
